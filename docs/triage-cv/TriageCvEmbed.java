// One-off 5-fold CV harness: the product's head model + MiniLM sentence embeddings (docs/triage.md); not part of the build.
// Needs the caches of EmbedCache (/var/tmp/embed/{train,dev}-wN.bin).
// javac -d out -cp target/classes docs/triage-cv/TriageCv.java docs/triage-cv/EmbedCache.java docs/triage-cv/TriageCvEmbed.java  (+ cp.txt for EmbedCache)
// java -cp out:target/classes io.tierline.triage.internal.model.TriageCvEmbed cv EMBS WEIGHTS [only|knn] [FOLD]
//   only: also the embedding-only SVM; knn or knn:EMB: the kNN vote over (that) embedding, alone and added to the base margins
//   EMBS: cache names, e.g. w64,w0; WEIGHTS: e.g. 0.3,0.5,0.8,1.2 (the L2-normalised embedding times w appended as 384 dense features)
// java ... TriageCvEmbed dev EMB WEIGHT   (train on all of train.csv, score dev.csv once; also the base model)
package io.tierline.triage.internal.model;

import java.nio.file.Path;
import java.util.*;
import java.util.concurrent.*;

public final class TriageCvEmbed {

	static final int E = 384;
	static final Map<String, int[]> correct = new LinkedHashMap<>();
	static final Map<String, double[]> secs = new LinkedHashMap<>();
	static final int[] foldSize = new int[5];

	record Item(LabelledCsv.Row row, int index) {
	}

