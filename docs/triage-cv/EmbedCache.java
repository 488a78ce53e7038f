// One-off: MiniLM (all-MiniLM-L6-v2 quantized, LangChain4j's files) embeddings of train.csv and dev.csv,
// cached as float vectors for TriageCvEmbed; and single-thread embedding latency. Not part of the build.
// javac -d out -cp target/classes:$(cat /var/tmp/embed/cp.txt) docs/triage-cv/EmbedCache.java
// java -cp out:target/classes:$(cat /var/tmp/embed/cp.txt) io.tierline.triage.internal.model.EmbedCache cache MAXWORDS [THREADS]
//   (MAXWORDS 0: the whole text; LangChain4j splits texts over 510 word pieces into 510-piece parts and
//    averages their embeddings weighted by length) -> /var/tmp/embed/{train,dev}-wMAXWORDS.bin
// java ... EmbedCache latency MAXWORDS[,MAXWORDS...]   (one thread, ONNX intra-op 1, dev.csv texts)
package io.tierline.triage.internal.model;

import java.io.*;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.*;
import java.util.*;
import java.util.concurrent.*;
import java.util.concurrent.atomic.AtomicInteger;

import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtSession;
import dev.langchain4j.model.embedding.onnx.AbstractInProcessEmbeddingModel;
import dev.langchain4j.model.embedding.onnx.OnnxBertBiEncoder;
import dev.langchain4j.model.embedding.onnx.PoolingMode;

public final class EmbedCache {

	static final Path DATA = Path.of("/work/shared/data/it-tickets");
	static final Path OUT = Path.of("/var/tmp/embed");
	static final int DIM = 384;

	/** The search module's MiniLm, with ONNX Runtime limited to one intra-op thread, no spinning. */
	static final class Model extends AbstractInProcessEmbeddingModel {
		final OnnxBertBiEncoder encoder;

		Model() throws Exception {
			super(null);
			try (InputStream m = res("all-minilm-l6-v2-q.onnx"); InputStream t = res("all-minilm-l6-v2-q-tokenizer.json")) {
				OrtEnvironment env = OrtEnvironment.getEnvironment();
				OrtSession.SessionOptions o = new OrtSession.SessionOptions();
				o.addConfigEntry("session.intra_op.allow_spinning", "0");
				o.addConfigEntry("session.inter_op.allow_spinning", "0");
				o.setIntraOpNumThreads(1);
				o.setInterOpNumThreads(1);
				encoder = new OnnxBertBiEncoder(env, env.createSession(m.readAllBytes(), o), t, PoolingMode.MEAN);
			}
		}

		static InputStream res(String n) {
			return Objects.requireNonNull(EmbedCache.class.getClassLoader().getResourceAsStream(n), n);
		}

		@Override
		protected OnnxBertBiEncoder model() {
			return encoder;
		}

		@Override
		protected Integer knownDimension() {
			return DIM;
		}

		float[] vector(String text) {
			return embed(text).content().vector();
		}
	}

	static String firstWords(String text, int max) {
		if (max <= 0) return text;
		String[] w = text.trim().split("\\s+");
		return w.length <= max ? String.join(" ", w) : String.join(" ", Arrays.copyOf(w, max));
	}

	public static void main(String[] args) throws Exception {
		Model model = new Model();
		if (args[0].equals("cache")) {
			int max = Integer.parseInt(args[1]);
			int threads = args.length > 2 ? Integer.parseInt(args[2]) : 2;
			for (String split : new String[] { "train", "dev" }) {
				List<LabelledCsv.Row> rows = LabelledCsv.read(DATA.resolve(split + ".csv"));
				float[][] v = new float[rows.size()][];
				long t0 = System.nanoTime();
				AtomicInteger next = new AtomicInteger();
				ExecutorService pool = Executors.newFixedThreadPool(threads);
				List<Future<?>> fs = new ArrayList<>();
				for (int t = 0; t < threads; t++) fs.add(pool.submit(() -> {
					for (int i; (i = next.getAndIncrement()) < rows.size();) {
						v[i] = model.vector(firstWords(rows.get(i).text(), max));
						if (i % 5000 == 0) System.err.printf("%s %d%n", split, i);
					}
					return null;
				}));
				for (Future<?> f : fs) f.get();
				pool.shutdown();
				double secs = (System.nanoTime() - t0) / 1e9;
				Path file = OUT.resolve(split + "-w" + max + ".bin");
				write(file, v);
				System.out.printf(Locale.ROOT, "EMBED\t%s\tmaxWords %d\t%d texts\t%.1f s\t%.1f texts/s\t%d threads%n", split, max, rows.size(), secs, rows.size() / secs, threads);
			}
		}
		else if (args[0].equals("latency")) {
			List<LabelledCsv.Row> dev = LabelledCsv.read(DATA.resolve("dev.csv"));
			ThreadMXBean mx = ManagementFactory.getThreadMXBean();
			for (String m : args[1].split(",")) {
				int max = Integer.parseInt(m);
				for (int i = 0; i < 200; i++) model.vector(firstWords(dev.get(dev.size() - 1 - i).text(), max));
				int n = Math.min(dev.size(), args.length > 2 ? Integer.parseInt(args[2]) : 1000);
				long[] wall = new long[n], cpu = new long[n];
				for (int i = 0; i < n; i++) {
					long c0 = mx.getCurrentThreadCpuTime(), t0 = System.nanoTime();
					model.vector(firstWords(dev.get(i).text(), max));
					wall[i] = System.nanoTime() - t0;
					cpu[i] = mx.getCurrentThreadCpuTime() - c0;
				}
				Arrays.sort(wall); Arrays.sort(cpu);
				System.out.printf(Locale.ROOT, "LATENCY\tmaxWords %d\tn %d\twall p50 %.2f p99 %.2f max %.2f ms\tcpu p50 %.2f p99 %.2f ms%n", max, n,
						wall[n / 2] / 1e6, wall[(int) (n * 0.99)] / 1e6, wall[n - 1] / 1e6, cpu[n / 2] / 1e6, cpu[(int) (n * 0.99)] / 1e6);
			}
		}
		System.exit(0);
	}

	static void write(Path file, float[][] v) throws IOException {
		ByteBuffer b = ByteBuffer.allocate(8 + v.length * DIM * 4).order(ByteOrder.LITTLE_ENDIAN);
		b.putInt(v.length).putInt(DIM);
		for (float[] x : v) for (float f : x) b.putFloat(f);
		Files.write(file, b.array());
	}

	static float[][] read(Path file) throws IOException {
		ByteBuffer b = ByteBuffer.wrap(Files.readAllBytes(file)).order(ByteOrder.LITTLE_ENDIAN);
		int n = b.getInt(), d = b.getInt();
		float[][] v = new float[n][d];
		for (float[] x : v) for (int j = 0; j < d; j++) x[j] = b.getFloat();
		return v;
	}
}
