package io.tierline.triage.internal.model;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.function.DoubleConsumer;

/** Trains a {@link TextClassifier} from labelled texts with given hyperparameters. */
public final class ClassifierTrainer {

	private final TrainerSettings settings;

	public ClassifierTrainer(TrainerSettings settings) {
		this.settings = settings;
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
		List<String> labels = new ArrayList<>(new TreeSet<>(labelsOfTexts));
		FeatureHasher[] blocks = settings.blocks();
		int[] df = Vectorizer.documentFrequencies(texts, blocks);
		Vectorizer vectorizer = new Vectorizer(blocks, index -> Vectorizer.idf(texts.size(), df[index]));
		progress.accept(0.1);
		List<SparseVector> examples = new ArrayList<>(texts.size());
		for (String text : texts) {
			examples.add(vectorizer.transform(text));
		}
		progress.accept(0.2);
		int[] y = new int[texts.size()];
		for (int i = 0; i < y.length; i++) {
			y[i] = labels.indexOf(labelsOfTexts.get(i));
		}
		int[] done = { 0 };
		LinearSvm svm = new LinearSvm(settings.c(), settings.maxEpochs(), 0.1, settings.threads());
		float[][] weights = svm.train(examples, y, labels.size(), vectorizer.dimension(), label -> {
			synchronized (done) {
				done[0]++;
				progress.accept(0.2 + 0.8 * done[0] / labels.size());
			}
		});
		NeighbourVote vote = settings.votes() ? NeighbourVote.index(examples, y, labels.size(), blocks[0].dimension(),
				settings.neighbours(), (float) settings.neighbourWeight()) : null;
		return compact(blocks, texts.size(), labels, df, weights, vote);
	}

	private static TextClassifier compact(FeatureHasher[] blocks, int documents, List<String> labels, int[] df,
			float[][] weights, NeighbourVote vote) {
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
		return new TextClassifier(blocks, documents, labels, new FeatureTable(keys, idf, packed, classes), bias, vote);
	}
}