	public static void main(String[] args) throws Exception {
		String mode = args[0];
		if (mode.equals("nncv") || mode.equals("nndev")) {
			nn(args);
			return;
		}
		String[] embs = args[1].split(",");
		double[] weights = Arrays.stream(args[2].split(",")).mapToDouble(Double::parseDouble).toArray();
		String extra = args.length > 3 ? args[3] : "";
		int onlyFold = args.length > 4 ? Integer.parseInt(args[4]) : -1;
		Map<String, float[][]> trE = new HashMap<>(), devE = new HashMap<>();
		for (String e : embs) {
			trE.put(e, normalise(EmbedCache.read(Path.of("/var/tmp/embed/train-" + e + ".bin"))));
			if (mode.equals("dev")) devE.put(e, normalise(EmbedCache.read(Path.of("/var/tmp/embed/dev-" + e + ".bin"))));
		}
		List<LabelledCsv.Row> raw = LabelledCsv.read(Path.of("/work/shared/data/it-tickets/train.csv"));
		List<String> labels = new ArrayList<>(new TreeSet<>(raw.stream().map(LabelledCsv.Row::label).toList()));
		if (mode.equals("dev")) {
			dev(raw, labels, embs[0], weights[0], trE.get(embs[0]), devE.get(embs[0]));
			return;
		}
		List<Item> rows = new ArrayList<>();
		for (int i = 0; i < raw.size(); i++) rows.add(new Item(raw.get(i), i));
		Collections.shuffle(rows, new Random(7)); // same permutation as TriageCv (same size, same Random)
		int n = rows.size();
		for (int f = 0; f < 5; f++) {
			if (onlyFold >= 0 && f != onlyFold) continue;
			List<String> trT = new ArrayList<>(), teT = new ArrayList<>();
			List<Integer> trY = new ArrayList<>(), teY = new ArrayList<>(), trI = new ArrayList<>(), teI = new ArrayList<>();
			for (int i = 0; i < n; i++) {
				Item it = rows.get(i);
				int y = labels.indexOf(it.row().label());
				if (i % 5 == f) { teT.add(it.row().text()); teY.add(y); teI.add(it.index()); }
				else { trT.add(it.row().text()); trY.add(y); trI.add(it.index()); }
			}
			int[] ytr = trY.stream().mapToInt(Integer::intValue).toArray();
			int[] yte = teY.stream().mapToInt(Integer::intValue).toArray();
			foldSize[f] = yte.length;
			TrainerSettings s = TrainerSettings.standard();
			FeatureHasher[] blocks = s.blocks();
			int[] df = Vectorizer.documentFrequencies(trT, blocks);
			Vectorizer vec = new Vectorizer(blocks, idx -> Vectorizer.idf(trT.size(), df[idx]));
			List<SparseVector> xtr = trT.parallelStream().map(vec::transform).toList();
			List<SparseVector> xte = teT.parallelStream().map(vec::transform).toList();
			int dim = vec.dimension();
			int classes = labels.size();
			long t0 = System.nanoTime();
			float[][] w = TriageCv.train(xtr, ytr, classes, dim, null, s.c());
			double tBase = (System.nanoTime() - t0) / 1e9;
			double[][] base = TriageCv.scores(w, xte, dim);
			report(f, "base", base, yte, tBase);
			for (String e : embs) {
				float[][] emb = trE.get(e);
				float[][] etr = pick(emb, trI), ete = pick(emb, teI);
				for (double ew : weights) {
					List<SparseVector> a = append(xtr, etr, dim, ew), b = append(xte, ete, dim, ew);
					long t1 = System.nanoTime();
					float[][] w2 = TriageCv.train(a, ytr, classes, dim + E, null, s.c());
					report(f, "head+emb " + e + " w" + ew, TriageCv.scores(w2, b, dim + E), yte, (System.nanoTime() - t1) / 1e9);
				}
				if (extra.contains("only")) {
					List<SparseVector> a = append(List.of(), etr, 0, 1), b = append(List.of(), ete, 0, 1);
					for (double c : new double[] { 0.25, 1.0 }) {
						long t1 = System.nanoTime();
						float[][] w2 = TriageCv.train(a, ytr, classes, E, null, c);
						report(f, "emb only " + e + " SVM C" + c, TriageCv.scores(w2, b, E), yte, (System.nanoTime() - t1) / 1e9);
					}
				}
				if (extra.contains("knn") && (!extra.contains("knn:") || extra.contains("knn:" + e))) {
					long t1 = System.nanoTime();
					int[] ks = { 10, 20 };
					double[][][] share = knnShares(etr, ytr, ete, classes, ks);
					double tk = (System.nanoTime() - t1) / 1e9;
					for (int ki = 0; ki < ks.length; ki++) {
						report(f, "emb kNN only " + e + " k" + ks[ki], share[ki], yte, tk);
						for (double beta : new double[] { 0.1, 0.2, 0.3 }) {
							double[][] sc = new double[yte.length][];
							for (int i = 0; i < sc.length; i++) { sc[i] = base[i].clone(); for (int c = 0; c < classes; c++) sc[i][c] += beta * share[ki][i][c]; }
							report(f, "head + emb kNN " + e + " k" + ks[ki] + " b" + beta, sc, yte, tk);
						}
					}
				}
			}
			summary();
		}
	}

