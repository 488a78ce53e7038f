package io.tierline.access;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;

import io.tierline.support.Api;
import io.tierline.support.IntegrationTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;

import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * SPEC §1 and §11: tenant isolation tested as a matrix of endpoints × people × tickets, over real
 * HTTP. The expected outcome of every case comes from the hand-written table in {@link Person}
 * (who may see which client and tier, and whether they may write), never from the production
 * code. A ticket outside someone's grants is "not found" on every ticket endpoint, so its
 * existence does not leak; a person who may only look gets 403 with the reason.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TenantIsolationMatrixTests {

	private static final Set<String> ALL_TICKETS = Set.of("acme/T1", "acme/T2", "acme/T3", "globex/T1", "globex/T2", "globex/T3");

	private static final Set<String> WHOLE_ACME = Set.of("acme/T1", "acme/T2", "acme/T3");

	private static final Set<String> WHOLE_GLOBEX = Set.of("globex/T1", "globex/T2", "globex/T3");

	private static final Set<String> T1_ON_BOTH = Set.of("acme/T1", "globex/T1");

	private static final Set<String> T1_T2_ON_BOTH = Set.of("acme/T1", "acme/T2", "globex/T1", "globex/T2");

	/** How far a person may act on the tickets they see. */
	enum Mode {
		WRITES, SUPERVISED_REPLIES_HELD, READ_ONLY, REQUESTER, READ_TOKEN, ANONYMOUS
	}

	/**
	 * The demo people (DemoDirectory) and what SPEC §1 allows them: the client/tier pairs whose
	 * tickets they see, the organizations whose audit log they read and whose people they list
	 * (administer, or co-manage: client admins see the provider's agents), and the clients whose held replies they approve (only on tickets they see). A
	 * requester additionally sees the tickets they asked (see {@link #sees}).
	 */
	enum Person {
		PROVIDER_ADMIN("admin@northwind.test", Mode.WRITES, ALL_TICKETS, Set.of("northwind", "acme", "globex"), Set.of("northwind"),
				Set.of("acme", "globex")),
		LEAD("lead@northwind.test", Mode.WRITES, T1_T2_ON_BOTH, Set.of(), Set.of(), Set.of("acme", "globex")),
		TIER1("t1@northwind.test", Mode.WRITES, T1_ON_BOTH, Set.of(), Set.of(), Set.of()),
		TIER2("t2@northwind.test", Mode.WRITES, T1_T2_ON_BOTH, Set.of(), Set.of(), Set.of()),
		TIER2_ACME_ONLY("t2-acme@northwind.test", Mode.WRITES, Set.of("acme/T1", "acme/T2"), Set.of(), Set.of(), Set.of()),
		SHADOW("shadow@northwind.test", Mode.READ_ONLY, Set.of("acme/T1"), Set.of(), Set.of(), Set.of()),
		SUPERVISED("supervised@northwind.test", Mode.SUPERVISED_REPLIES_HELD, Set.of("acme/T1"), Set.of(), Set.of(), Set.of()),
		ACME_ENGINEER("eng@acme.test", Mode.WRITES, Set.of("acme/T3"), Set.of(), Set.of(), Set.of()),
		ACME_ADMIN("admin@acme.test", Mode.WRITES, WHOLE_ACME, Set.of("acme"), Set.of("acme", "northwind"), Set.of("acme")),
		ACME_AUDITOR("auditor@acme.test", Mode.READ_ONLY, WHOLE_ACME, Set.of("acme"), Set.of(), Set.of()),
		GLOBEX_ADMIN("admin@globex.test", Mode.WRITES, WHOLE_GLOBEX, Set.of("globex"), Set.of("globex", "northwind"), Set.of("globex")),
		DANA("dana@customer.test", Mode.REQUESTER, Set.of(), Set.of(), Set.of(), Set.of()),
		SAM("sam@shopper.test", Mode.REQUESTER, Set.of(), Set.of(), Set.of(), Set.of()),
		/** A bearer token t1 issued with the scope "read" only: sees exactly what t1 sees. */
		TIER1_READ_TOKEN("t1@northwind.test", Mode.READ_TOKEN, T1_ON_BOTH, Set.of(), Set.of(), Set.of()),
		ANONYMOUS(null, Mode.ANONYMOUS, Set.of(), Set.of(), Set.of(), Set.of());

		final String email;
		final Mode mode;
		final Set<String> seesClientTiers;
		final Set<String> readsAuditOf;
		final Set<String> administers;
		final Set<String> approvesRepliesIn;

		Person(String email, Mode mode, Set<String> seesClientTiers, Set<String> readsAuditOf, Set<String> administers,
				Set<String> approvesRepliesIn) {
			this.email = email;
			this.mode = mode;
			this.seesClientTiers = seesClientTiers;
			this.readsAuditOf = readsAuditOf;
			this.administers = administers;
			this.approvesRepliesIn = approvesRepliesIn;
		}

		boolean sees(Fixture ticket) {
			boolean asked = mode == Mode.REQUESTER && email.equals(ticket.requester);
			return asked || seesClientTiers.contains(ticket.client + "/" + ticket.tier);
		}

		@Override
		public String toString() {
			return switch (this) {
				case TIER1_READ_TOKEN -> "t1 read-only token";
				case ANONYMOUS -> "anonymous";
				default -> email;
			};
		}
	}

	/** One ticket per grant boundary, and one of each client's demo requester. */
	enum Fixture {
		ACME_T1("acme", "T1", null), ACME_T2("acme", "T2", null), ACME_T3("acme", "T3", null),
		GLOBEX_T1("globex", "T1", null), GLOBEX_T2("globex", "T2", null), GLOBEX_T3("globex", "T3", null),
		DANAS_ACME_T1("acme", "T1", "dana@customer.test"), SAMS_GLOBEX_T1("globex", "T1", "sam@shopper.test");

		final String client;
		final String tier;
		final String requester;

		Fixture(String client, String tier, String requester) {
			this.client = client;
			this.tier = tier;
			this.requester = requester;
		}

		@Override
		public String toString() {
			return client + " " + tier + (requester == null ? "" : " of " + requester);
		}
	}

	enum TicketEndpoint {
		GET_BY_ID("GET /tickets/{id}", false),
		GET_BY_NUMBER("GET /tickets/{number}", false),
		LIST_OF_CLIENT("GET /tickets?client=…&q=…", false),
		LIST_OF_ALL_CLIENTS("GET /tickets?q=…", false),
		MESSAGES("GET /tickets/{id}/messages", false),
		EVENTS("GET /tickets/{id}/events", false),
		PUBLIC_REPLY("POST /tickets/{id}/messages PUBLIC", true),
		INTERNAL_NOTE("POST /tickets/{id}/messages INTERNAL", true),
		PATCH("PATCH /tickets/{id}", true),
		UPLOAD("POST /tickets/{id}/attachments", true),
		DOWNLOAD_PUBLIC("GET /attachments/{id} of a public message", false),
		DOWNLOAD_INTERNAL("GET /attachments/{id} of an internal note", false),
		APPROVALS("GET /approvals (the ticket's held reply)", false),
		APPROVAL("POST /messages/{held reply}/approval", true);

		final String label;
		final boolean writes;

		TicketEndpoint(String label, boolean writes) {
			this.label = label;
			this.writes = writes;
		}

		boolean lists() {
			return this == LIST_OF_CLIENT || this == LIST_OF_ALL_CLIENTS || this == APPROVALS;
		}
	}

	enum OrgEndpoint {
		AUDIT_LOG("GET /audit?org="), AUDIT_VERIFY("GET /audit/verify?org="), AUDIT_EXPORT("GET /audit/export?format=csv&org="),
		ADMIN_USERS("GET /admin/users?org=");

		final String label;

		OrgEndpoint(String label) {
			this.label = label;
		}

		boolean audit() {
			return this != ADMIN_USERS;
		}
	}

	/** What a case must answer; {@code listed} only for list endpoints, {@code state} only for replies. */
	record Outcome(int status, Boolean listed, String state) {

		static Outcome status(int status) {
			return new Outcome(status, null, null);
		}

		@Override
		public String toString() {
			return listed != null ? (listed ? "listed" : "not listed") : state != null ? status + " " + state : String.valueOf(status);
		}
	}

	record TicketCase(TicketEndpoint endpoint, Person person, Fixture ticket, Outcome expected) {

		@Override
		public String toString() {
			return endpoint.label + " | " + person + " | " + ticket + " → " + expected;
		}
	}

	record OrgCase(OrgEndpoint endpoint, Person person, String org, int expected) {

		@Override
		public String toString() {
			String target = org != null ? endpoint.label + org : endpoint.label.replace("?org=", " (every log one may read)");
			return target + " | " + person + " → " + expected;
		}
	}

	static Outcome expected(TicketEndpoint endpoint, Person person, Fixture ticket) {
		if (person.mode == Mode.ANONYMOUS) {
			return Outcome.status(401);
		}
		if (endpoint.writes && person.mode == Mode.READ_TOKEN) {
			// refused for the missing scope before any ticket is looked at, so the same for every ticket
			return Outcome.status(403);
		}
		boolean sees = person.sees(ticket);
		if (endpoint == TicketEndpoint.APPROVALS) {
			return new Outcome(200, sees && person.approvesRepliesIn.contains(ticket.client), null);
		}
		if (endpoint.lists()) {
			return new Outcome(200, sees, null);
		}
		if (!sees) {
			return Outcome.status(404);
		}
		boolean requester = person.mode == Mode.REQUESTER;
		boolean readOnly = person.mode == Mode.READ_ONLY;
		return switch (endpoint) {
			case GET_BY_ID, GET_BY_NUMBER, MESSAGES, DOWNLOAD_PUBLIC -> Outcome.status(200);
			case EVENTS -> Outcome.status(requester ? 403 : 200);
			case DOWNLOAD_INTERNAL -> Outcome.status(requester ? 404 : 200);
			case PUBLIC_REPLY -> readOnly ? Outcome.status(403)
					: new Outcome(201, null, person.mode == Mode.SUPERVISED_REPLIES_HELD ? "HELD" : "SENT");
			case INTERNAL_NOTE -> requester || readOnly ? Outcome.status(403) : new Outcome(201, null, "SENT");
			case PATCH -> Outcome.status(requester || readOnly ? 403 : 200);
			case UPLOAD -> Outcome.status(readOnly ? 403 : 201);
			// a held reply is not shown to the requester, so to them it does not exist
			case APPROVAL -> requester ? Outcome.status(404)
					: person.approvesRepliesIn.contains(ticket.client) ? new Outcome(200, null, "REJECTED") : Outcome.status(403);
			case LIST_OF_CLIENT, LIST_OF_ALL_CLIENTS, APPROVALS -> throw new IllegalStateException("handled above");
		};
	}

	static int expected(OrgEndpoint endpoint, Person person, String org) {
		if (person.mode == Mode.ANONYMOUS) {
			return 401;
		}
		if (person.mode == Mode.READ_TOKEN) {
			return 403; // the token has neither the "audit" nor the "admin" scope
		}
		if (org == null) { // verify without org: every log the person may read, or 403 when none
			return person.readsAuditOf.isEmpty() ? 403 : 200;
		}
		return (endpoint.audit() ? person.readsAuditOf : person.administers).contains(org) ? 200 : 403;
	}

	static Stream<Arguments> ticketCases() {
		List<Arguments> cases = new ArrayList<>();
		for (TicketEndpoint endpoint : TicketEndpoint.values()) {
			for (Person person : Person.values()) {
				for (Fixture ticket : Fixture.values()) {
					cases.add(Arguments.of(new TicketCase(endpoint, person, ticket, expected(endpoint, person, ticket))));
				}
			}
		}
		return cases.stream();
	}

	static Stream<Arguments> orgCases() {
		List<Arguments> cases = new ArrayList<>();
		for (OrgEndpoint endpoint : OrgEndpoint.values()) {
			for (Person person : Person.values()) {
				for (String org : List.of("northwind", "acme", "globex")) {
					cases.add(Arguments.of(new OrgCase(endpoint, person, org, expected(endpoint, person, org))));
				}
				if (endpoint == OrgEndpoint.AUDIT_VERIFY) {
					cases.add(Arguments.of(new OrgCase(endpoint, person, null, expected(endpoint, person, null))));
				}
			}
		}
		return cases.stream();
	}

	/**
	 * A ticket made for this run, with an attachment on its public description and one on an
	 * internal note, and a SUPERVISED agent's reply held for approval.
	 */
	record Made(long id, String number, String subject, long noteId, String noteBody, long publicAttachment,
			long internalAttachment, long heldReplyId) {
	}

	private static final byte[] FILE = "matrix attachment\n".getBytes(StandardCharsets.UTF_8);

	@LocalServerPort
	int port;

	private final String run = UUID.randomUUID().toString().substring(0, 8);

	private final Map<Fixture, Made> made = new EnumMap<>(Fixture.class);

	private String readToken;

	/** An agent of this run, SUPERVISED on both clients with every tier, so any ticket can get a held reply. */
	private Api supervisedEverywhere;

	@BeforeAll
	void openOneTicketPerGrantBoundary() {
		Api admin = as(Person.PROVIDER_ADMIN);
		supervisedEverywhere = supervisedAgentOnEveryTier(admin);
		for (Fixture f : Fixture.values()) {
			String subject = "Isolation matrix " + run + " " + f.name().toLowerCase().replace('_', ' ');
			String requester = f.requester != null ? f.requester : "matrix-" + f.client + "-" + run + "@requester.test";
			var created = admin.post("/api/v1/tickets", Map.of("client", f.client, "tier", f.tier, "subject", subject,
					"requester", Map.of("email", requester, "name", "Matrix Requester"), "description", "The description " + run));
			assertThat(created.status()).as(created.text()).isEqualTo(201);
			long id = created.json().get("id").asLong();
			assertThat(created.json().get("tier").asString()).isEqualTo(f.tier);
			long description = admin.get("/api/v1/tickets/" + id + "/messages").json().get(0).get("id").asLong();
			String noteBody = "Internal note " + run + " " + f.name();
			var note = admin.post("/api/v1/tickets/" + id + "/messages", Map.of("body", noteBody, "visibility", "INTERNAL"));
			assertThat(note.status()).as(note.text()).isEqualTo(201);
			long noteId = note.json().get("id").asLong();
			made.put(f, new Made(id, created.json().get("number").asString(), subject, noteId, noteBody,
					upload(admin, id, description, "public.txt"), upload(admin, id, noteId, "internal.txt"), heldReply(id)));
		}
		var token = Api.at(port).as("t1@northwind.test").post("/api/v1/tokens",
				Map.of("name", "isolation matrix " + run, "scopes", List.of("read")));
		assertThat(token.status()).as(token.text()).isEqualTo(201);
		readToken = token.json().get("token").asString();
	}

	private Api supervisedAgentOnEveryTier(Api admin) {
		String email = "matrix-supervised-" + run + "@northwind.test";
		String password = "matrix-" + run + "-password";
		var user = admin.post("/api/v1/admin/users",
				Map.of("email", email, "name", "Matrix Supervised", "org", "northwind", "password", password, "roles", List.of("AGENT")));
		assertThat(user.status()).as(user.text()).isEqualTo(201);
		long id = user.json().get("id").asLong();
		for (String client : List.of("acme", "globex")) {
			for (String tier : List.of("T1", "T2", "T3")) {
				var grant = admin.post("/api/v1/admin/users/" + id + "/grants", Map.of("client", client, "tier", tier));
				assertThat(grant.status()).as(grant.text()).isEqualTo(201);
			}
			var stage = admin.put("/api/v1/admin/users/" + id + "/stages/" + client, Map.of("stage", "SUPERVISED"));
			assertThat(stage.status()).as(stage.text()).isEqualTo(200);
		}
		return Api.at(port).as(email, password);
	}

	private long heldReply(long ticket) {
		var reply = supervisedEverywhere.post("/api/v1/tickets/" + ticket + "/messages",
				Map.of("body", heldBody(ticket), "visibility", "PUBLIC"));
		assertThat(reply.status()).as(reply.text()).isEqualTo(201);
		assertThat(reply.json().get("state").asString()).isEqualTo("HELD");
		return reply.json().get("id").asLong();
	}

	private String heldBody(long ticket) {
		return "Held reply " + run + " on #" + ticket + ".";
	}

	/** Held replies left behind would crowd later runs out of the approval queue. */
	@AfterAll
	void rejectTheHeldRepliesOfThisRun() {
		made.values().forEach(t -> rejectAsProviderAdmin(t.heldReplyId()));
	}

	private Api.Response rejectAsProviderAdmin(long message) {
		return reject(as(Person.PROVIDER_ADMIN), message);
	}

	private static Api.Response reject(Api api, long message) {
		return api.post("/api/v1/messages/" + message + "/approval", Map.of("approved", false, "note", "isolation matrix"));
	}

	private static long upload(Api api, long ticket, long message, String filename) {
		var response = api.upload("/api/v1/tickets/" + ticket + "/attachments?messageId=" + message, filename, FILE);
		assertThat(response.status()).as(response.text()).isEqualTo(201);
		return response.json().get("id").asLong();
	}

	private Api as(Person person) {
		Api api = Api.at(port);
		return switch (person.mode) {
			case ANONYMOUS -> api;
			case READ_TOKEN -> api.bearer(readToken);
			default -> api.as(person.email);
		};
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("ticketCases")
	void ticketEndpointAnswersOnlyWithinTheCallersGrants(TicketCase c) {
		Made ticket = made.get(c.ticket());
		Api api = as(c.person());
		long freshHeldReply = c.endpoint() == TicketEndpoint.APPROVAL ? heldReply(ticket.id()) : 0;
		Api.Response response = c.endpoint() == TicketEndpoint.APPROVAL ? reject(api, freshHeldReply)
				: call(api, c.endpoint(), c.ticket(), ticket);
		String context = c + " answered " + response;
		if (c.endpoint() == TicketEndpoint.APPROVAL && response.status() != 200) {
			assertThat(rejectAsProviderAdmin(freshHeldReply).status()).isEqualTo(200);
		}

		assertThat(response.status()).as(context).isEqualTo(c.expected().status());
		if (c.expected().status() == 404) {
			String asked = switch (c.endpoint()) {
				case GET_BY_NUMBER -> ticket.number();
				case DOWNLOAD_PUBLIC -> String.valueOf(ticket.publicAttachment());
				case DOWNLOAD_INTERNAL -> String.valueOf(ticket.internalAttachment());
				case APPROVAL -> String.valueOf(freshHeldReply);
				default -> String.valueOf(ticket.id());
			};
			assertThat(problem(response, asked)).as(context + ": must read like the answer about something that does not exist")
				.isEqualTo(answerAboutNothing(c, ticket));
		}
		if (c.expected().status() != 200 && c.expected().status() != 201) {
			assertThat(response.text()).as(context).doesNotContain(ticket.subject()).doesNotContain(ticket.noteBody());
			if (c.expected().status() != 401) {
				assertThat(response.header("Content-Type")).as(context).startsWith("application/problem+json");
				assertThat(response.json().path("detail").asString("")).as(context).isNotBlank();
			}
			return;
		}
		switch (c.endpoint()) {
			case GET_BY_ID, GET_BY_NUMBER, PATCH -> {
				assertThat(response.json().get("id").asLong()).as(context).isEqualTo(ticket.id());
				assertThat(response.json().get("subject").asString()).as(context).isEqualTo(ticket.subject());
			}
			case LIST_OF_CLIENT, LIST_OF_ALL_CLIENTS -> assertListed(api, c, ticket, response);
			case APPROVALS -> {
				List<Long> held = new ArrayList<>();
				response.json().forEach(m -> held.add(m.get("id").asLong()));
				if (c.expected().listed()) {
					assertThat(held).as(context).contains(ticket.heldReplyId());
				}
				else {
					assertThat(held).as(context).doesNotContain(ticket.heldReplyId());
					assertThat(response.text()).as(context).doesNotContain(heldBody(ticket.id()));
				}
			}
			case APPROVAL -> {
				assertThat(response.json().get("id").asLong()).as(context).isEqualTo(freshHeldReply);
				assertThat(response.json().get("state").asString()).as(context).isEqualTo(c.expected().state());
			}
			case MESSAGES -> assertThreadShown(c, ticket, response);
			case EVENTS -> assertThat(response.json().findValuesAsString("type")).as(context).contains("CREATED");
			case PUBLIC_REPLY, INTERNAL_NOTE -> {
				assertThat(response.json().get("ticketId").asLong()).as(context).isEqualTo(ticket.id());
				assertThat(response.json().get("state").asString()).as(context).isEqualTo(c.expected().state());
				if ("HELD".equals(c.expected().state())) {
					rejectAsProviderAdmin(response.json().get("id").asLong());
				}
			}
			case UPLOAD -> assertThat(response.json().get("filename").asString()).as(context).isEqualTo("upload.txt");
			case DOWNLOAD_PUBLIC, DOWNLOAD_INTERNAL -> assertThat(response.bytes()).as(context).isEqualTo(FILE);
		}
	}

	/** An id no row has; the same request about it is what a 404 must be indistinguishable from. */
	private static final long NOTHING = 987_654_321_987L;

	private final Map<String, String> answersAboutNothing = new java.util.concurrent.ConcurrentHashMap<>();

	private String answerAboutNothing(TicketCase c, Made ticket) {
		String prefix = ticket.number().substring(0, ticket.number().lastIndexOf('-'));
		return answersAboutNothing.computeIfAbsent(c.endpoint() + " " + c.person() + " " + prefix, key -> {
			Made nothing = new Made(NOTHING, prefix + "-" + NOTHING, ticket.subject(), NOTHING, ticket.noteBody(), NOTHING,
					NOTHING, NOTHING);
			Api api = as(c.person());
			Api.Response response = c.endpoint() == TicketEndpoint.APPROVAL ? reject(api, NOTHING)
					: call(api, c.endpoint(), c.ticket(), nothing);
			assertThat(response.status()).as(key + " about nothing answered " + response).isEqualTo(404);
			return problem(response, c.endpoint() == TicketEndpoint.GET_BY_NUMBER ? nothing.number() : String.valueOf(NOTHING));
		});
	}

	/** The parts of a problem detail a caller reads, with the reference they asked about blanked out. */
	private static String problem(Api.Response response, String asked) {
		JsonNode body = response.json();
		return body.path("status").asInt() + " " + body.path("type").asString("") + " " + body.path("title").asString("") + ": "
				+ body.path("detail").asString("").replace(asked, "{ref}");
	}

	private Api.Response call(Api api, TicketEndpoint endpoint, Fixture f, Made ticket) {
		String path = "/api/v1/tickets/" + ticket.id();
		return switch (endpoint) {
			case GET_BY_ID -> api.get(path);
			case GET_BY_NUMBER -> api.get("/api/v1/tickets/" + ticket.number());
			case LIST_OF_CLIENT -> api.get(listPath(ticket, f.client, null));
			case LIST_OF_ALL_CLIENTS -> api.get(listPath(ticket, null, null));
			case MESSAGES -> api.get(path + "/messages");
			case EVENTS -> api.get(path + "/events");
			case PUBLIC_REPLY -> api.post(path + "/messages", Map.of("body", "A reply in the matrix", "visibility", "PUBLIC"));
			case INTERNAL_NOTE -> api.post(path + "/messages", Map.of("body", "A note in the matrix", "visibility", "INTERNAL"));
			case PATCH -> api.patch(path, Map.of("tags", List.of("isolation-matrix")));
			case UPLOAD -> api.upload(path + "/attachments", "upload.txt", FILE);
			case DOWNLOAD_PUBLIC -> api.get("/api/v1/attachments/" + ticket.publicAttachment());
			case DOWNLOAD_INTERNAL -> api.get("/api/v1/attachments/" + ticket.internalAttachment());
			case APPROVALS -> api.get("/api/v1/approvals");
			case APPROVAL -> throw new IllegalStateException("needs a fresh held reply");
		};
	}

	private static String listPath(Made ticket, String client, String cursor) {
		String q = ticket.subject().replace(' ', '+');
		return "/api/v1/tickets?limit=200&q=" + q + (client == null ? "" : "&client=" + client)
				+ (cursor == null ? "" : "&cursor=" + cursor);
	}

	private void assertListed(Api api, TicketCase c, Made ticket, Api.Response first) {
		Set<Long> ids = new HashSet<>();
		Api.Response page = first;
		while (true) {
			assertThat(page.status()).as(c + " answered " + page).isEqualTo(200);
			page.json().get("items").forEach(item -> ids.add(item.get("id").asLong()));
			if (!c.expected().listed()) {
				assertThat(page.text()).as(c + " answered " + page).doesNotContain(ticket.subject());
			}
			JsonNode next = page.json().get("nextCursor");
			if (next == null || next.isNull()) {
				break;
			}
			String client = c.endpoint() == TicketEndpoint.LIST_OF_CLIENT ? c.ticket().client : null;
			page = api.get(listPath(ticket, client, next.asString()));
		}
		if (c.expected().listed()) {
			assertThat(ids).as(c.toString()).contains(ticket.id());
		}
		else {
			assertThat(ids).as(c.toString()).doesNotContain(ticket.id());
		}
	}

	/** Staff read the whole thread; a requester only what was sent to them (SPEC §2). */
	private void assertThreadShown(TicketCase c, Made ticket, Api.Response response) {
		List<Long> ids = new ArrayList<>();
		response.json().forEach(m -> ids.add(m.get("id").asLong()));
		if (c.person().mode == Mode.REQUESTER) {
			assertThat(ids).as(c.toString()).doesNotContain(ticket.noteId(), ticket.heldReplyId()).isNotEmpty();
			assertThat(response.text()).as(c.toString()).doesNotContain(ticket.noteBody()).doesNotContain("\"INTERNAL\"")
				.doesNotContain("\"HELD\"").doesNotContain("internal.txt");
		}
		else {
			assertThat(ids).as(c.toString()).contains(ticket.noteId(), ticket.heldReplyId());
		}
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("orgCases")
	void organizationEndpointAnswersOnlyItsAdminsAndAuditors(OrgCase c) {
		Api.Response response = as(c.person()).get(orgPath(c));
		String context = c + " answered " + response;

		assertThat(response.status()).as(context).isEqualTo(c.expected());
		if (c.expected() != 200) {
			made.values().forEach(t -> assertThat(response.text()).as(context).doesNotContain(t.subject()));
			if (c.expected() == 403) {
				assertThat(response.header("Content-Type")).as(context).startsWith("application/problem+json");
				assertThat(response.json().path("detail").asString("")).as(context).isNotBlank();
			}
			return;
		}
		switch (c.endpoint()) {
			case AUDIT_LOG, AUDIT_EXPORT -> made.forEach((fixture, t) -> {
				if (!fixture.client.equals(c.org())) {
					assertThat(response.text()).as(context).doesNotContain(t.subject());
				}
			});
			case AUDIT_VERIFY -> {
				Set<String> expected = c.org() == null ? c.person().readsAuditOf : Set.of(c.org());
				assertThat(response.json().get("organizations").findValuesAsString("organization")).as(context)
					.containsExactlyInAnyOrderElementsOf(expected);
			}
			case ADMIN_USERS -> response.json().get("items").forEach(user -> {
				assertThat(user.get("org").asString()).as(context).isEqualTo(c.org());
				// a client admin co-managing the provider's agents sees only their own client's access
				if (!c.person().readsAuditOf.contains("northwind")) {
					assertThat(user.get("grants").findValuesAsString("client")).as(context).isSubsetOf(c.person().readsAuditOf);
					assertThat(user.get("stages").findValuesAsString("client")).as(context).isSubsetOf(c.person().readsAuditOf);
				}
			});
		}
	}

	private static String orgPath(OrgCase c) {
		String org = c.org() == null ? "" : c.org();
		return switch (c.endpoint()) {
			case AUDIT_LOG -> "/api/v1/audit?org=" + org;
			case AUDIT_VERIFY -> c.org() == null ? "/api/v1/audit/verify" : "/api/v1/audit/verify?org=" + org;
			case AUDIT_EXPORT -> "/api/v1/audit/export?format=csv&org=" + org;
			case ADMIN_USERS -> "/api/v1/admin/users?org=" + org;
		};
	}
}
