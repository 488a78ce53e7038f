package io.tierline.triage.internal.model;

import java.util.List;
import java.util.TreeSet;

/** Accuracy and macro-F1 of predicted against true labels. */
public record Scores(double accuracy, double macroF1) {

	public static Scores of(List<String> truth, List<String> predicted) {
		TreeSet<String> labels = new TreeSet<>(truth);
		labels.addAll(predicted);
		int correct = 0;
		for (int i = 0; i < truth.size(); i++) {
			if (truth.get(i).equals(predicted.get(i))) {
				correct++;
			}
		}
		double f1Sum = 0;
		for (String label : labels) {
			f1Sum += f1(truth, predicted, label);
		}
		return new Scores(truth.isEmpty() ? 0 : (double) correct / truth.size(),
				labels.isEmpty() ? 0 : f1Sum / labels.size());
	}

	private static double f1(List<String> truth, List<String> predicted, String label) {
		int tp = 0;
		int fp = 0;
		int fn = 0;
		for (int i = 0; i < truth.size(); i++) {
			boolean isTrue = truth.get(i).equals(label);
			boolean isPredicted = predicted.get(i).equals(label);
			if (isTrue && isPredicted) {
				tp++;
			}
			else if (isPredicted) {
				fp++;
			}
			else if (isTrue) {
				fn++;
			}
		}
		return tp == 0 ? 0 : 2.0 * tp / (2.0 * tp + fp + fn);
	}
}
