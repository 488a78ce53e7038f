package io.tierline.access;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;

import io.tierline.support.Api;
import io.tierline.support.IntegrationTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * SPEC §1, §11: least privilege as a matrix of every ticket endpoint × every demo role × tickets of
 * both clients at every tier. The expected outcome comes from the table below, written from the
 * SPEC, not from the production code.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TenantIsolationMatrixTests {

	/** What a role may do: the (client, tier) pairs it sees, whether it may change them, whether it is a requester. */
	record Role(String email, Set<String> sees, boolean writes, boolean requester) {

		boolean canSee(Fixture ticket) {
			return requester ? ticket.requester.equals(email) : sees.contains(ticket.client + ":" + ticket.tier) || sees.contains(ticket.client + ":*");
		}
	}

	static final List<Role> ROLES = List.of(
			new Role("admin@northwind.test", Set.of("acme:*", "globex:*"), true, false),
			new Role("lead@northwind.test", Set.of("acme:T1", "acme:T2", "globex:T1", "globex:T2"), true, false),
			new Role("t1@northwind.test", Set.of("acme:T1", "globex:T1"), true, false),
			new Role("t2@northwind.test", Set.of("acme:T1", "acme:T2", "globex:T1", "globex:T2"), true, false),
			new Role("t2-acme@northwind.test", Set.of("acme:T1", "acme:T2"), true, false),
			new Role("shadow@northwind.test", Set.of("acme:T1"), false, false),
			new Role("supervised@northwind.test", Set.of("acme:T1"), true, false),
			new Role("eng@acme.test", Set.of("acme:T3"), true, false),
			new Role("admin@acme.test", Set.of("acme:*"), true, false),
			new Role("auditor@acme.test", Set.of("acme:*"), false, false),
			new Role("admin@globex.test", Set.of("globex:*"), true, false),
			new Role("dana@customer.test", Set.of(), true, true),
			new Role("sam@shopper.test", Set.of(), true, true));

	static final class Fixture {

		final String client;
		final String tier;
		final String requester;
		final String subject = "matrix " + UUID.randomUUID();
		long id;
		String number;
		long attachmentId;

		Fixture(String client, String tier, String requester) {
			this.client = client;
			this.tier = tier;
			this.requester = requester;
		}

		@Override
		public String toString() {
			return client + "/" + tier + "/" + requester.substring(0, requester.indexOf('@'));
		}
	}

	final List<Fixture> fixtures = List.of(new Fixture("acme", "T1", "other@acme-customers.test"),
			new Fixture("acme", "T2", "other@acme-customers.test"), new Fixture("acme", "T3", "other@acme-customers.test"),
			new Fixture("globex", "T1", "other@globex-customers.test"), new Fixture("globex", "T2", "other@globex-customers.test"),
			new Fixture("globex", "T3", "other@globex-customers.test"), new Fixture("acme", "T1", "dana@customer.test"),
			new Fixture("globex", "T1", "sam@shopper.test"));

	@LocalServerPort
	int port;

	@BeforeAll
	void openFixtureTickets() {
		Api admin = Api.at(port).as("admin@northwind.test");
		for (Fixture f : fixtures) {
			var created = admin.post("/api/v1/tickets", Map.of("client", f.client, "tier", f.tier, "subject", f.subject,
					"description", "fixture", "requester", Map.of("email", f.requester)));
			assertThat(created.status()).as(created.text()).isEqualTo(201);
			f.id = created.json().get("id").asLong();
			f.number = created.json().get("number").asString();
			f.attachmentId = admin.upload("/api/v1/tickets/" + f.id + "/attachments", "f.txt", "x".getBytes(StandardCharsets.UTF_8))
				.json().get("id").asLong();
		}
	}

	Stream<Arguments> cases() {
		List<Arguments> cases = new ArrayList<>();
		for (Role role : ROLES) {
			for (Fixture ticket : fixtures) {
				for (String endpoint : List.of("get by id", "get by number", "messages", "events", "post message", "patch",
						"upload", "download", "list")) {
					cases.add(Arguments.of(endpoint, role.email(), ticket));
				}
			}
		}
		return cases.stream();
	}

	@ParameterizedTest(name = "{0} as {1} on {2}")
	@MethodSource("cases")
	void everyEndpointRespectsTheGrants(String endpoint, String email, Fixture ticket) {
		Role role = ROLES.stream().filter(r -> r.email().equals(email)).findFirst().orElseThrow();
		Api api = Api.at(port).as(email);
		boolean sees = role.canSee(ticket);
		String path = "/api/v1/tickets/" + ticket.id;
		switch (endpoint) {
			case "get by id" -> expect(api.get(path), sees ? 200 : 404, ticket);
			case "get by number" -> expect(api.get("/api/v1/tickets/" + ticket.number), sees ? 200 : 404, ticket);
			case "messages" -> expect(api.get(path + "/messages"), sees ? 200 : 404, ticket);
			case "events" -> expect(api.get(path + "/events"), !sees ? 404 : role.requester() ? 403 : 200, ticket);
			case "post message" -> expect(api.post(path + "/messages", Map.of("body", "matrix note",
					"visibility", role.requester() ? "PUBLIC" : "INTERNAL")), !sees ? 404 : role.writes() ? 201 : 403, ticket);
			case "patch" -> expect(api.patch(path, Map.of("severity", "P2")),
					!sees ? 404 : role.requester() || !role.writes() ? 403 : 200, ticket);
			case "upload" -> expect(api.upload(path + "/attachments", "m.txt", "m".getBytes(StandardCharsets.UTF_8)),
					!sees ? 404 : role.writes() ? 201 : 403, ticket);
			case "download" -> expect(api.get("/api/v1/attachments/" + ticket.attachmentId), sees ? 200 : 404, ticket);
			case "list" -> {
				var list = api.get("/api/v1/tickets?limit=200&status=&q=" + ticket.subject.substring(7));
				assertThat(list.status()).isEqualTo(200);
				assertThat(list.json().get("items").findValuesAsString("subject").contains(ticket.subject))
					.as("%s listed for %s", ticket, email).isEqualTo(sees);
			}
			default -> throw new IllegalArgumentException(endpoint);
		}
	}

	private static void expect(Api.Response response, int status, Fixture ticket) {
		assertThat(response.status()).as(response.text()).isEqualTo(status);
		if (status >= 400) {
			assertThat(response.header("Content-Type")).startsWith("application/problem+json");
			assertThat(response.text()).doesNotContain(ticket.subject);
		}
		if (status == 403) {
			assertThat(response.json().get("detail").asString()).isNotBlank();
		}
	}

	Stream<Arguments> organizationCases() {
		Map<String, Set<String>> auditReaders = new LinkedHashMap<>();
		auditReaders.put("acme", Set.of("admin@northwind.test", "admin@acme.test", "auditor@acme.test"));
		auditReaders.put("globex", Set.of("admin@northwind.test", "admin@globex.test"));
		auditReaders.put("northwind", Set.of("admin@northwind.test"));
		List<Arguments> cases = new ArrayList<>();
		for (Role role : ROLES) {
			for (var org : auditReaders.entrySet()) {
				for (String endpoint : List.of("/api/v1/audit?org=", "/api/v1/audit/verify?org=", "/api/v1/audit/export?format=csv&org=")) {
					cases.add(Arguments.of(endpoint + org.getKey(), role.email(), org.getValue().contains(role.email())));
				}
			}
		}
		return cases.stream();
	}

	@ParameterizedTest(name = "{0} as {1}")
	@MethodSource("organizationCases")
	void onlyAdminsAndAuditorsOfAnOrganizationReadItsAuditLog(String path, String email, boolean allowed) {
		var response = Api.at(port).as(email).get(path);
		assertThat(response.status()).as(response.text()).isEqualTo(allowed ? 200 : 403);
	}

	Stream<Arguments> peopleCases() {
		Map<String, Set<String>> listers = Map.of("acme", Set.of("admin@acme.test"), "globex", Set.of("admin@globex.test"),
				"northwind", Set.of("admin@northwind.test", "admin@acme.test", "admin@globex.test"));
		List<Arguments> cases = new ArrayList<>();
		for (Role role : ROLES) {
			for (var org : listers.entrySet()) {
				cases.add(Arguments.of(org.getKey(), role.email(), org.getValue().contains(role.email())));
			}
		}
		return cases.stream();
	}

	@ParameterizedTest(name = "people of {0} as {1}")
	@MethodSource("peopleCases")
	void peopleAreListedOnlyForTheirAdministrators(String org, String email, boolean allowed) {
		var response = Api.at(port).as(email).get("/api/v1/admin/users?org=" + org);
		assertThat(response.status()).as(response.text()).isEqualTo(allowed ? 200 : 403);
	}

	@ParameterizedTest(name = "read-only token of t1 on {0}")
	@MethodSource("fixtureArguments")
	void aReadOnlyTokenSeesWhatItsOwnerSeesAndWritesNothing(Fixture ticket) {
		String token = Api.at(port).as("t1@northwind.test").post("/api/v1/tokens", Map.of("name", "matrix", "scopes", List.of("read")))
			.json().get("token").asString();
		Api bearer = Api.at(port).bearer(token);
		boolean sees = ROLES.get(2).canSee(ticket);
		assertThat(bearer.get("/api/v1/tickets/" + ticket.id).status()).isEqualTo(sees ? 200 : 404);
		assertThat(bearer.post("/api/v1/tickets/" + ticket.id + "/messages", Map.of("body", "x", "visibility", "INTERNAL")).status())
			.isEqualTo(403);
	}

	Stream<Arguments> fixtureArguments() {
		return fixtures.stream().map(Arguments::of);
	}
}
