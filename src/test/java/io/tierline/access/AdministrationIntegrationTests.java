package io.tierline.access;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.tierline.support.Api;
import io.tierline.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

@IntegrationTest
class AdministrationIntegrationTests {

	@LocalServerPort
	int port;

	Api as(String email) {
		return Api.at(port).as(email);
	}

	JsonNode newAgent() {
		String email = "agent-" + UUID.randomUUID() + "@northwind.test";
		var created = as("admin@northwind.test").post("/api/v1/admin/users", Map.of("email", email, "name", "New Agent",
				"org", "northwind", "password", "correct-horse-1", "roles", List.of("AGENT")));
		assertThat(created.status()).as(created.text()).isEqualTo(201);
		return created.json();
	}

	long acmeTicket() {
		return as("admin@acme.test").post("/api/v1/tickets", Map.of("client", "acme", "subject", "admin " + UUID.randomUUID(),
				"requester", Map.of("email", "dana@customer.test"))).json().get("id").asLong();
	}

	@Test
	void aGrantOpensExactlyItsTicketsAndItsRevocationClosesThem() {
		JsonNode agent = newAgent();
		Api newcomer = Api.at(port).as(agent.get("email").asString(), "correct-horse-1");
		long ticket = acmeTicket();
		assertThat(newcomer.get("/api/v1/tickets/" + ticket).status()).isEqualTo(404);

		var granted = as("admin@acme.test").post("/api/v1/admin/users/" + agent.get("id").asLong() + "/grants",
				Map.of("client", "acme", "tier", "T1"));
		assertThat(granted.status()).as(granted.text()).isEqualTo(201);
		assertThat(newcomer.get("/api/v1/tickets/" + ticket).status()).isEqualTo(200);

		long grantId = granted.json().get("grants").get(0).get("id").asLong();
		assertThat(as("admin@acme.test").delete("/api/v1/admin/grants/" + grantId).status()).isEqualTo(204);
		assertThat(newcomer.get("/api/v1/tickets/" + ticket).status()).isEqualTo(404);
	}

	@Test
	void movingAnAgentToShadowStopsTheirWritesAtOnce() {
		JsonNode agent = newAgent();
		long id = agent.get("id").asLong();
		as("admin@northwind.test").post("/api/v1/admin/users/" + id + "/grants", Map.of("client", "acme", "tier", "T1"));
		Api newcomer = Api.at(port).as(agent.get("email").asString(), "correct-horse-1");
		long ticket = acmeTicket();
		assertThat(newcomer.post("/api/v1/tickets/" + ticket + "/messages", Map.of("body", "hi", "visibility", "INTERNAL")).status()).isEqualTo(201);
		var staged = as("admin@acme.test").put("/api/v1/admin/users/" + id + "/stages/acme", Map.of("stage", "SHADOW"));
		assertThat(staged.status()).as(staged.text()).isEqualTo(200);
		assertThat(newcomer.post("/api/v1/tickets/" + ticket + "/messages", Map.of("body", "hi", "visibility", "INTERNAL")).status()).isEqualTo(403);
	}

	@Test
	void aClientAdminCannotGrantAccessToAnotherClient() {
		JsonNode agent = newAgent();
		var response = as("admin@acme.test").post("/api/v1/admin/users/" + agent.get("id").asLong() + "/grants",
				Map.of("client", "globex", "tier", "T1"));
		assertThat(response.status()).isEqualTo(403);
	}

	@Test
	void aClientAdminDoesNotSeeOtherOrganizationsPeople() {
		assertThat(as("admin@acme.test").get("/api/v1/admin/users?org=globex").status()).isEqualTo(403);
		long sam = as("admin@globex.test").get("/api/v1/admin/users?org=globex&limit=200").json().get("items").valueStream()
			.filter(u -> u.get("email").asString().equals("sam@shopper.test")).findFirst().orElseThrow().get("id").asLong();
		assertThat(as("admin@acme.test").get("/api/v1/admin/users/" + sam).status()).isEqualTo(404);
	}

	@Test
	void aClientAdminListsTheProvidersAgentsToCoManageThem() {
		var agents = as("admin@acme.test").get("/api/v1/admin/users?org=northwind&limit=200");
		assertThat(agents.status()).isEqualTo(200);
		assertThat(agents.json().get("items").findValuesAsString("email")).contains("t1@northwind.test");
		assertThat(as("admin@acme.test").post("/api/v1/admin/users", Map.of("email", "x" + UUID.randomUUID() + "@northwind.test",
				"name", "X", "org", "northwind")).status()).isEqualTo(403);
	}

	@Test
	void reportsEveryBadFieldOfANewUser() {
		var response = as("admin@northwind.test").post("/api/v1/admin/users", Map.of("email", "nope", "org", "nowhere",
				"password", "short", "roles", List.of("KING")));
		assertThat(response.status()).isEqualTo(422);
		assertThat(response.json().get("errors").findValuesAsString("field")).contains("email", "name", "org", "password", "roles");
	}

	@Test
	void refusesADuplicateEmail() {
		var response = as("admin@northwind.test").post("/api/v1/admin/users", Map.of("email", "t1@northwind.test", "name", "Dup",
				"org", "northwind", "roles", List.of("AGENT")));
		assertThat(response.status()).isEqualTo(422);
		assertThat(response.json().get("errors").get(0).get("field").asString()).isEqualTo("email");
	}

	@Test
	void agentsCannotAdminister() {
		assertThat(as("t2@northwind.test").get("/api/v1/admin/users").status()).isEqualTo(403);
		assertThat(as("dana@customer.test").post("/api/v1/admin/teams", Map.of("org", "acme", "name", "x", "kind", "INTERNAL")).status()).isEqualTo(403);
	}

	@Test
	void createsATeamAndAddsAMember() {
		String name = "Night shift " + UUID.randomUUID();
		var created = as("admin@northwind.test").post("/api/v1/admin/teams", Map.of("org", "northwind", "name", name, "kind", "EXTERNAL"));
		assertThat(created.status()).as(created.text()).isEqualTo(201);
		long team = created.json().get("id").asLong();
		assertThat(as("admin@northwind.test").post("/api/v1/admin/teams/" + team + "/members", Map.of("email", "t1@northwind.test")).status()).isEqualTo(204);
		var teams = as("admin@northwind.test").get("/api/v1/admin/teams").json();
		assertThat(teams.valueStream().filter(t -> t.get("name").asString().equals(name)).findFirst().orElseThrow()
			.get("members").findValuesAsString("email")).containsExactly("t1@northwind.test");
	}

	@Test
	void aProviderTeamIsExternal() {
		var response = as("admin@northwind.test").post("/api/v1/admin/teams", Map.of("org", "northwind", "name", "x" + UUID.randomUUID(), "kind", "INTERNAL"));
		assertThat(response.status()).isEqualTo(422);
		assertThat(response.json().get("errors").get(0).get("field").asString()).isEqualTo("kind");
	}

	@Test
	void administrativeChangesAreAudited() {
		JsonNode agent = newAgent();
		as("admin@acme.test").post("/api/v1/admin/users/" + agent.get("id").asLong() + "/grants", Map.of("client", "acme", "tier", "T2"));
		var log = as("admin@acme.test").get("/api/v1/audit?org=acme&limit=50").json().get("items");
		assertThat(log.findValuesAsString("target")).contains("user:" + agent.get("email").asString());
	}
}
