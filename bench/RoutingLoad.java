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
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

/**
 * Routing benchmark load (issue 9; Java 17, JDK only: `java bench/RoutingLoad.java BASE MODE CONCURRENCY SECONDS`).
 * Opens tickets through POST /api/v1/tickets as dana@customer.test (an API token) for SECONDS, with
 * MODE {@code routed} (a random bench queue bq-1..bq-50, a language and a category, so every ticket
 * is assigned) or {@code unrouted} (no queue: nothing to assign), and prints the creation latency
 * percentiles. Only the base URL given is contacted; the loop is bounded in time.
 */
public class RoutingLoad {

	static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();
	static final String[] LANGUAGES = { "en", "de", "fr", "es", "ja" };
	static final String[] CATEGORIES = { "authentication", "integrations", "billing", "performance", "data-import" };
	static final String[] SEVERITIES = { "P1", "P2", "P3", "P3", "P4" };

	public static void main(String[] args) throws Exception {
		String base = args[0];
		boolean routed = args[1].equals("routed");
		int concurrency = Integer.parseInt(args[2]);
		long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(Integer.parseInt(args[3]));
		String token = token(base);
		List<Long> micros = Collections.synchronizedList(new ArrayList<>());
		List<String> errors = Collections.synchronizedList(new ArrayList<>());
		ExecutorService pool = Executors.newFixedThreadPool(concurrency);
		for (int i = 0; i < concurrency; i++) {
			pool.submit(() -> {
				while (System.nanoTime() < until && errors.size() < 10) {
					var r = ThreadLocalRandom.current();
					String body = routed
							? "{\"client\":\"acme\",\"subject\":\"bench\",\"description\":\"x\",\"severity\":\"" + SEVERITIES[r.nextInt(5)]
									+ "\",\"queue\":\"bq-" + (1 + r.nextInt(50)) + "\",\"category\":\"" + CATEGORIES[r.nextInt(5)]
									+ "\",\"customFields\":{\"language\":\"" + LANGUAGES[r.nextInt(5)] + "\"}}"
							: "{\"client\":\"acme\",\"subject\":\"bench\",\"description\":\"x\",\"severity\":\"" + SEVERITIES[r.nextInt(5)]
									+ "\",\"category\":\"" + CATEGORIES[r.nextInt(5)] + "\"}";
					long t0 = System.nanoTime();
					try {
						var response = HTTP.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/tickets")).header("Authorization", "Bearer " + token)
							.header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
								HttpResponse.BodyHandlers.ofString());
						if (response.statusCode() != 201) {
							errors.add(response.statusCode() + " " + response.body());
							continue;
						}
						micros.add((System.nanoTime() - t0) / 1000);
					}
					catch (Exception e) {
						errors.add(e.toString());
					}
				}
				return null;
			});
		}
		pool.shutdown();
		pool.awaitTermination(1, TimeUnit.HOURS);
		List<Long> sorted = new ArrayList<>(micros);
		Collections.sort(sorted);
		if (sorted.isEmpty()) {
			throw new IllegalStateException("no ticket created: " + errors);
		}
		System.out.printf("%s, concurrency %d: %d tickets, creation latency p50 %.2f ms, p99 %.2f ms, max %.2f ms, errors %d%n",
				args[1], concurrency, sorted.size(), at(sorted, 0.50) / 1000.0, at(sorted, 0.99) / 1000.0,
				sorted.get(sorted.size() - 1) / 1000.0, errors.size());
		errors.stream().limit(3).forEach(e -> System.out.println("  error: " + e));
	}

	static long at(List<Long> sorted, double q) {
		return sorted.get(Math.max(0, (int) Math.ceil(q * sorted.size()) - 1));
	}

	static String token(String base) throws Exception {
		String basic = Base64.getEncoder().encodeToString("dana@customer.test:demo".getBytes(StandardCharsets.UTF_8));
		var response = HTTP.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/tokens")).header("Authorization", "Basic " + basic)
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"routing-bench\",\"scopes\":[\"read\",\"write\"]}")).build(),
				HttpResponse.BodyHandlers.ofString());
		var m = java.util.regex.Pattern.compile("\"token\":\"([^\"]+)\"").matcher(response.body());
		if (!m.find()) {
			throw new IllegalStateException("no token: " + response.statusCode() + " " + response.body());
		}
		return m.group(1);
	}
}
