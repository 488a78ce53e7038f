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
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Knowledge base load (issue 7), JDK only: `java bench/KnowledgeLoad.java BASE N CONCURRENCY REQUESTS`.
 *   1. N articles drafted by t2@northwind.test and published by kb@acme.test through the API
 *   2. REQUESTS list pages (title filter and none) as an agent and as a requester
 *   3. REQUESTS diagnostic tree steps (POST /run) on the demo tree
 * Reports rates and p50/p99 latencies. Talks only to BASE; every loop is bounded by count.
 */
public class KnowledgeLoad {

	static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
		.connectTimeout(Duration.ofSeconds(5)).build();

	public static void main(String[] args) throws Exception {
		String base = args[0];
		int n = Integer.parseInt(args[1]);
		int concurrency = Integer.parseInt(args[2]);
		int requests = Integer.parseInt(args[3]);
		String author = token(base, "t2@northwind.test");
		String reviewer = token(base, "kb@acme.test");
		String requester = token(base, "dana@customer.test");

		List<Long> create = Collections.synchronizedList(new ArrayList<>());
		List<Long> publish = Collections.synchronizedList(new ArrayList<>());
		long wall = run(n, concurrency, i -> {
			String body = "{\"client\":\"acme\",\"kind\":\"HOW_TO\",\"audience\":\"" + (i % 2 == 0 ? "PUBLIC" : "INTERNAL")
					+ "\",\"title\":\"Bench article " + i + " export settings\",\"body\":\"# Step\\n1. Open settings " + i
					+ "\\n2. Export\",\"products\":[\"acme-cloud\"]}";
			long t0 = System.nanoTime();
			String created = send(base + "/api/v1/articles", author, "POST", body, 201);
			create.add(System.nanoTime() - t0);
			Matcher m = Pattern.compile("\"id\":(\\d+)").matcher(created);
			m.find();
			t0 = System.nanoTime();
			send(base + "/api/v1/articles/" + m.group(1) + "/publish", reviewer, "POST", "{}", 200);
			publish.add(System.nanoTime() - t0);
		});
		System.out.printf("create+publish: %d articles in %.1f s = %.0f articles/s; create %s; publish %s%n", n, wall / 1e9,
				n / (wall / 1e9), stats(create), stats(publish));

		List<Long> staffList = Collections.synchronizedList(new ArrayList<>());
		List<Long> readerList = Collections.synchronizedList(new ArrayList<>());
		wall = run(requests, concurrency, i -> {
			String q = i % 2 == 0 ? "&q=export" : "";
			long t0 = System.nanoTime();
			send(base + "/api/v1/articles?limit=50" + q, author, "GET", null, 200);
			staffList.add(System.nanoTime() - t0);
			t0 = System.nanoTime();
			send(base + "/api/v1/articles?limit=50" + q, requester, "GET", null, 200);
			readerList.add(System.nanoTime() - t0);
		});
		System.out.printf("list pages: %d in %.1f s; agent %s; requester %s%n", 2 * requests, wall / 1e9, stats(staffList),
				stats(readerList));

		String trees = send(base + "/api/v1/articles?kind=DIAGNOSTIC_TREE&client=acme", author, "GET", null, 200);
		Matcher tree = Pattern.compile("\"id\":(\\d+)").matcher(trees);
		tree.find();
		String treeId = tree.group(1);
		List<Long> steps = Collections.synchronizedList(new ArrayList<>());
		wall = run(requests, concurrency, i -> {
			long t0 = System.nanoTime();
			send(base + "/api/v1/articles/" + treeId + "/run", requester, "POST", "{\"answers\":[1,0,1]}", 200);
			steps.add(System.nanoTime() - t0);
		});
		System.out.printf("tree steps: %d in %.1f s = %.0f/s; %s%n", requests, wall / 1e9, requests / (wall / 1e9), stats(steps));
	}

	interface Task {
		void run(int i) throws Exception;
	}

	static long run(int count, int concurrency, Task task) throws Exception {
		ExecutorService pool = Executors.newFixedThreadPool(concurrency);
		AtomicInteger next = new AtomicInteger();
		AtomicInteger failures = new AtomicInteger();
		long t0 = System.nanoTime();
		for (int w = 0; w < concurrency; w++) {
			pool.submit(() -> {
				for (int i = next.getAndIncrement(); i < count; i = next.getAndIncrement()) {
					try {
						task.run(i);
					}
					catch (Exception e) {
						if (failures.incrementAndGet() < 5) {
							System.err.println(e.getMessage());
						}
					}
				}
			});
		}
		pool.shutdown();
		pool.awaitTermination(1, TimeUnit.HOURS);
		if (failures.get() > 0) {
			System.out.println("failures: " + failures.get());
		}
		return System.nanoTime() - t0;
	}

	static String stats(List<Long> nanos) {
		List<Long> sorted = new ArrayList<>(nanos);
		Collections.sort(sorted);
		if (sorted.isEmpty()) {
			return "no samples";
		}
		return String.format("p50 %.1f ms, p99 %.1f ms", sorted.get(sorted.size() / 2) / 1e6,
				sorted.get(Math.min(sorted.size() - 1, (int) (sorted.size() * 0.99))) / 1e6);
	}

	static String send(String url, String token, String method, String body, int expected) throws Exception {
		var request = HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + token)
			.timeout(Duration.ofSeconds(30));
		if (body != null) {
			request.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(body));
		}
		else {
			request.method(method, HttpRequest.BodyPublishers.noBody());
		}
		var response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
		if (response.statusCode() != expected) {
			throw new IllegalStateException(method + " " + url + " -> " + response.statusCode() + " " + response.body());
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
