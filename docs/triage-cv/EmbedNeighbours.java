// One-off: the K most cosine-similar train.csv tickets of every train.csv ticket (itself included) and of
// every dev.csv ticket, over a cached MiniLM embedding (EmbedCache), so that TriageCvEmbed's kNN vote per
// fold is a filter of these lists (neighbours in the held-out fold skipped). Not part of the build.
// java -cp out:target/classes io.tierline.triage.internal.model.EmbedNeighbours EMB [K] [THREADS]
//   -> /var/tmp/embed/nn-EMB-{train,dev}.bin; also prints the single-thread brute-force search time per query.
package io.tierline.triage.internal.model;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.*;
import java.util.*;
import java.util.concurrent.*;

public final class EmbedNeighbours {

	static final int E = 384;

	public static void main(String[] args) throws Exception {
		String emb = args[0];
		int k = args.length > 1 ? Integer.parseInt(args[1]) : 80;
		int threads = args.length > 2 ? Integer.parseInt(args[2]) : 2;
		float[] tr = flat(TriageCvEmbed.normalise(EmbedCache.read(Path.of("/var/tmp/embed/train-" + emb + ".bin"))));
		float[] dv = flat(TriageCvEmbed.normalise(EmbedCache.read(Path.of("/var/tmp/embed/dev-" + emb + ".bin"))));
		// single-thread search latency: one query against all training vectors, top 20
		{
			int nq = 300;
			long[] t = new long[nq];
			float[] sims = new float[tr.length / E];
			for (int r = 0; r < 50; r++) search(dv, r, tr, sims);
			for (int q = 0; q < nq; q++) { long t0 = System.nanoTime(); search(dv, q, tr, sims); t[q] = System.nanoTime() - t0; }
			Arrays.sort(t);
			System.out.printf(Locale.ROOT, "SEARCH\t%s\t%d training vectors\tone thread, scalar float\tp50 %.2f ms p99 %.2f ms%n", emb, tr.length / E, t[nq / 2] / 1e6, t[(int) (nq * 0.99)] / 1e6);
		}
		for (String split : new String[] { "train", "dev" }) {
			float[] q = split.equals("train") ? tr : dv;
			long t0 = System.nanoTime();
			int[][] idx = new int[q.length / E][];
			float[][] sim = new float[q.length / E][];
			topK(q, tr, k, threads, idx, sim);
			write(Path.of("/var/tmp/embed/nn-" + emb + "-" + split + ".bin"), idx, sim, k);
			System.out.printf(Locale.ROOT, "NN\t%s\t%s\t%d queries\tK %d\t%.1f s%n", emb, split, idx.length, k, (System.nanoTime() - t0) / 1e9);
		}
	}

	static int search(float[] qs, int q, float[] tr, float[] sims) {
		int n = tr.length / E, qo = q * E, best = -1;
		float bs = -2;
		for (int i = 0; i < n; i++) {
			float s = 0;
			int o = i * E;
			for (int j = 0; j < E; j++) s += qs[qo + j] * tr[o + j];
			sims[i] = s;
			if (s > bs) { bs = s; best = i; }
		}
		return best;
	}

	static float[] flat(float[][] v) {
		float[] f = new float[v.length * E];
		for (int i = 0; i < v.length; i++) System.arraycopy(v[i], 0, f, i * E, E);
		return f;
	}

	/** 4 queries × 4 training rows per tile; each query keeps a sorted top-k array. */
	static void topK(float[] q, float[] tr, int k, int threads, int[][] outIdx, float[][] outSim) throws Exception {
		int nq = q.length / E, nt = tr.length / E;
		ExecutorService pool = Executors.newFixedThreadPool(threads);
		List<Future<?>> fs = new ArrayList<>();
		int blocks = (nq + 3) / 4;
		for (int t = 0; t < threads; t++) {
			int tt = t;
			fs.add(pool.submit(() -> {
				for (int b = tt; b < blocks; b += threads) {
					int q0 = b * 4, qn = Math.min(4, nq - q0);
					int[][] ti = new int[4][k];
					float[][] ts = new float[4][k];
					for (float[] a : ts) Arrays.fill(a, -2f);
					int a0 = q0 * E, a1 = (q0 + Math.min(1, qn - 1)) * E, a2 = (q0 + Math.min(2, qn - 1)) * E, a3 = (q0 + Math.min(3, qn - 1)) * E;
					for (int i = 0; i < nt; i++) {
						int o = i * E;
						float s0 = 0, s1 = 0, s2 = 0, s3 = 0;
						for (int j = 0; j < E; j++) {
							float x = tr[o + j];
							s0 += q[a0 + j] * x; s1 += q[a1 + j] * x; s2 += q[a2 + j] * x; s3 += q[a3 + j] * x;
						}
						insert(ts[0], ti[0], s0, i);
						if (qn > 1) insert(ts[1], ti[1], s1, i);
						if (qn > 2) insert(ts[2], ti[2], s2, i);
						if (qn > 3) insert(ts[3], ti[3], s3, i);
					}
					for (int r = 0; r < qn; r++) { outIdx[q0 + r] = ti[r]; outSim[q0 + r] = ts[r]; }
				}
				return null;
			}));
		}
		for (Future<?> f : fs) f.get();
		pool.shutdown();
	}

	static void insert(float[] s, int[] ix, float v, int i) {
		int k = s.length;
		if (v <= s[k - 1]) return;
		int p = k - 1;
		while (p > 0 && s[p - 1] < v) { s[p] = s[p - 1]; ix[p] = ix[p - 1]; p--; }
		s[p] = v; ix[p] = i;
	}

	static void write(Path f, int[][] idx, float[][] sim, int k) throws IOException {
		ByteBuffer b = ByteBuffer.allocate(8 + idx.length * k * 8).order(ByteOrder.LITTLE_ENDIAN);
		b.putInt(idx.length).putInt(k);
		for (int i = 0; i < idx.length; i++) for (int j = 0; j < k; j++) b.putInt(idx[i][j]).putFloat(sim[i][j]);
		Files.write(f, b.array());
	}

	/** [0]: int indices as floats is lossy, so two arrays: returns {idx, sim} via holders. */
	static Object[] read(Path f) throws IOException {
		ByteBuffer b = ByteBuffer.wrap(Files.readAllBytes(f)).order(ByteOrder.LITTLE_ENDIAN);
		int n = b.getInt(), k = b.getInt();
		int[][] idx = new int[n][k];
		float[][] sim = new float[n][k];
		for (int i = 0; i < n; i++) for (int j = 0; j < k; j++) { idx[i][j] = b.getInt(); sim[i][j] = b.getFloat(); }
		return new Object[] { idx, sim };
	}
}
