import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;

import io.tierline.search.SearchDocument;
import io.tierline.search.internal.Embeddings;
import io.tierline.search.internal.HybridSearch;
import io.tierline.search.internal.IndexFilter;
import io.tierline.search.internal.LuceneIndex;
import io.tierline.search.internal.SearchIndex;

/**
 * Search latency on the real engine (io.tierline.search.internal), in process, no HTTP:
 *  1. N articles (default 100,000) with synthetic text; hybrid search (BM25 + fuzzy + kNN, RRF, highlight),
 *     the query embedding computed by the real ONNX model inside every measured query;
 *  2. M solved tickets (default 200,000); similarity (kNN) with the query embedded per query.
 * Document vectors are synthetic (random unit vectors, stated in docs/benchmarks.md): embedding
 * 300,000 documents on 2 cores takes longer than the bench. Real embedding throughput is measured
 * separately on a sample. Run: bash bench/search.sh
 */
public class SearchBench {

	static final Random R = new Random(42);
	static String[] vocab;

	public static void main(String[] args) throws Exception {
		int articles = Integer.parseInt(System.getProperty("articles", "100000"));
		int tickets = Integer.parseInt(System.getProperty("tickets", "200000"));
		int queries = Integer.parseInt(System.getProperty("queries", "1000"));
		vocab = vocabulary(20_000);
		Embeddings embeddings = new Embeddings();

		long t0 = System.nanoTime();
		int sample = 300;
		for (int i = 0; i < sample; i++) {
			embeddings.embed(text(8) + ". " + text(60));
		}
		double embedPerSec = sample / ((System.nanoTime() - t0) / 1e9);
		System.out.printf("embedding throughput (real model, title + 60-word body): %.0f docs/s%n", embedPerSec);
		long[] embedTook = new long[300];
		for (int i = 0; i < embedTook.length; i++) {
			String q = text(3);
			long s = System.nanoTime();
			embeddings.embed(q);
			embedTook[i] = System.nanoTime() - s;
		}
		Arrays.sort(embedTook);
		System.out.printf("query embedding alone (3 words): p50 %.1f ms, p99 %.1f ms%n", ms(embedTook, 0.5), ms(embedTook, 0.99));

		if (articles > 0) {
			run("articles", articles, queries, embeddings, SearchDocument.Type.ARTICLE, true);
		}
		if (tickets > 0) {
			run("solved tickets", tickets, queries, embeddings, SearchDocument.Type.TICKET, false);
		}
	}