	/**
	 * nncv NNEMB KS BETAS [APPEND_EMB:W] [FOLD]: base (+ appended embedding) + beta × kNN vote share from EmbedNeighbours' lists.
	 * nndev NNEMB K BETA [APPEND_EMB:W]: the same trained on all of train.csv, scored on dev.csv (and the base model).
	 */
	static void nn(String[] args) throws Exception {
		boolean dev = args[0].equals("nndev");
		String nnEmb = args[1];
		int[] ks = Arrays.stream(args[2].split(",")).mapToInt(Integer::parseInt).toArray();
		double[] betas = Arrays.stream(args[3].split(",")).mapToDouble(Double::parseDouble).toArray();
		String appendEmb = args.length > 4 && !args[4].equals("-") ? args[4].split(":")[0] : null;
		double appendW = appendEmb == null ? 0 : Double.parseDouble(args[4].split(":")[1]);
		int onlyFold = args.length > 5 ? Integer.parseInt(args[5]) : -1;
		List<LabelledCsv.Row> raw = LabelledCsv.read(Path.of("/work/shared/data/it-tickets/train.csv"));
		List<String> labels = new ArrayList<>(new TreeSet<>(raw.stream().map(LabelledCsv.Row::label).toList()));
		int classes = labels.size();
		int[] yAll = raw.stream().mapToInt(r -> labels.indexOf(r.label())).toArray();
		Object[] nnTr = EmbedNeighbours.read(Path.of("/var/tmp/embed/nn-" + nnEmb + "-" + (dev ? "dev" : "train") + ".bin"));
		int[][] nIdx = (int[][]) nnTr[0];
		float[][] nSim = (float[][]) nnTr[1];
		float[][] apTr = appendEmb == null ? null : normalise(EmbedCache.read(Path.of("/var/tmp/embed/train-" + appendEmb + ".bin")));
		float[][] apDev = appendEmb == null || !dev ? null : normalise(EmbedCache.read(Path.of("/var/tmp/embed/dev-" + appendEmb + ".bin")));
		String tag = "kNN " + nnEmb + (appendEmb == null ? "" : " + head+emb " + appendEmb + " w" + appendW);
		if (dev) {
			List<LabelledCsv.Row> devRows = LabelledCsv.read(Path.of("/work/shared/data/it-tickets/dev.csv"));
			List<String> trT = raw.stream().map(LabelledCsv.Row::text).toList();
			List<String> teT = devRows.stream().map(LabelledCsv.Row::text).toList();
			int[] yte = devRows.stream().mapToInt(r -> labels.indexOf(r.label())).toArray();
			TrainerSettings s = TrainerSettings.standard();
			FeatureHasher[] blocks = s.blocks();
			int[] df = Vectorizer.documentFrequencies(trT, blocks);
			Vectorizer vec = new Vectorizer(blocks, idx -> Vectorizer.idf(trT.size(), df[idx]));
			List<SparseVector> xtr = trT.parallelStream().map(vec::transform).toList();
			List<SparseVector> xte = teT.parallelStream().map(vec::transform).toList();
			int dim = vec.dimension();
			long t0 = System.nanoTime();
			float[][] w = TriageCv.train(xtr, yAll, classes, dim, null, TrainerSettings.standard().c());
			double[][] base = TriageCv.scores(w, xte, dim);
			devReport("base (head model)", base, yte, classes, (System.nanoTime() - t0) / 1e9);
			if (appendEmb != null) {
				t0 = System.nanoTime();
				float[][] w2 = TriageCv.train(append(xtr, apTr, dim, appendW), yAll, classes, dim + E, null, s.c());
				base = TriageCv.scores(w2, append(xte, apDev, dim, appendW), dim + E);
				devReport("head+emb " + appendEmb + " w" + appendW, base, yte, classes, (System.nanoTime() - t0) / 1e9);
			}
			boolean[] none = new boolean[raw.size()];
			double[][] share = shares(nIdx, nSim, null, none, yAll, ks[0], classes, yte.length);
			devReport(tag + " k" + ks[0] + " b" + betas[0], add(base, share, betas[0]), yte, classes, 0);
			return;
		}
		List<Integer> perm = new ArrayList<>();
		for (int i = 0; i < raw.size(); i++) perm.add(i);
		Collections.shuffle(perm, new Random(7)); // same permutation as TriageCv
		int n = perm.size();
		int[] pos = new int[n];
		for (int i = 0; i < n; i++) pos[perm.get(i)] = i;
		for (int f = 0; f < 5; f++) {
			if (onlyFold >= 0 && f != onlyFold) continue;
			List<String> trT = new ArrayList<>(), teT = new ArrayList<>();
			List<Integer> trY = new ArrayList<>(), teY = new ArrayList<>(), trI = new ArrayList<>(), teI = new ArrayList<>();
			boolean[] held = new boolean[n];
			for (int i = 0; i < n; i++) {
				int o = perm.get(i);
				if (i % 5 == f) { teT.add(raw.get(o).text()); teY.add(yAll[o]); teI.add(o); held[o] = true; }
				else { trT.add(raw.get(o).text()); trY.add(yAll[o]); trI.add(o); }
			}
			int[] ytr = trY.stream().mapToInt(Integer::intValue).toArray();
			int[] yte = teY.stream().mapToInt(Integer::intValue).toArray();
			foldSize[f] = yte.length;
			TrainerSettings s = TrainerSettings.standard();
			FeatureHasher[] blocks = s.blocks();
			int[] df = Vectorizer.documentFrequencies(trT, blocks);
			Vectorizer vec = new Vectorizer(blocks, idx -> Vectorizer.idf(trT.size(), df[idx]));
			List<SparseVector> xtr = trT.parallelStream().map(vec::transform).toList();
			List<SparseVector> xte = teT.parallelStream().map(vec::transform).toList();
			int dim = vec.dimension();
			long t0 = System.nanoTime();
			float[][] w = TriageCv.train(xtr, ytr, classes, dim, null, s.c());
			double tBase = (System.nanoTime() - t0) / 1e9;
			double[][] base = TriageCv.scores(w, xte, dim);
			report(f, "base", base, yte, tBase);
			double tTrain = tBase;
			if (appendEmb != null) {
				t0 = System.nanoTime();
				float[][] w2 = TriageCv.train(append(xtr, pick(apTr, trI), dim, appendW), ytr, classes, dim + E, null, s.c());
				tTrain = (System.nanoTime() - t0) / 1e9;
				base = TriageCv.scores(w2, append(xte, pick(apTr, teI), dim, appendW), dim + E);
				report(f, "head+emb " + appendEmb + " w" + appendW, base, yte, tTrain);
			}
			int[] rowsOf = teI.stream().mapToInt(Integer::intValue).toArray();
			for (int k : ks) {
				double[][] share = shares(nIdx, nSim, rowsOf, held, yAll, k, classes, yte.length);
				if (appendEmb == null) report(f, "emb kNN only " + nnEmb + " k" + k, share, yte, 0);
				for (double b : betas) report(f, tag + " k" + k + " b" + b, add(base, share, b), yte, tTrain);
			}
			summary();
		}
	}

