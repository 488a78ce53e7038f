package io.tierline.triage.internal.model;

import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntConsumer;

/**
 * One-vs-rest linear SVM with squared hinge loss and L2 regularisation, trained by dual
 * coordinate descent (Hsieh et al., ICML 2008 — the algorithm of LIBLINEAR's default solver).
 * A constant bias feature of 1 is appended to every example.
 */
public final class LinearSvm {

	private final double c;
	private final int maxEpochs;
	private final double tolerance;
	private final int threads;

	public LinearSvm(double c, int maxEpochs, double tolerance, int threads) {
		this.c = c;
		this.maxEpochs = maxEpochs;
		this.tolerance = tolerance;
		this.threads = threads;
	}

	/** Weights per class, each {@code dimension + 1} long (last entry is the bias). */
	public float[][] train(List<SparseVector> examples, int[] labels, int classes, int dimension,
			IntConsumer classDone) {
		float[][] weights = new float[classes][];
		ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, threads));
		try {
			Future<?>[] futures = new Future<?>[classes];
			for (int k = 0; k < classes; k++) {
				int label = k;
				futures[k] = pool.submit(() -> {
					weights[label] = trainBinary(examples, labels, label, dimension);
					classDone.accept(label);
				});
			}
			for (Future<?> future : futures) {
				future.get();
			}
		}
		catch (Exception ex) {
			throw new IllegalStateException("training failed", ex);
		}
		finally {
			pool.shutdown();
		}
		return weights;
	}

	float[] trainBinary(List<SparseVector> examples, int[] labels, int positive, int dimension) {
		int n = examples.size();
		float[] w = new float[dimension + 1];
		double[] alpha = new double[n];
		double diag = 0.5 / c;
		double[] qii = new double[n];
		int[] order = new int[n];
		for (int i = 0; i < n; i++) {
			qii[i] = examples.get(i).squaredNorm() + 1.0 + diag;
			order[i] = i;
		}
		Random random = new Random(17L + positive);
		for (int epoch = 0; epoch < maxEpochs; epoch++) {
			shuffle(order, random);
			double maxPg = Double.NEGATIVE_INFINITY;
			double minPg = Double.POSITIVE_INFINITY;
			for (int i : order) {
				SparseVector x = examples.get(i);
				int y = labels[i] == positive ? 1 : -1;
				double g = y * (x.dot(w) + w[dimension]) - 1.0 + diag * alpha[i];
				double pg = alpha[i] == 0 ? Math.min(g, 0) : g;
				maxPg = Math.max(maxPg, pg);
				minPg = Math.min(minPg, pg);
				if (pg != 0) {
					double old = alpha[i];
					alpha[i] = Math.max(old - g / qii[i], 0);
					float delta = (float) ((alpha[i] - old) * y);
					int[] idx = x.indices();
					float[] val = x.values();
					for (int k = 0; k < idx.length; k++) {
						w[idx[k]] += delta * val[k];
					}
					w[dimension] += delta;
				}
			}
			if (maxPg - minPg < tolerance) {
				break;
			}
		}
		return w;
	}

	private static void shuffle(int[] order, Random random) {
		for (int i = order.length - 1; i > 0; i--) {
			int j = random.nextInt(i + 1);
			int t = order[i];
			order[i] = order[j];
			order[j] = t;
		}
	}
}
