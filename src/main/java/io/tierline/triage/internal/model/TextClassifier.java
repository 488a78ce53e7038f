package io.tierline.triage.internal.model;

import java.util.List;

/**
 * A trained text classifier: the hashed feature blocks, the number of training texts (for the
 * idf of unseen features), the label names, the {@link FeatureTable} of idf and per-label weights,
 * a bias per label and, when trained with neighbours, the {@link NeighbourVote} of the training
 * texts (else null), and the {@link MeaningVote} of the training texts nearest in meaning (else
 * null). The confidence of a prediction is the softmax of the margins at
 * {@link #TEMPERATURE}.
 */
public final class TextClassifier {

	/** Scale applied to the SVM margins before the softmax that yields a confidence. */
	static final double TEMPERATURE = 4.0;

	private final FeatureHasher[] blocks;
	private final int documents;
	private final List<String> labels;
	private final FeatureTable table;
	private final float[] bias;
	private final NeighbourVote vote;
	private final MeaningVote meaning;
	private final Vectorizer vectorizer;

	TextClassifier(FeatureHasher[] blocks, int documents, List<String> labels, FeatureTable table, float[] bias,
			NeighbourVote vote) {
		this(blocks, documents, labels, table, bias, vote, null);
	}

	TextClassifier(FeatureHasher[] blocks, int documents, List<String> labels, FeatureTable table, float[] bias,
			NeighbourVote vote, MeaningVote meaning) {
		this.meaning = meaning;
		this.blocks = blocks;
		this.documents = documents;
		this.labels = List.copyOf(labels);
		this.table = table;
		this.bias = bias;
		this.vote = vote;
		float unseen = Vectorizer.idf(documents, 0);
		this.vectorizer = new Vectorizer(blocks, index -> {
			int position = table.find(index);
			return position < 0 ? unseen : table.idfAt(position);
		});
	}

	public List<String> labels() {
		return labels;
	}

	FeatureHasher[] blocks() {
		return blocks;
	}

	int documents() {
		return documents;
	}

	FeatureTable table() {
		return table;
	}

	float[] bias() {
		return bias;
	}

	/** The training texts' vote, or null for a plain SVM. */
	NeighbourVote vote() {
		return vote;
	}

	/** The vote of the training texts nearest in meaning, or null. */
	MeaningVote meaning() {
		return meaning;
	}

	Vectorizer vectorizer() {
		return vectorizer;
	}

	/** Whether the word was in any training text (a word feature with a weight): for isolation checks. */
	public boolean knowsWord(String word) {
		if (!blocks[0].words()) {
			return false;
		}
		SparseVector x = blocks[0].counts(word).toSparse();
		return x.size() > 0 && table.find(x.indices()[0]) >= 0;
	}

	public Prediction predict(String text) {
		double[] scores = scores(vectorizer.transform(text));
		if (meaning != null) {
			meaning.addTo(scores, text);
		}
		int best = 0;
		for (int k = 1; k < scores.length; k++) {
			if (scores[k] > scores[best]) {
				best = k;
			}
		}
		double sum = 0;
		for (double score : scores) {
			sum += Math.exp(TEMPERATURE * (score - scores[best]));
		}
		return new Prediction(labels.get(best), best, 1.0 / sum, scores);
	}

	double[] scores(SparseVector x) {
		double[] scores = new double[labels.size()];
		for (int k = 0; k < scores.length; k++) {
			scores[k] = bias[k];
		}
		for (int j = 0; j < x.size(); j++) {
			int position = table.find(x.indices()[j]);
			if (position >= 0) {
				float value = x.values()[j];
				for (int k = 0; k < scores.length; k++) {
					scores[k] += value * table.weight(position, k);
				}
			}
		}
		if (vote != null) {
			vote.addTo(scores, x, blocks[0].dimension());
		}
		return scores;
	}

	/** The winning label, its index, its confidence in [0, 1] and the raw margin per label. */
	public record Prediction(String label, int index, double confidence, double[] scores) {
	}
}
