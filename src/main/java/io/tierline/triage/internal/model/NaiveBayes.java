package io.tierline.triage.internal.model;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/** Multinomial naive Bayes on hashed word 1-2-gram counts (Laplace smoothing): the baseline. */
public final class NaiveBayes {

	private final FeatureHasher hasher = new FeatureHasher(20, true, false, 0, 0);
	private final List<String> labels;
	private final double[][] logLikelihood;
	private final double[] logPrior;

	public NaiveBayes(List<String> texts, List<String> labelsOfTexts, double alpha) {
		labels = new ArrayList<>(new TreeSet<>(labelsOfTexts));
		double[][] counts = new double[labels.size()][hasher.dimension()];
		double[] docs = new double[labels.size()];
		for (int i = 0; i < texts.size(); i++) {
			int k = labels.indexOf(labelsOfTexts.get(i));
			docs[k]++;
			SparseVector v = hasher.counts(texts.get(i)).toSparse();
			for (int j = 0; j < v.size(); j++) {
				counts[k][v.indices()[j]] += v.values()[j];
			}
		}
		logLikelihood = new double[labels.size()][];
		logPrior = new double[labels.size()];
		for (int k = 0; k < labels.size(); k++) {
			double total = 0;
			for (double c : counts[k]) {
				total += c;
			}
			double denominator = Math.log(total + alpha * hasher.dimension());
			logLikelihood[k] = new double[hasher.dimension()];
			for (int f = 0; f < hasher.dimension(); f++) {
				logLikelihood[k][f] = Math.log(counts[k][f] + alpha) - denominator;
			}
			logPrior[k] = Math.log(docs[k] / texts.size());
		}
	}

	public String predict(String text) {
		SparseVector v = hasher.counts(text).toSparse();
		int best = 0;
		double bestScore = Double.NEGATIVE_INFINITY;
		for (int k = 0; k < labels.size(); k++) {
			double score = logPrior[k];
			for (int j = 0; j < v.size(); j++) {
				score += v.values()[j] * logLikelihood[k][v.indices()[j]];
			}
			if (score > bestScore) {
				bestScore = score;
				best = k;
			}
		}
		return labels.get(best);
	}
}
