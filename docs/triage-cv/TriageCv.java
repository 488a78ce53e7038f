// One-off 5-fold CV harness of the fourth triage round (docs/triage.md); not part of the build.
// javac -d out -cp target/classes docs/triage-cv/TriageCv.java
// java -cp out:target/classes io.tierline.triage.internal.model.TriageCv vote+twopass|clean|cnb|headchar|cgrid|combo|scale
package io.tierline.triage.internal.model;

import java.nio.file.Path;
import java.util.*;
import java.util.concurrent.*;

/** Throw-away 5-fold CV harness (vectorises once per fold). */
public final class TriageCv {

	static int threads = 2;

	public static void main(String[] args) throws Exception {
		String mode = args[0];
		int onlyFold = args.length > 1 ? Integer.parseInt(args[1]) : -1;
		List<LabelledCsv.Row> rows = new ArrayList<>(LabelledCsv.read(Path.of("/work/shared/data/it-tickets/train.csv")));
		Collections.shuffle(rows, new Random(7));
		List<String> labels = new ArrayList<>(new TreeSet<>(rows.stream().map(LabelledCsv.Row::label).toList()));
		int n = rows.size();
		for (int f = 0; f < 5; f++) {
			if (onlyFold >= 0 && f != onlyFold) continue;
			List<String> trT = new ArrayList<>(), teT = new ArrayList<>();
			List<Integer> trY = new ArrayList<>(), teY = new ArrayList<>();
			for (int i = 0; i < n; i++) {
				int y = labels.indexOf(rows.get(i).label());
				if (i % 5 == f) { teT.add(rows.get(i).text()); teY.add(y); }
				else { trT.add(rows.get(i).text()); trY.add(y); }
			}
			int[] ytr = trY.stream().mapToInt(Integer::intValue).toArray();
			int[] yte = teY.stream().mapToInt(Integer::intValue).toArray();
			TrainerSettings s = TrainerSettings.standard();
			FeatureHasher[] blocks = s.blocks();
			int[] df = Vectorizer.documentFrequencies(trT, blocks);
			Vectorizer vec = new Vectorizer(blocks, idx -> Vectorizer.idf(trT.size(), df[idx]));
			List<SparseVector> xtr = trT.parallelStream().map(vec::transform).toList();
			List<SparseVector> xte = teT.parallelStream().map(vec::transform).toList();
			int dim = vec.dimension();
			int classes = labels.size();
			long t0 = System.nanoTime();
			float[][] w = train(xtr, ytr, classes, dim, null, s.c());
			double tBase = (System.nanoTime() - t0) / 1e9;
			double[][] base = scores(w, xte, dim);
			report(f, "base", base, yte, tBase);
			if (mode.contains("vote")) {
				for (int k : new int[] { 10, 20 }) {
					NeighbourVote v = NeighbourVote.index(xtr, ytr, classes, blocks[0].dimension(), k, 1f);
					double[][] share = new double[xte.size()][];
					for (int i = 0; i < xte.size(); i++) { share[i] = new double[classes]; v.addTo(share[i], xte.get(i), blocks[0].dimension()); }
					for (double b : new double[] { 0.1, 0.2, 0.3 }) {
						double[][] sc = new double[xte.size()][];
						for (int i = 0; i < sc.length; i++) { sc[i] = base[i].clone(); for (int c = 0; c < classes; c++) sc[i][c] += b * share[i][c]; }
						report(f, "vote k" + k + " w" + b, sc, yte, 0);
					}
				}
			}
			if (mode.contains("twopass")) {
				double[][] trS = scores(w, xtr, dim);
				double[] m = marginGap(trS, ytr);
				for (double tau : new double[] { 0.0, 0.5 }) {
					for (double sc : new double[] { 0.3 }) {
						float[] cost = new float[ytr.length];
						int low = 0;
						for (int i = 0; i < cost.length; i++) { cost[i] = (float) (m[i] < -tau ? s.c() * sc : s.c()); if (m[i] < -tau) low++; }
						long t1 = System.nanoTime();
						float[][] w2 = train(xtr, ytr, classes, dim, cost, s.c());
						report(f, "twopass insample tau" + tau + " x" + sc + " (" + low + ")", scores(w2, xte, dim), yte, (System.nanoTime() - t1) / 1e9 + tBase);
					}
				}
			}
			if (mode.contains("clean")) {
				long t1 = System.nanoTime();
				double[] m = oofGap(xtr, ytr, classes, dim, s.c(), 5);
				double tOof = (System.nanoTime() - t1) / 1e9;
				for (double d : new double[] { 1.25, 1.5, 1.75, 2.0 }) {
					List<SparseVector> kx = new ArrayList<>(); List<Integer> ky = new ArrayList<>();
					for (int i = 0; i < m.length; i++) if (m[i] >= -d) { kx.add(xtr.get(i)); ky.add(ytr[i]); }
					long t2 = System.nanoTime();
					float[][] w2 = train(kx, ky.stream().mapToInt(Integer::intValue).toArray(), classes, dim, null, s.c());
					report(f, "clean d" + d + " (" + (m.length - kx.size()) + " dropped)", scores(w2, xte, dim), yte, tOof + (System.nanoTime() - t2) / 1e9);
				}
				for (double[] p : new double[][] { { 1.0, 0.3 }, { 0.5, 0.5 } }) {
					float[] cost = new float[ytr.length];
					int low = 0;
					for (int i = 0; i < cost.length; i++) { cost[i] = (float) (m[i] < -p[0] ? s.c() * p[1] : s.c()); if (m[i] < -p[0]) low++; }
					long t2 = System.nanoTime();
					float[][] w2 = train(xtr, ytr, classes, dim, cost, s.c());
					report(f, "softclean oof d" + p[0] + " x" + p[1] + " (" + low + ")", scores(w2, xte, dim), yte, tOof + (System.nanoTime() - t2) / 1e9);
				}
			}
			if (mode.contains("cnb")) {
				int wd = blocks[0].dimension();
				for (int lim : new int[] { wd, dim }) {
					float[][] cw = cnb(xtr, ytr, classes, lim, 1.0);
					double[][] cs = scores0(cw, xte, lim);
					for (double b : new double[] { 0.01, 0.03, 0.1, 0.3 }) {
						double[][] sc = new double[xte.size()][];
						for (int i = 0; i < sc.length; i++) { sc[i] = base[i].clone(); for (int c = 0; c < classes; c++) sc[i][c] += b * cs[i][c]; }
						report(f, "cnb " + (lim == wd ? "word" : "all") + " b" + b, sc, yte, 0);
					}
				}
			}
			if (mode.contains("cgrid")) {
				for (double cc : new double[] { 0.18, 0.35 }) {
					long t1 = System.nanoTime();
					float[][] w2 = train(xtr, ytr, classes, dim, null, cc);
					report(f, "C " + cc, scores(w2, xte, dim), yte, (System.nanoTime() - t1) / 1e9);
				}
			}
			if (mode.contains("combo")) {
				FeatureHasher[] hb = java.util.Arrays.copyOf(blocks, blocks.length + 1);
				hb[blocks.length] = new FeatureHasher(18, false, true, 2, 6, 8, 0.5f);
				int[] hdf = Vectorizer.documentFrequencies(trT, hb);
				Vectorizer hv = new Vectorizer(hb, idx -> Vectorizer.idf(trT.size(), hdf[idx]));
				List<SparseVector> htr = trT.parallelStream().map(hv::transform).toList();
				List<SparseVector> hte = teT.parallelStream().map(hv::transform).toList();
				long t1 = System.nanoTime();
				float[][] w2 = train(htr, ytr, classes, hv.dimension(), null, 0.18);
				double[][] sc = scores(w2, hte, hv.dimension());
				report(f, "combo headchar0.5 C0.18", sc, yte, (System.nanoTime() - t1) / 1e9);
				NeighbourVote v = NeighbourVote.index(htr, ytr, classes, blocks[0].dimension(), 20, 0.3f);
				for (int i = 0; i < sc.length; i++) v.addTo(sc[i], hte.get(i), blocks[0].dimension());
				report(f, "combo headchar0.5 C0.18 vote k20 w0.3", sc, yte, (System.nanoTime() - t1) / 1e9);
			}
			if (mode.contains("headchar")) {
				FeatureHasher[] hb = java.util.Arrays.copyOf(blocks, blocks.length + 1);
				hb[blocks.length] = new FeatureHasher(18, false, true, 2, 6, 8, 1f);
				int[] hdf = Vectorizer.documentFrequencies(trT, hb);
				Vectorizer hv = new Vectorizer(hb, idx -> Vectorizer.idf(trT.size(), hdf[idx]));
				List<SparseVector> htr = trT.parallelStream().map(hv::transform).toList();
				List<SparseVector> hte = teT.parallelStream().map(hv::transform).toList();
				for (double hw : new double[] { 0.7 }) {
					double[] sc = { 1.0, 1.0, 0.8 };
					List<SparseVector> a = scaleFrom(htr, dim, hw), b = scaleFrom(hte, dim, hw);
					long t1 = System.nanoTime();
					float[][] w2 = train(a, ytr, classes, hv.dimension(), null, s.c());
					report(f, "headchar2-6 w" + hw, scores(w2, b, hv.dimension()), yte, (System.nanoTime() - t1) / 1e9);
				}
			}
			if (mode.contains("scale")) {
				int wd = blocks[0].dimension(), cd = wd + blocks[1].dimension();
				for (double[] sc : new double[][] { { 1.2, 1.0, 0.8 }, { 1.0, 1.2, 0.8 }, { 1.0, 1.0, 0.65 } }) {
					List<SparseVector> a = scale(xtr, wd, cd, sc), b = scale(xte, wd, cd, sc);
					long t1 = System.nanoTime();
					float[][] w2 = train(a, ytr, classes, dim, null, s.c());
					report(f, "scale word" + sc[0] + " char" + sc[1] + " head" + sc[2] / 0.8 * 0.8, scores(w2, b, dim), yte, (System.nanoTime() - t1) / 1e9);
				}
			}
		}
	}


