package io.tierline.triage.internal.model;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;

/**
 * The training texts nearest in meaning vote for their labels: the first {@code words} words of a
 * text (mostly the subject) are embedded (MiniLM, in process), the {@code neighbours} training
 * texts with the highest cosine vote with it, and {@code weight} × each label's share of the vote
 * is added to the SVM margins. Bag-of-words margins and meaning neighbours err on different
 * tickets: +1.07 points in 5-fold CV over train.csv, better on every fold (docs/triage.md, fifth
 * round).
 *
 * The neighbours are searched in an inverted-file index: the training vectors are clustered by
 * spherical k-means into about √n lists, a query reads the lists of its {@code probes} nearest
 * centroids (about 8 % of the vectors), so a prediction stays well under a millisecond of search
 * where an exact scan of 34,000 vectors took 5–7 ms. Vectors are kept as bytes (× 127).
 */
public final class MeaningVote {

	/** How the vote is made: words embedded, neighbours voting, weight of their vote. */
	public record Settings(int words, int neighbours, double weight) {

		/** Chosen by 5-fold CV on train.csv among 32/64/all words, k 10–50, weight 0.2–2 (docs/triage.md). */
		public static final Settings STANDARD = new Settings(32, 20, 0.7);

		public static final Settings OFF = new Settings(0, 0, 0);

		public boolean on() {
			return neighbours > 0 && weight > 0;
		}
	}

	private static final int ITERATIONS = 8;

	private final Settings settings;
	private final int classes;
	private final int dimensions;
	private final float[] centroids;
	private final int[] listStart;
	private final byte[] vectors;
	private final short[] labels;
	private final int probes;
	private final Function<String, float[]> embedder;

	MeaningVote(Settings settings, int classes, int dimensions, float[] centroids, int[] listStart, byte[] vectors,
			short[] labels, Function<String, float[]> embedder) {
		this.settings = settings;
		this.classes = classes;
		this.dimensions = dimensions;
		this.centroids = centroids;
		this.listStart = listStart;
		this.vectors = vectors;
		this.labels = labels;
		int lists = listStart.length - 1;
		this.probes = Math.min(lists, Math.max(1, (int) Math.ceil(lists * 0.08)));
		this.embedder = embedder;
	}

	Settings settings() {
		return settings;
	}

	int classes() {
		return classes;
	}

	int dimensions() {
		return dimensions;
	}

	float[] centroids() {
		return centroids;
	}

	int[] listStart() {
		return listStart;
	}

	byte[] vectors() {
		return vectors;
	}

	short[] labels() {
		return labels;
	}

	/** The part of a text that is embedded: its first {@code words} words. */
	public static String head(String text, int words) {
		String trimmed = text == null ? "" : text.strip();
		int count = 0;
		boolean inWord = false;
		for (int i = 0; i < trimmed.length(); i++) {
			boolean space = Character.isWhitespace(trimmed.charAt(i));
			if (!space && !inWord && ++count > words) {
				return trimmed.substring(0, i).strip();
			}
			inWord = !space;
		}
		return trimmed;
	}

