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
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Tierline's HTTP load generator (Java 17, JDK only: run as `java bench/LoadGenerator.java ...`).
 *
 *   create BASE CONCURRENCY WARMUP_S MEASURE_S   ticket creation through POST /api/v1/tickets
 *   queue  BASE CONCURRENCY REQUESTS             the agent queue, several filters, as t1 and t2
 *
 * It only talks to the base URL given (loopback in bench/run.sh); loops are bounded in time and count.
 */
public class LoadGenerator {

	static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
		.connectTimeout(Duration.ofSeconds(5)).build();

	public static void main(String[] args) throws Exception {
		String base = args[1];
		switch (args[0]) {
			case "create" -> create(base, Integer.parseInt(args[2]), Integer.parseInt(args[3]), Integer.parseInt(args[4]));
			case "queue" -> queue(base, Integer.parseInt(args[2]), Integer.parseInt(args[3]));
			default -> throw new IllegalArgumentException("create or queue");
		}
	}

	static String token(String base, String email) throws Exception {
		String basic = Base64.getEncoder().encodeToString((email + ":demo").getBytes(StandardCharsets.UTF_8));
		var response = HTTP.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/tokens"))
			.header("Authorization", "Basic " + basic).header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"bench\",\"scopes\":[\"read\",\"write\"]}")).build(),
				HttpResponse.BodyHandlers.ofString());
		Matcher m = Pattern.compile("\"token\":\"([^\"]+)\"").matcher(response.body());
		if (!m.find()) {
			throw new IllegalStateException("no token: " + response.statusCode() + " " + response.body());
		}
		return m.group(1);
	}

	static void create(String base, int concurrency, int warmupSeconds, int measureSeconds) throws Exception {
		String token = token(base, "t1@northwind.test");
		AtomicInteger sequence = new AtomicInteger();
		System.out.printf("warm-up %d s at concurrency %d%n", warmupSeconds, concurrency);
		run(concurrency, warmupSeconds, () -> createOne(base, token, sequence.incrementAndGet()));
		System.out.printf("measuring %d s at concurrency %d%n", measureSeconds, concurrency);
		Result result = run(concurrency, measureSeconds, () -> createOne(base, token, sequence.incrementAndGet()));
		result.print("create", measureSeconds);
	}

	static int createOne(String base, String token, int n) throws Exception {
		String body = "{\"client\":\"acme\",\"requester\":{\"email\":\"r" + (n % 500) + "@bench.test\",\"name\":\"Bench " + (n % 500)
				+ "\"},\"subject\":\"Bench ticket " + n + "\",\"description\":\"The export fails with E42 after the upgrade.\","
				+ "\"channel\":\"API\",\"severity\":\"P3\",\"category\":\"authentication\"}";
		return HTTP.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/tickets")).header("Authorization", "Bearer " + token)
			.header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
				HttpResponse.BodyHandlers.discarding()).statusCode();
	}

	static void queue(String base, int concurrency, int requests) throws Exception {
		String t1 = token(base, "t1@northwind.test");
		String t2 = token(base, "t2@northwind.test");
		String cursor = nextCursor(base, t1, "/api/v1/tickets?limit=50");
		String[][] variants = {
				{ "t1 all", t1, "/api/v1/tickets?limit=50" },
				{ "t1 page 2", t1, "/api/v1/tickets?limit=50&cursor=" + cursor },
				{ "t1 status=OPEN", t1, "/api/v1/tickets?limit=50&status=OPEN" },
				{ "t1 client=acme", t1, "/api/v1/tickets?limit=50&client=acme" },
				{ "t1 assignee=me", t1, "/api/v1/tickets?limit=50&assignee=me" },
				{ "t2 tier=T2 active", t2, "/api/v1/tickets?limit=50&tier=T2&status=NEW,OPEN,PENDING,ON_HOLD" },
				{ "t2 q=number", t2, "/api/v1/tickets?limit=50&q=ACME-5000124" },
				{ "t2 q=free text", t2, "/api/v1/tickets?limit=50&q=ticket+99999" } };
		for (String[] v : variants) {
			get(base, v[1], v[2]);
		}
		for (String[] v : variants) {
			run(concurrency, 3, () -> get(base, v[1], v[2]));
			// a free-text filter scans subjects: few requests; the Lucene index (knowledge issue) will serve it
			int count = v[0].contains("free text") ? Math.max(20, requests / 20) : requests;
			Result r = runCount(concurrency, count, () -> get(base, v[1], v[2]));
			r.print("queue " + v[0], -1);
		}
	}

	static String nextCursor(String base, String token, String path) throws Exception {
		String body = HTTP.send(HttpRequest.newBuilder(URI.create(base + path)).header("Authorization", "Bearer " + token).build(),
				HttpResponse.BodyHandlers.ofString()).body();
		Matcher m = Pattern.compile("\"nextCursor\":\"([^\"]+)\"").matcher(body);
		return m.find() ? m.group(1) : "";
	}

	static int get(String base, String token, String path) throws Exception {
		return HTTP.send(HttpRequest.newBuilder(URI.create(base + path)).header("Authorization", "Bearer " + token).build(),
				HttpResponse.BodyHandlers.discarding()).statusCode();
	}

	interface Call {
		int call() throws Exception;
	}

	record Result(List<Long> latenciesNanos, long errors, long elapsedNanos) {

		void print(String name, int seconds) {
			List<Long> sorted = new ArrayList<>(latenciesNanos);
			Collections.sort(sorted);
			double perSecond = sorted.size() / (elapsedNanos / 1e9);
			System.out.printf("RESULT %-22s n=%d errors=%d throughput=%.0f/s p50=%.1fms p95=%.1fms p99=%.1fms max=%.1fms%n", name,
					sorted.size(), errors, perSecond, ms(sorted, 0.50), ms(sorted, 0.95), ms(sorted, 0.99),
					sorted.isEmpty() ? 0 : sorted.get(sorted.size() - 1) / 1e6);
		}

		static double ms(List<Long> sorted, double q) {
			return sorted.isEmpty() ? 0 : sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(q * sorted.size()) - 1)) / 1e6;
		}
	}

	static Result run(int concurrency, int seconds, Call call) throws Exception {
		long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
		return execute(concurrency, () -> System.nanoTime() < end, call);
	}

	static Result runCount(int concurrency, int count, Call call) throws Exception {
		AtomicInteger left = new AtomicInteger(count);
		return execute(concurrency, () -> left.getAndDecrement() > 0, call);
	}

	static Result execute(int concurrency, java.util.function.BooleanSupplier more, Call call) throws Exception {
		List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
		AtomicLong errors = new AtomicLong();
		ExecutorService pool = Executors.newFixedThreadPool(concurrency);
		long start = System.nanoTime();
		for (int i = 0; i < concurrency; i++) {
			pool.submit(() -> {
				while (more.getAsBoolean()) {
					long t = System.nanoTime();
					try {
						int status = call.call();
						if (status >= 400) {
							errors.incrementAndGet();
						}
					}
					catch (Exception e) {
						errors.incrementAndGet();
					}
					latencies.add(System.nanoTime() - t);
				}
				return null;
			});
		}
		pool.shutdown();
		pool.awaitTermination(30, TimeUnit.MINUTES);
		return new Result(latencies, errors.get(), System.nanoTime() - start);
	}
}