	/** Complement NB over the (tf-idf) vectors' first lim features; centred log weights, score = -x.w. */
	static float[][] cnb(List<SparseVector> xs, int[] y, int classes, int lim, double alpha) {
		double[][] mass = new double[classes][lim];
		double[] all = new double[lim];
		boolean[] seen = new boolean[lim];
		for (int i = 0; i < xs.size(); i++) {
			SparseVector x = xs.get(i);
			for (int j = 0; j < x.size() && x.indices()[j] < lim; j++) { mass[y[i]][x.indices()[j]] += x.values()[j]; all[x.indices()[j]] += x.values()[j]; seen[x.indices()[j]] = true; }
		}
		int J = 0; for (boolean b : seen) if (b) J++;
		float[][] w = new float[classes][lim];
		for (int c = 0; c < classes; c++) {
			double tot = 0;
			for (int j = 0; j < lim; j++) if (seen[j]) tot += all[j] - mass[c][j];
			for (int j = 0; j < lim; j++) if (seen[j]) w[c][j] = (float) -Math.log((alpha + all[j] - mass[c][j]) / (alpha * J + tot));
		}
		for (int j = 0; j < lim; j++) {
			if (!seen[j]) continue;
			double m = 0; for (int c = 0; c < classes; c++) m += w[c][j]; m /= classes;
			for (int c = 0; c < classes; c++) w[c][j] -= m;
		}
		return w;
	}