	/**
	 * Embeds {@code texts} as given (heads already cut) on {@code threads} threads, telling
	 * {@code progress} the share done now and then (from one thread at a time).
	 */
	static float[][] embedAll(List<String> texts, Function<String, float[]> embedder, int threads,
			java.util.function.DoubleConsumer progress) {
		float[][] out = new float[texts.size()][];
		var done = new java.util.concurrent.atomic.AtomicInteger();
		ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, threads));
		try {
			List<Future<?>> parts = new ArrayList<>();
			int chunk = Math.max(1, (texts.size() + threads - 1) / threads);
			for (int from = 0; from < texts.size(); from += chunk) {
				int start = from;
				int end = Math.min(texts.size(), from + chunk);
				parts.add(pool.submit(() -> {
					for (int i = start; i < end; i++) {
						out[i] = embedder.apply(texts.get(i));
						if (done.incrementAndGet() % 200 == 0) {
							synchronized (done) {
								progress.accept((double) done.get() / texts.size());
							}
						}
					}
				}));
			}
			for (Future<?> part : parts) {
				part.get();
			}
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("embedding interrupted", e);
		}
		catch (ExecutionException e) {
			throw new IllegalStateException("embedding failed", e.getCause());
		}
		finally {
			pool.shutdownNow();
		}
		return out;
	}

	/** Clusters the (unit) vectors of the training texts into lists; {@code y} holds their labels. */
	static MeaningVote build(float[][] unitVectors, int[] y, int classes, Settings settings, Function<String, float[]> embedder) {
		int n = unitVectors.length;
		int d = unitVectors[0].length;
		int lists = Math.max(1, Math.min(256, (int) Math.round(Math.sqrt(n))));
		float[] centroids = new float[lists * d];
		int[] order = new int[n];
		for (int i = 0; i < n; i++) {
			order[i] = i;
		}
		Random random = new Random(7);
		for (int i = n - 1; i > 0; i--) {
			int j = random.nextInt(i + 1);
			int t = order[i];
			order[i] = order[j];
			order[j] = t;
		}
		for (int c = 0; c < lists; c++) {
			System.arraycopy(unitVectors[order[c]], 0, centroids, c * d, d);
		}
		int[] assigned = new int[n];
		for (int iteration = 0; iteration < ITERATIONS; iteration++) {
			Arrays.parallelSetAll(assigned, i -> nearest(centroids, lists, d, unitVectors[i]));
			float[] sums = new float[lists * d];
			for (int i = 0; i < n; i++) {
				int base = assigned[i] * d;
				for (int j = 0; j < d; j++) {
					sums[base + j] += unitVectors[i][j];
				}
			}
			for (int c = 0; c < lists; c++) {
				double norm = 0;
				for (int j = 0; j < d; j++) {
					norm += sums[c * d + j] * sums[c * d + j];
				}
				if (norm > 0) {
					float scale = (float) (1 / Math.sqrt(norm));
					for (int j = 0; j < d; j++) {
						centroids[c * d + j] = sums[c * d + j] * scale;
					}
				}
			}
		}
		Arrays.parallelSetAll(assigned, i -> nearest(centroids, lists, d, unitVectors[i]));
		int[] listStart = new int[lists + 1];
		for (int a : assigned) {
			listStart[a + 1]++;
		}
		for (int c = 0; c < lists; c++) {
			listStart[c + 1] += listStart[c];
		}
		int[] next = Arrays.copyOf(listStart, lists);
		byte[] vectors = new byte[n * d];
		short[] labels = new short[n];
		for (int i = 0; i < n; i++) {
			int position = next[assigned[i]]++;
			labels[position] = (short) y[i];
			for (int j = 0; j < d; j++) {
				vectors[position * d + j] = (byte) Math.round(Math.max(-1f, Math.min(1f, unitVectors[i][j])) * 127f);
			}
		}
		return new MeaningVote(settings, classes, d, centroids, listStart, vectors, labels, embedder);
	}

	private static int nearest(float[] centroids, int lists, int d, float[] v) {
		int best = 0;
		float bestScore = Float.NEGATIVE_INFINITY;
		for (int c = 0; c < lists; c++) {
			float s = dot(centroids, c * d, v);
			if (s > bestScore) {
				bestScore = s;
				best = c;
			}
		}
		return best;
	}

	/** Adds weight × each label's share of the neighbours' similarity to {@code scores}. */
	void addTo(double[] scores, String text) {
		if (embedder == null) {
			throw new IllegalStateException("this model votes by meaning and needs an embedder");
		}
		float[] query = embedder.apply(head(text, settings.words()));
		int lists = listStart.length - 1;
		float[] centroidScores = new float[lists];
		for (int c = 0; c < lists; c++) {
			centroidScores[c] = dot(centroids, c * dimensions, query);
		}
		int k = settings.neighbours();
		float[] topScore = new float[k];
		int[] topLabel = new int[k];
		Arrays.fill(topScore, Float.NEGATIVE_INFINITY);
		boolean[] probed = new boolean[lists];
		for (int p = 0; p < probes; p++) {
			int best = -1;
			for (int c = 0; c < lists; c++) {
				if (!probed[c] && (best < 0 || centroidScores[c] > centroidScores[best])) {
					best = c;
				}
			}
			probed[best] = true;
			for (int i = listStart[best]; i < listStart[best + 1]; i++) {
				float s = dotBytes(i * dimensions, query) / 127f;
				if (s > topScore[k - 1]) {
					int at = k - 1;
					while (at > 0 && topScore[at - 1] < s) {
						topScore[at] = topScore[at - 1];
						topLabel[at] = topLabel[at - 1];
						at--;
					}
					topScore[at] = s;
					topLabel[at] = labels[i];
				}
			}
		}
		double[] share = new double[classes];
		double total = 0;
		for (int r = 0; r < k; r++) {
			if (topScore[r] > 0) {
				share[topLabel[r]] += topScore[r];
				total += topScore[r];
			}
		}
		if (total > 0) {
			for (int c = 0; c < classes; c++) {
				scores[c] += settings.weight() * share[c] / total;
			}
		}
	}

	private float dotBytes(int offset, float[] query) {
		float s0 = 0;
		float s1 = 0;
		float s2 = 0;
		float s3 = 0;
		int j = 0;
		for (; j + 3 < dimensions; j += 4) {
			s0 += vectors[offset + j] * query[j];
			s1 += vectors[offset + j + 1] * query[j + 1];
			s2 += vectors[offset + j + 2] * query[j + 2];
			s3 += vectors[offset + j + 3] * query[j + 3];
		}
		for (; j < dimensions; j++) {
			s0 += vectors[offset + j] * query[j];
		}
		return s0 + s1 + s2 + s3;
	}

	private static float dot(float[] matrix, int offset, float[] v) {
		float s = 0;
		for (int j = 0; j < v.length; j++) {
			s += matrix[offset + j] * v[j];
		}
		return s;
	}
}
