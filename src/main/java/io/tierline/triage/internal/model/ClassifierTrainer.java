package io.tierline.triage.internal.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.TreeSet;
import java.util.function.DoubleConsumer;

/** Trains a {@link TextClassifier} from labelled texts with given hyperparameters. */
public final class ClassifierTrainer {

	/** Threads that embed the training texts for the meaning vote (the rest of training uses the settings' threads). */
	static final int EMBEDDING_THREADS = 2;

	private final TrainerSettings settings;
	private final MeaningVote.Settings meaning;
	private final Function<String, float[]> embedder;
	private final Map<String, float[]> embedded;

	public ClassifierTrainer(TrainerSettings settings) {
		this(settings, MeaningVote.Settings.OFF, null);
	}

	/**
	 * With a meaning vote when {@code meaning} is on: {@code embedder} embeds a text as a vector of
	 * length 1 (the vote compares them by dot product),
	 * for the training texts and later for each text to predict.
	 */
	public ClassifierTrainer(TrainerSettings settings, MeaningVote.Settings meaning, Function<String, float[]> embedder) {
		this.settings = settings;
		this.meaning = meaning;
		this.embedder = embedder;
		this.embedded = new ConcurrentHashMap<>();
	}

	public TextClassifier train(List<String> texts, List<String> labelsOfTexts) {
		return train(texts, labelsOfTexts, fraction -> {
		});
	}

	/** Trains, reporting progress in [0, 1] as the stages and classes finish. */
	public TextClassifier train(List<String> texts, List<String> labelsOfTexts, DoubleConsumer progress) {
		if (texts.isEmpty()) {
			throw new IllegalArgumentException("no training texts");
		}
		// embedding is most of the work when there is a meaning vote: half of the progress
		float[][] meaningVectors = meaning.on() ? embeddings(texts, fraction -> progress.accept(0.5 * fraction)) : null;
		DoubleConsumer rest = meaning.on() ? fraction -> progress.accept(0.5 + 0.5 * fraction) : progress;
		List<String> labels = new ArrayList<>(new TreeSet<>(labelsOfTexts));
		FeatureHasher[] blocks = settings.blocks();
		int[] df = Vectorizer.documentFrequencies(texts, blocks);
		Vectorizer vectorizer = new Vectorizer(blocks, index -> Vectorizer.idf(texts.size(), df[index]));
		rest.accept(0.1);
		List<SparseVector> examples = new ArrayList<>(texts.size());
		for (String text : texts) {
			examples.add(vectorizer.transform(text));
		}
		rest.accept(0.2);
		int[] y = new int[texts.size()];
		for (int i = 0; i < y.length; i++) {
			y[i] = labels.indexOf(labelsOfTexts.get(i));
		}
		int[] done = { 0 };
		LinearSvm svm = new LinearSvm(settings.c(), settings.maxEpochs(), 0.1, settings.threads());
		float[][] weights = svm.train(examples, y, labels.size(), vectorizer.dimension(), label -> {
			synchronized (done) {
				done[0]++;
				rest.accept(0.2 + 0.8 * done[0] / labels.size());
			}
		});
		NeighbourVote vote = settings.votes() ? NeighbourVote.index(examples, y, labels.size(), blocks[0].dimension(),
				settings.neighbours(), (float) settings.neighbourWeight()) : null;
		MeaningVote byMeaning = meaning.on() ? MeaningVote.build(meaningVectors, y, labels.size(), meaning, embedder) : null;
		return compact(blocks, texts.size(), labels, df, weights, vote, byMeaning);
	}

	/**
	 * The training texts' embeddings; a trainer remembers them by head, so the models of one client
	 * (hold-out, category, queue) embed each ticket once.
	 */
	private float[][] embeddings(List<String> texts, DoubleConsumer progress) {
		List<String> heads = texts.stream().map(t -> MeaningVote.head(t, meaning.words())).toList();
		List<String> missing = heads.stream().filter(h -> !embedded.containsKey(h)).distinct().toList();
		float[][] fresh = MeaningVote.embedAll(missing, embedder, EMBEDDING_THREADS, progress);
		for (int i = 0; i < fresh.length; i++) {
			embedded.put(missing.get(i), fresh[i]);
		}
		return heads.stream().map(embedded::get).toArray(float[][]::new);
	}

	private static TextClassifier compact(FeatureHasher[] blocks, int documents, List<String> labels, int[] df,
			float[][] weights, NeighbourVote vote, MeaningVote meaning) {
		int seen = 0;
		for (int count : df) {
			if (count > 0) {
				seen++;
			}
		}
		int classes = labels.size();
		int[] keys = new int[seen];
		float[] idf = new float[seen];
		float[] packed = new float[seen * classes];
		int position = 0;
		for (int index = 0; index < df.length; index++) {
			if (df[index] > 0) {
				keys[position] = index;
				idf[position] = Vectorizer.idf(documents, df[index]);
				for (int k = 0; k < classes; k++) {
					packed[position * classes + k] = weights[k][index];
				}
				position++;
			}
		}
		float[] bias = new float[classes];
		for (int k = 0; k < classes; k++) {
			bias[k] = weights[k][df.length];
		}
		return new TextClassifier(blocks, documents, labels, new FeatureTable(keys, idf, packed, classes), bias, vote, meaning);
	}
}