	static double[][] scores0(float[][] w, List<SparseVector> xs, int lim) {
		double[][] out = new double[xs.size()][];
		for (int i = 0; i < xs.size(); i++) {
			SparseVector x = xs.get(i);
			double[] s = new double[w.length];
			for (int c = 0; c < w.length; c++) for (int j = 0; j < x.size() && x.indices()[j] < lim; j++) s[c] += x.values()[j] * w[c][x.indices()[j]];
			out[i] = s;
		}
		return out;
	}


	static List<SparseVector> scaleFrom(List<SparseVector> xs, int from, double f) {
		List<SparseVector> out = new ArrayList<>(xs.size());
		for (SparseVector x : xs) {
			float[] v = x.values().clone();
			for (int j = 0; j < v.length; j++) if (x.indices()[j] >= from) v[j] *= (float) f;
			out.add(new SparseVector(x.indices(), v));
		}
		return out;
	}

	static List<SparseVector> scale(List<SparseVector> xs, int wd, int cd, double[] sc) {
		List<SparseVector> out = new ArrayList<>(xs.size());
		for (SparseVector x : xs) {
			float[] v = x.values().clone();
			for (int j = 0; j < v.length; j++) {
				int ix = x.indices()[j];
				v[j] *= (float) (ix < wd ? sc[0] : ix < cd ? sc[1] : sc[2] / 0.8);
			}
			out.add(new SparseVector(x.indices(), v));
		}
		return out;
	}

