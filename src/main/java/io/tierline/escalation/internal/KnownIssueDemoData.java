package io.tierline.escalation.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.tierline.access.AccessManagement;
import io.tierline.access.Caller;
import io.tierline.access.ClientRef;
import io.tierline.ticket.TicketManagement;
import io.tierline.ticket.TicketScope;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Demo known issues for acme and globex whose signatures match some demo tickets, linked to a few
 * of them through the same services as live work (ticket events, counts, threshold). Runs after
 * the demo tickets ({@code @Order(20)}), only in demo mode and only into an empty library.
 */
@Component
@Order(30)
@ConditionalOnProperty(name = "tierline.demo.enabled", havingValue = "true")
class KnownIssueDemoData implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(KnownIssueDemoData.class);

	/** One demo issue: what it says, and how many matching tickets get linked (the rest stay suggestions). */
	private record Demo(String client, KnownIssueDraft.Input input, int links, String fixedLater) {
	}

	private static final List<Demo> DEMOS = List.of(
			demo("acme", "SSO sign-in loops after the IdP certificate rotation",
					"After the identity provider rotated its signing certificate, users are sent back to the sign-in page; the log shows a rejected SAML assertion.",
					"Re-upload the IdP metadata under Settings → Single sign-on, then ask users to sign in again.",
					List.of(literal("SAML assertion"), regex("sso login loops?")), "FIX_SCHEDULED", "4.8.0", "acme-cloud", 6, null),
			demo("globex", "Webhook deliveries rejected with 401 after signing-secret rotation",
					"Deliveries fail with HTTP 401 right after the webhook signing secret was rotated.",
					"Copy the new signing secret into the receiving endpoint; deliveries retry for 24 hours.",
					List.of(regex("webhook.{0,40}\\b401\\b")), "OPEN", null, null, 3, null),
			demo("acme", "Rate limiter counts retried requests against the quota",
					"Clients that retry on timeouts get HTTP 429 although their request volume is under quota.",
					"Back off exponentially with jitter; ask engineering to raise the burst limit meanwhile.",
					List.of(regex("\\b429\\b")), "OPEN", null, null, 2, null),
			demo("acme", "CSV import misreads day-first dates",
					"Dates in DD/MM/YYYY are read month-first and rows with a day above 12 are rejected.",
					"Export the sheet with ISO dates (YYYY-MM-DD) before importing.",
					List.of(literal("DD/MM/YYYY")), "OPEN", null, null, 4, "4.7.2"),
			demo("globex", "Orders screen freezes on Android 14",
					"The POS app stops responding when the orders screen opens on Android 14 devices.",
					"Clear the app cache or use the web back office until the update ships.",
					List.of(literal("orders screen")), "OPEN", null, "globex-pos", 3, null),
			demo("globex", "Search slow since the index migration",
					"Product search takes several seconds since the search index was migrated.",
					"Filter by category first; exact SKU searches stay fast.",
					List.of(regex("search (is )?slow")), "FIX_SCHEDULED", "2.3.0", null, 2, null),
			demo("globex", "Accented characters garbled by the importer",
					"Names with accents come out garbled after an import from a Windows-1252 file.",
					"Save the file as UTF-8 before importing.",
					List.of(literal("garbled")), "OPEN", null, null, 0, null));

	private final KnownIssueLibrary library;
	private final KnownIssueLinking linking;
	private final KnownIssueMatcher matcher;
	private final TicketManagement tickets;
	private final AccessManagement access;
	private final JdbcClient jdbc;

	KnownIssueDemoData(KnownIssueLibrary library, KnownIssueLinking linking, KnownIssueMatcher matcher, TicketManagement tickets,
			AccessManagement access, JdbcClient jdbc) {
		this.library = library;
		this.linking = linking;
		this.matcher = matcher;
		this.tickets = tickets;
		this.access = access;
		this.jdbc = jdbc;
	}

	@Override
	public void run(ApplicationArguments args) {
		var t2 = access.userByEmail("t2@northwind.test");
		if (t2.isEmpty() || jdbc.sql("select count(*) from known_issues").query(Long.class).single() > 0) {
			return;
		}
		Caller author = access.callerFor(t2.get().id());
		int created = 0;
		for (Demo demo : DEMOS) {
			var client = access.clientBySlug(demo.client());
			if (client.isPresent()) {
				seed(author, client.get(), demo);
				created++;
			}
		}
		log.info("Demo known issues created: {}", created);
	}

	private void seed(Caller author, ClientRef client, Demo demo) {
		KnownIssue issue = library.create(author, demo.input());
		int linked = 0;
		for (Map.Entry<String, Long> ticket : candidates(author, client).entrySet()) {
			if (linked >= demo.links()) {
				break;
			}
			String text = tickets.textOf(ticket.getValue(), 4_000);
			if (issue.signatures().stream().anyMatch(s -> matcher.match(s, text).isPresent())) {
				linking.link(author, issue.id(), ticket.getKey());
				linked++;
			}
		}
		if (demo.fixedLater() != null) {
			library.changeStatus(author, issue.id(), "FIXED", demo.fixedLater());
		}
	}

	/** The client's tickets the author sees as staff, oldest first: number → id. */
	private Map<String, Long> candidates(Caller author, ClientRef client) {
		TicketScope scope = tickets.staffScope(author);
		Map<String, Object> params = new HashMap<>(scope.params());
		params.put("demoClient", client.id());
		Map<String, Long> found = new LinkedHashMap<>();
		jdbc.sql("select t.id, t.number from tickets t where t.client_id = :demoClient and " + scope.sql() + " order by t.id limit 300")
			.params(params)
			.query(rs -> {
				found.put(client.ticketPrefix() + "-" + rs.getLong("number"), rs.getLong("id"));
			});
		return found;
	}

	private static Demo demo(String client, String title, String symptoms, String workaround,
			List<KnownIssueSignature.Input> signatures, String status, String version, String product, int links,
			String fixedLater) {
		return new Demo(client, new KnownIssueDraft.Input(client, title, symptoms, new ArrayList<>(signatures), workaround,
				status, version, product), links, fixedLater);
	}

	private static KnownIssueSignature.Input literal(String pattern) {
		return new KnownIssueSignature.Input("LITERAL", pattern);
	}

	private static KnownIssueSignature.Input regex(String pattern) {
		return new KnownIssueSignature.Input("REGEX", pattern);
	}
}