	static double[][] add(double[][] base, double[][] share, double b) {
		double[][] sc = new double[base.length][];
		for (int i = 0; i < sc.length; i++) { sc[i] = base[i].clone(); for (int c = 0; c < sc[i].length; c++) sc[i][c] += b * share[i][c]; }
		return sc;
	}

	/** Vote shares of the first k listed neighbours not held out (rows: the query rows in the lists; null: 0..m-1). */
	static int shortLists = 0;

	static double[][] shares(int[][] nIdx, float[][] nSim, int[] rows, boolean[] held, int[] y, int k, int classes, int m) {
		double[][] out = new double[m][classes];
		for (int q = 0; q < m; q++) {
			int r = rows == null ? q : rows[q];
			double tot = 0;
			int taken = 0;
			for (int j = 0; j < nIdx[r].length && taken < k; j++) {
				int t = nIdx[r][j];
				if (held[t]) continue;
				double s = Math.max(nSim[r][j], 0);
				out[q][y[t]] += s; tot += s; taken++;
			}
			if (taken < k) shortLists++;
			if (tot > 0) for (int c = 0; c < classes; c++) out[q][c] /= tot;
		}
		if (shortLists > 0) System.out.println("WARN lists shorter than k: " + shortLists);
		return out;
	}

	static void dev(List<LabelledCsv.Row> train, List<String> labels, String e, double ew, float[][] etr, float[][] ete) throws Exception {
		List<LabelledCsv.Row> devRows = LabelledCsv.read(Path.of("/work/shared/data/it-tickets/dev.csv"));
		List<String> trT = train.stream().map(LabelledCsv.Row::text).toList();
		List<String> teT = devRows.stream().map(LabelledCsv.Row::text).toList();
		int[] ytr = train.stream().mapToInt(r -> labels.indexOf(r.label())).toArray();
		int[] yte = devRows.stream().mapToInt(r -> labels.indexOf(r.label())).toArray();
		TrainerSettings s = TrainerSettings.standard();
		FeatureHasher[] blocks = s.blocks();
		int[] df = Vectorizer.documentFrequencies(trT, blocks);
		Vectorizer vec = new Vectorizer(blocks, idx -> Vectorizer.idf(trT.size(), df[idx]));
		List<SparseVector> xtr = trT.parallelStream().map(vec::transform).toList();
		List<SparseVector> xte = teT.parallelStream().map(vec::transform).toList();
		int dim = vec.dimension(), classes = labels.size();
		long t0 = System.nanoTime();
		float[][] w = TriageCv.train(xtr, ytr, classes, dim, null, s.c());
		devReport("base (head model)", TriageCv.scores(w, xte, dim), yte, classes, (System.nanoTime() - t0) / 1e9);
		List<SparseVector> a = append(xtr, etr, dim, ew), b = append(xte, ete, dim, ew);
		t0 = System.nanoTime();
		float[][] w2 = TriageCv.train(a, ytr, classes, dim + E, null, s.c());
		devReport("head+emb " + e + " w" + ew, TriageCv.scores(w2, b, dim + E), yte, classes, (System.nanoTime() - t0) / 1e9);
	}