	static double[] oofGap(List<SparseVector> x, int[] y, int classes, int dim, double c, int k) throws Exception {
		double[] gap = new double[y.length];
		for (int f = 0; f < k; f++) {
			List<SparseVector> a = new ArrayList<>(); List<Integer> ay = new ArrayList<>(); List<Integer> held = new ArrayList<>();
			for (int i = 0; i < y.length; i++) { if (i % k == f) held.add(i); else { a.add(x.get(i)); ay.add(y[i]); } }
			float[][] w = train(a, ay.stream().mapToInt(Integer::intValue).toArray(), classes, dim, null, c);
			for (int i : held) {
				double[] s = score(w, x.get(i), dim);
				gap[i] = gapOf(s, y[i]);
			}
		}
		return gap;
	}

	static double gapOf(double[] s, int y) {
		double best = Double.NEGATIVE_INFINITY;
		for (int c = 0; c < s.length; c++) if (c != y) best = Math.max(best, s[c]);
		return s[y] - best;
	}

	static double[] marginGap(double[][] s, int[] y) {
		double[] g = new double[y.length];
		for (int i = 0; i < y.length; i++) g[i] = gapOf(s[i], y[i]);
		return g;
	}

	static void report(int fold, String name, double[][] s, int[] y, double secs) {
		int correct = 0;
		for (int i = 0; i < y.length; i++) {
			int best = 0;
			for (int c = 1; c < s[i].length; c++) if (s[i][c] > s[i][best]) best = c;
			if (best == y[i]) correct++;
		}
		System.out.printf(Locale.ROOT, "RES\t%d\t%s\t%d\t%d\t%.4f\t%.1f%n", fold, name, correct, y.length, correct / (double) y.length, secs);
		System.out.flush();
	}

	static double[][] scores(float[][] w, List<SparseVector> xs, int dim) {
		double[][] out = new double[xs.size()][];
		for (int i = 0; i < xs.size(); i++) out[i] = score(w, xs.get(i), dim);
		return out;
	}

	static double[] score(float[][] w, SparseVector x, int dim) {
		double[] s = new double[w.length];
		for (int c = 0; c < w.length; c++) s[c] = x.dot(w[c]) + w[c][dim];
		return s;
	}

	static float[][] train(List<SparseVector> xs, int[] y, int classes, int dim, float[] cost, double c) throws Exception {
		float[][] w = new float[classes][];
		ExecutorService pool = Executors.newFixedThreadPool(threads);
		List<Future<?>> fs = new ArrayList<>();
		for (int k = 0; k < classes; k++) { int kk = k; fs.add(pool.submit(() -> { w[kk] = binary(xs, y, kk, dim, cost, c); })); }
		for (Future<?> f : fs) f.get();
		pool.shutdown();
		return w;
	}

	/** LinearSvm.trainBinary with a per-example C (null: C for all). */
	static float[] binary(List<SparseVector> examples, int[] labels, int positive, int dimension, float[] cost, double c) {
		int n = examples.size();
		float[] w = new float[dimension + 1];
		double[] alpha = new double[n];
		double[] diag = new double[n];
		double[] qii = new double[n];
		int[] order = new int[n];
		for (int i = 0; i < n; i++) {
			diag[i] = 0.5 / (cost == null ? c : cost[i]);
			qii[i] = examples.get(i).squaredNorm() + 1.0 + diag[i];
			order[i] = i;
		}
		Random random = new Random(17L + positive);
		for (int epoch = 0; epoch < 30; epoch++) {
			for (int i = n - 1; i > 0; i--) { int j = random.nextInt(i + 1); int t = order[i]; order[i] = order[j]; order[j] = t; }
			double maxPg = Double.NEGATIVE_INFINITY, minPg = Double.POSITIVE_INFINITY;
			for (int i : order) {
				SparseVector x = examples.get(i);
				int yy = labels[i] == positive ? 1 : -1;
				double g = yy * (x.dot(w) + w[dimension]) - 1.0 + diag[i] * alpha[i];
				double pg = alpha[i] == 0 ? Math.min(g, 0) : g;
				maxPg = Math.max(maxPg, pg); minPg = Math.min(minPg, pg);
				if (pg != 0) {
					double old = alpha[i];
					alpha[i] = Math.max(old - g / qii[i], 0);
					float delta = (float) ((alpha[i] - old) * yy);
					int[] idx = x.indices(); float[] val = x.values();
					for (int k = 0; k < idx.length; k++) w[idx[k]] += delta * val[k];
					w[dimension] += delta;
				}
			}
			if (maxPg - minPg < 0.1) break;
		}
		return w;
	}
}
