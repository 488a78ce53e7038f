import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Tier-0 sessions over HTTP (issue 7 wiring): dana@customer.test starts N sessions at concurrency C,
 * each a question about a demo topic (or none), and the latency of POST /selfservice/sessions is
 * measured (hybrid search over the client's public articles, the second check per candidate,
 * the re-contact check by embeddings, the session row). Run: bash bench/selfservice.sh
 */
public class SelfServiceLoad {

	static final HttpClient HTTP = HttpClient.newHttpClient();
	static final String[] QUESTIONS = { "I forgot my password, how do I reset it?", "The sign-in page keeps coming back after I log in",
			"Exporting my big report to CSV never finishes", "I cannot sign in on Windows", "Where do I change my invoice address?",
			"The mobile app crashes when I open a photo" };

	public static void main(String[] args) throws Exception {
		String base = args[0];
		int n = Integer.parseInt(args[1]);
		int concurrency = Integer.parseInt(args[2]);
		String token = token(base, "dana@customer.test");
		for (int i = 0; i < 10; i++) {
			start(base, token, QUESTIONS[i % QUESTIONS.length] + " warm-up " + i);
		}
		List<Long> took = Collections.synchronizedList(new ArrayList<>());
		AtomicInteger answered = new AtomicInteger();
		ExecutorService pool = Executors.newFixedThreadPool(concurrency);
		List<Future<?>> futures = new ArrayList<>();
		long t0 = System.nanoTime();
		for (int i = 0; i < n; i++) {
			int k = i;
			futures.add(pool.submit(() -> {
				long s = System.nanoTime();
				String body = start(base, token, QUESTIONS[k % QUESTIONS.length] + " (" + k + ")");
				took.add(System.nanoTime() - s);
				if (body.contains("\"kind\":\"ARTICLE\"") || body.contains("\"kind\":\"TREE\"")) {
					answered.incrementAndGet();
				}
				return null;
			}));
		}
		for (Future<?> f : futures) {
			f.get();
		}
		double secs = (System.nanoTime() - t0) / 1e9;
		pool.shutdown();
		List<Long> sorted = new ArrayList<>(took);
		Collections.sort(sorted);
		System.out.printf("sessions started: %d in %.1f s (%.1f/s), with an article or tree offered: %d%n", n, secs, n / secs,
				answered.get());
		System.out.printf("POST /selfservice/sessions: p50 %.1f ms, p95 %.1f ms, p99 %.1f ms%n", pct(sorted, 0.5), pct(sorted, 0.95),
				pct(sorted, 0.99));
	}

	static double pct(List<Long> sorted, double p) {
		return sorted.get(Math.min(sorted.size() - 1, (int) (sorted.size() * p))) / 1e6;
	}

	static String start(String base, String token, String text) throws Exception {
		var response = HTTP.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/selfservice/sessions"))
			.header("Authorization", "Bearer " + token).header("Content-Type", "application/json").timeout(Duration.ofSeconds(30))
			.POST(HttpRequest.BodyPublishers.ofString("{\"client\":\"acme\",\"text\":\"" + text.replace("\"", "'") + "\"}")).build(),
				HttpResponse.BodyHandlers.ofString());
		if (response.statusCode() != 201) {
			throw new IllegalStateException("session -> " + response.statusCode() + " " + response.body());
		}
		return response.body();
	}

	static String token(String base, String email) throws Exception {
		String basic = Base64.getEncoder().encodeToString((email + ":demo").getBytes(StandardCharsets.UTF_8));
		var response = HTTP.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/tokens"))
			.header("Authorization", "Basic " + basic).header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"bench\",\"scopes\":[\"read\",\"write\"]}")).build(),
				HttpResponse.BodyHandlers.ofString());
		Matcher m = Pattern.compile("\"token\":\"([^\"]+)\"").matcher(response.body());
		if (!m.find()) {
			throw new IllegalStateException("no token for " + email + ": " + response.statusCode() + " " + response.body());
		}
		return m.group(1);
	}
}