	static void devReport(String name, double[][] s, int[] y, int classes, double secs) {
		int[] tp = new int[classes], fp = new int[classes], fn = new int[classes];
		int ok = 0;
		for (int i = 0; i < y.length; i++) {
			int p = argmax(s[i]);
			if (p == y[i]) { ok++; tp[p]++; } else { fp[p]++; fn[y[i]]++; }
		}
		double f1 = 0;
		for (int c = 0; c < classes; c++) f1 += tp[c] == 0 ? 0 : 2.0 * tp[c] / (2.0 * tp[c] + fp[c] + fn[c]);
		System.out.printf(Locale.ROOT, "DEV\t%s\t%d/%d\tacc %.4f\tmacroF1 %.4f\ttrain %.1f s%n", name, ok, y.length, ok / (double) y.length, f1 / classes, secs);
	}

	static int argmax(double[] s) {
		int b = 0;
		for (int c = 1; c < s.length; c++) if (s[c] > s[b]) b = c;
		return b;
	}

	static void report(int fold, String name, double[][] s, int[] y, double t) {
		int ok = 0;
		for (int i = 0; i < y.length; i++) if (argmax(s[i]) == y[i]) ok++;
		correct.computeIfAbsent(name, k -> new int[] { -1, -1, -1, -1, -1 })[fold] = ok;
		secs.computeIfAbsent(name, k -> new double[5])[fold] = t;
		System.out.printf(Locale.ROOT, "RES\t%d\t%s\t%d\t%d\t%.4f\t%.1f%n", fold, name, ok, y.length, ok / (double) y.length, t);
		System.out.flush();
	}

	static void summary() {
		int[] b = correct.get("base");
		System.out.println("SUMMARY (folds done so far)\tvariant\tcorrect/n\tacc\tdelta points (tickets)\tbetter/worse\tmean train s");
		for (var en : correct.entrySet()) {
			int[] c = en.getValue();
			int tot = 0, btot = 0, nn = 0, better = 0, worse = 0, folds = 0;
			double ts = 0;
			for (int f = 0; f < 5; f++) {
				if (c[f] < 0 || b[f] < 0) continue;
				tot += c[f]; btot += b[f]; nn += foldSize[f]; folds++; ts += secs.get(en.getKey())[f];
				if (c[f] > b[f]) better++; else if (c[f] < b[f]) worse++;
			}
			System.out.printf(Locale.ROOT, "SUM\t%s\t%d/%d\t%.4f\t%+.2f (%+d)\t%d/%d\t%.1f\t(%d folds)%n", en.getKey(), tot, nn, tot / (double) nn,
					100.0 * (tot - btot) / nn, tot - btot, better, worse, ts / folds, folds);
		}
		System.out.flush();
	}