	static void run(String what, int n, int queries, Embeddings embeddings, SearchDocument.Type type, boolean hybrid) throws Exception {
		// -Dkeep=DIR keeps the built index there and reuses it on the next run (build once, measure queries again later)
		String keep = System.getProperty("keep", "");
		Path dir = keep.isEmpty() ? Files.createTempDirectory("search-bench") : Path.of(keep, type.name() + "-" + n);
		boolean reuse = !keep.isEmpty() && Files.exists(dir.resolve("complete"));
		SearchIndex index = new SearchIndex(dir);
		LuceneIndex lucene = index.current();
		long t0 = System.nanoTime();
		for (int i = 1; i <= n && !reuse; i++) {
			long client = 1 + (i % 4);
			var doc = new SearchDocument(i, type, client, i % 3 == 0 ? SearchDocument.Audience.INTERNAL : SearchDocument.Audience.PUBLIC,
					"PUBLISHED", List.of(client * 10 + i % 3), text(6), text(80), Instant.EPOCH);
			lucene.upsert(doc, randomUnit());
		}
		if (reuse) {
			lucene.refresh();
			System.out.printf("%s: reusing the index of %,d docs built earlier in %s%n", what, n, dir);
		}
		else {
			lucene.optimize(); // as a rebuild does before its commit
			lucene.commit(1);
			lucene.refresh();
			if (!keep.isEmpty()) {
				Files.writeString(dir.resolve("complete"), "built " + Instant.now());
			}
		}
		double secs = (System.nanoTime() - t0) / 1e9;
		if (!reuse) System.out.printf("%s: indexed %,d docs (text + synthetic vectors, HNSW) in %.1f s = %.0f docs/s (including the final merge)%n", what, n, secs, n / secs);

		HybridSearch search = new HybridSearch(index, embeddings);
		IndexFilter filter = new IndexFilter(Set.of(1L, 2L), Set.of(type), null, null, null);
		HybridSearch.Gate all = ids -> ids.entrySet().stream()
			.flatMap(e -> e.getValue().stream().map(id -> e.getKey().name() + ":" + id)).collect(Collectors.toSet());
		// a serving node is warm: the JIT has compiled the query path before the measured queries (-Dwarmup, default 500)
		int warmup = Integer.parseInt(System.getProperty("warmup", "500"));
		for (int i = 0; i < warmup; i++) {
			query(search, filter, all, hybrid);
		}
		long[] took = new long[queries];
		long[] cpu = new long[queries];
		var threads = java.lang.management.ManagementFactory.getThreadMXBean();
		int hits = 0;
		for (int i = 0; i < queries; i++) {
			long c = threads.getCurrentThreadCpuTime();
			long s = System.nanoTime();
			hits += query(search, filter, all, hybrid);
			took[i] = System.nanoTime() - s;
			cpu[i] = threads.getCurrentThreadCpuTime() - c;
		}
		Arrays.sort(took);
		Arrays.sort(cpu);
		System.out.printf("  CPU time of the querying thread (excludes waiting for a core, and ONNX Runtime work done on its own threads): p50 %.1f ms, p99 %.1f ms%n",
				ms(cpu, 0.5), ms(cpu, 0.99));
		System.out.printf("%s %s over %,d docs, %d queries: p50 %.1f ms, p95 %.1f ms, p99 %.1f ms, max %.1f ms (avg hits %.1f)%n",
				what, hybrid ? "hybrid search" : "similarity", n, queries, ms(took, 0.50), ms(took, 0.95), ms(took, 0.99),
				took[queries - 1] / 1e6, hits / (double) queries);
		index.current().close();
	}

	static int query(HybridSearch search, IndexFilter filter, HybridSearch.Gate gate, boolean hybrid) {
		if (hybrid) {
			// one word in five has a typo (a letter replaced), as people type
			String q = Arrays.stream(text(2 + R.nextInt(2)).split(" ")).map(w -> R.nextInt(5) == 0 ? typo(w) : w)
				.collect(Collectors.joining(" "));
			return search.search(q, filter, 10, gate).size();
		}
		return search.similar(text(25), filter, 5, gate).size();
	}

	static double ms(long[] sorted, double p) {
		return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p * sorted.length) - 1)] / 1e6;
	}

	static String typo(String w) {
		char[] c = w.toCharArray();
		c[c.length / 2] = (char) ('a' + R.nextInt(26));
		return new String(c);
	}

	/** Zipf-like choice: few words are common, most are rare, as in real text. */
	static String text(int words) {
		StringBuilder b = new StringBuilder();
		for (int i = 0; i < words; i++) {
			int k = (int) Math.min(vocab.length - 1, Math.floor(Math.pow(vocab.length, R.nextDouble())) - 1);
			b.append(i == 0 ? "" : " ").append(vocab[Math.max(0, k)]);
		}
		return b.toString();
	}

	static String[] vocabulary(int size) {
		List<String> words = new ArrayList<>(List.of("password", "reset", "login", "error", "printer", "network", "vpn", "email",
				"sync", "crash", "slow", "timeout", "invoice", "update", "install", "license", "backup", "restore", "disk", "server"));
		while (words.size() < size) {
			StringBuilder w = new StringBuilder();
			int len = 4 + R.nextInt(7);
			for (int i = 0; i < len; i++) {
				w.append((char) ('a' + R.nextInt(26)));
			}
			words.add(w.toString());
		}
		return words.toArray(String[]::new);
	}

	static float[] randomUnit() {
		float[] v = new float[Embeddings.DIMENSIONS];
		double norm = 0;
		for (int i = 0; i < v.length; i++) {
			v[i] = (float) R.nextGaussian();
			norm += v[i] * v[i];
		}
		for (int i = 0; i < v.length; i++) {
			v[i] /= (float) Math.sqrt(norm);
		}
		return v;
	}
}
