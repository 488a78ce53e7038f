package io.tierline.search.internal;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import io.tierline.search.SearchDocument;
import io.tierline.support.Api;
import io.tierline.support.IntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Another node: its own index directory, the same database. It follows {@code search_index_log}
 * from its own watermark, which survives a restart with the index.
 */
@IntegrationTest
class SecondNodeIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	IndexLog log;

	@Autowired
	Sources sources;

	@Autowired
	Embeddings embeddings;

	@Autowired
	io.tierline.common.BulkWrites bulk;

	@Autowired
	Clock clock;

	@Autowired
	io.tierline.access.AccessManagement access;

	@Autowired
	TicketSearchSource ticketSource;

	@Test
	void aSecondNodeFollowsTheLogIntoItsOwnIndexAndResumesFromItsWatermark() throws Exception {
		Api t1 = Api.at(port).as("t1@northwind.test");
		long ticket = ticket(t1, "Second node zqvwtrpzk", "Seen on the other node.");
		assertThat(t1.patch("/api/v1/tickets/" + ticket, Map.of("status", "SOLVED")).status()).isEqualTo(200);
		awaitLogged(ticket);

		Path dir = Files.createTempDirectory("second-node");
		SearchIndex node = new SearchIndex(dir);
		IndexFollower follower = follower(node);
		assertThat(follower.follow()).isPositive();
		assertThat(keysFound(node, "zqvwtrpzk")).contains("TICKET:" + ticket);
		long watermark = node.current().watermark();
		node.close();

		SearchIndex restarted = new SearchIndex(dir);
		assertThat(restarted.current().existed()).isTrue();
		assertThat(restarted.current().watermark()).isEqualTo(watermark);
		assertThat(keysFound(restarted, "zqvwtrpzk")).contains("TICKET:" + ticket);
		follower(restarted).follow();
		assertThat(restarted.current().watermark()).isGreaterThanOrEqualTo(watermark);
		restarted.close();
	}

	/**
	 * A history import logs its tickets by id only: a node reads each document when it follows,
	 * indexing the solved one and leaving out the one still open.
	 */
	@Test
	void entriesLoggedByIdAreReadFromTheTicketsWhenFollowed() throws Exception {
		Api t1 = Api.at(port).as("t1@northwind.test");
		long solved = ticket(t1, "Logged by id kqzvbnwx", "Read from the source.");
		assertThat(t1.patch("/api/v1/tickets/" + solved, Map.of("status", "SOLVED")).status()).isEqualTo(200);
		long open = ticket(t1, "Still open kqzvbnwx", "Not searchable yet.");
		awaitLogged(solved);
		SearchIndex node = new SearchIndex(Files.createTempDirectory("second-node"));
		IndexFollower follower = follower(node);
		follower.follow();
		assertThat(keysFound(node, "kqzvbnwx")).contains("TICKET:" + solved).doesNotContain("TICKET:" + open);

		// the solved ticket again, and the open one, logged without documents
		log.readAll(SearchDocument.Type.TICKET, List.of(solved, open));
		List<IndexLog.Entry> logged = log.after(log.head() - 2, 10);
		assertThat(logged).extracting(IndexLog.Entry::docId).containsExactly(solved, open);
		assertThat(logged).allMatch(e -> e.document() == null && !e.delete() && e.readFromSource());
		assertThat(follower.follow()).isEqualTo(2);
		assertThat(keysFound(node, "kqzvbnwx")).contains("TICKET:" + solved).doesNotContain("TICKET:" + open);
		node.close();
	}

	/** A new Acme ticket from Dana, created by {@code agent}. */
	private static long ticket(Api agent, String subject, String description) {
		return agent.post("/api/v1/tickets", Map.of("client", "acme", "requester", Map.of("email", "dana@customer.test", "name", "Dana"),
				"subject", subject, "description", description, "channel", "EMAIL", "severity", "P3", "category", "authentication"))
			.json().get("id").asLong();
	}

	private IndexFollower follower(SearchIndex node) {
		return new IndexFollower(node, log, embeddings, new Reindexer(node, log, sources, embeddings, clock), clock, 1_000_000,
				Duration.ofDays(14), bulk, ticketSource);
	}

	private Set<String> keysFound(SearchIndex node, String word) {
		var filter = new IndexFilter(Set.of(access.clientBySlug("acme").orElseThrow().id()), Set.of(), null, null, null);
		HybridSearch.Gate all = ids -> ids.entrySet().stream()
			.flatMap(e -> e.getValue().stream().map(id -> LuceneIndex.key(e.getKey(), id))).collect(Collectors.toSet());
		return new HybridSearch(node, embeddings).search(word, filter, 10, all).stream()
			.map(h -> LuceneIndex.key(h.type(), h.id())).collect(Collectors.toSet());
	}

	private void awaitLogged(long ticket) throws InterruptedException {
		long until = System.nanoTime() + Duration.ofSeconds(20).toNanos();
		while (System.nanoTime() < until) {
			List<IndexLog.Entry> entries = log.after(Math.max(0, log.head() - 50), 100);
			if (entries.stream().anyMatch(e -> e.type() == SearchDocument.Type.TICKET && e.docId() == ticket)) {
				return;
			}
			Thread.sleep(100);
		}
		throw new AssertionError("ticket " + ticket + " never reached the log");
	}
}