	static float[][] normalise(float[][] v) {
		for (float[] x : v) {
			double s = 0;
			for (float f : x) s += f * f;
			float inv = (float) (1 / Math.sqrt(Math.max(s, 1e-12)));
			for (int j = 0; j < x.length; j++) x[j] *= inv;
		}
		return v;
	}

	static float[][] pick(float[][] all, List<Integer> idx) {
		float[][] out = new float[idx.size()][];
		for (int i = 0; i < out.length; i++) out[i] = all[idx.get(i)];
		return out;
	}

	/** Each sparse vector (or, with an empty list, nothing) followed by w × its embedding at indices from..from+383. */
	static List<SparseVector> append(List<SparseVector> xs, float[][] emb, int from, double w) {
		List<SparseVector> out = new ArrayList<>(emb.length);
		for (int i = 0; i < emb.length; i++) {
			int[] ix0 = xs.isEmpty() ? new int[0] : xs.get(i).indices();
			float[] v0 = xs.isEmpty() ? new float[0] : xs.get(i).values();
			int[] ix = Arrays.copyOf(ix0, ix0.length + E);
			float[] v = Arrays.copyOf(v0, v0.length + E);
			for (int j = 0; j < E; j++) { ix[ix0.length + j] = from + j; v[v0.length + j] = (float) (w * emb[i][j]); }
			out.add(new SparseVector(ix, v));
		}
		return out;
	}

	/** For each k: the share of the k nearest training embeddings' (cosine, similarity-weighted) vote per label. */
	static double[][][] knnShares(float[][] tr, int[] ytr, float[][] te, int classes, int[] ks) throws Exception {
		int kmax = Arrays.stream(ks).max().getAsInt();
		double[][][] out = new double[ks.length][te.length][classes];
		ExecutorService pool = Executors.newFixedThreadPool(TriageCv.threads);
		List<Future<?>> fs = new ArrayList<>();
		for (int t = 0; t < TriageCv.threads; t++) {
			int tt = t;
			fs.add(pool.submit(() -> {
				float[] sims = new float[tr.length];
				for (int q = tt; q < te.length; q += TriageCv.threads) {
					float[] x = te[q];
					for (int i = 0; i < tr.length; i++) {
						float[] z = tr[i];
						float s = 0;
						for (int j = 0; j < E; j++) s += x[j] * z[j];
						sims[i] = s;
					}
					// top kmax by partial selection with a small min-heap
					PriorityQueue<Integer> heap = new PriorityQueue<>(kmax, (a, b) -> Float.compare(sims[a], sims[b]));
					for (int i = 0; i < tr.length; i++) {
						if (heap.size() < kmax) heap.add(i);
						else if (sims[i] > sims[heap.peek()]) { heap.poll(); heap.add(i); }
					}
					Integer[] top = heap.toArray(new Integer[0]);
					Arrays.sort(top, (a, b) -> Float.compare(sims[b], sims[a]));
					for (int ki = 0; ki < ks.length; ki++) {
						double tot = 0;
						for (int r = 0; r < ks[ki] && r < top.length; r++) { double s = Math.max(sims[top[r]], 0); out[ki][q][ytr[top[r]]] += s; tot += s; }
						if (tot > 0) for (int c = 0; c < classes; c++) out[ki][q][c] /= tot;
					}
				}
				return null;
			}));
		}
		for (Future<?> f : fs) f.get();
		pool.shutdown();
		return out;
	}
}
