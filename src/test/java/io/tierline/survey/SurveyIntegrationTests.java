package io.tierline.survey;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.tierline.support.Api;
import io.tierline.support.IntegrationTest;
import io.tierline.support.MutableClock;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/** Issue 9: CSAT surveys by signed link on every solve; change within the window; forgery, replay and expiry refused. */
@IntegrationTest
class SurveyIntegrationTests {

	private static final JsonMapper JSON = JsonMapper.builder().build();
	private static final Pattern LINK = Pattern.compile("/survey/([0-9]+-[0-9]+-[0-9]+-[A-Za-z0-9_-]{43})\\?score=5");

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MutableClock clock;

	Api as(String email) {
		return Api.at(port).as(email);
	}

	Api anonymous() {
		return Api.at(port);
	}

	@Test
	void aSolveEmailsAOneClickLinkWhoseAnswerIsACsatEventWithTheTierOfResolution() {
		long ticket = open(Map.of());
		solve(ticket);
		String token = surveyToken(ticket, 1);
		var page = anonymous().get("/survey/" + token + "?score=4");
		assertThat(page.status()).isEqualTo(200);
		assertThat(page.text()).contains("data-testid=\"survey-thanks\"").contains("Your rating: <strong>4</strong>");

		List<JsonNode> csat = csat(ticket);
		assertThat(csat).hasSize(1);
		assertThat(csat.get(0).get("score").asInt()).isEqualTo(4);
		assertThat(csat.get(0).get("tier").asString()).isEqualTo("T1");
		assertThat(csat.get(0).get("solve").asInt()).isEqualTo(1);
		assertThat(csat.get(0).get("via").asString()).isEqualTo("SURVEY");
	}

	@Test
	void theAnswerMayBeChangedWithinTheWindowAndNotAfterItNotEvenByReplayingTheLink() {
		long ticket = open(Map.of());
		solve(ticket);
		String token = surveyToken(ticket, 1);
		assertThat(anonymous().post("/api/v1/surveys/" + token, Map.of("score", 5)).status()).isEqualTo(200);
		var changed = anonymous().post("/api/v1/surveys/" + token, Map.of("score", 3, "comment", "slow second answer"));
		assertThat(changed.status()).as(changed.text()).isEqualTo(200);
		assertThat(changed.json().get("score").asInt()).isEqualTo(3);
		List<JsonNode> csat = csat(ticket);
		assertThat(csat).hasSize(2);
		assertThat(csat.get(1).get("changed").asBoolean()).isTrue();
		assertThat(anonymous().post("/api/v1/surveys/" + token, Map.of("score", 9)).status()).isEqualTo(422);

		clock.advance(Duration.ofDays(7).plusMinutes(1));
		var late = anonymous().post("/api/v1/surveys/" + token, Map.of("score", 1));
		assertThat(late.status()).isEqualTo(410);
		assertThat(anonymous().get("/survey/" + token + "?score=5").status()).as("the used link replayed after expiry").isEqualTo(410);
		assertThat(anonymous().get("/api/v1/surveys/" + token).json().get("open").asBoolean()).isFalse();
		assertThat(csat(ticket)).hasSize(2);
	}

	@Test
	void forgedOrAlteredLinksAreRefused() {
		long ticket = open(Map.of());
		solve(ticket);
		String token = surveyToken(ticket, 1);
		String[] parts = token.split("-", 4);
		String otherSignature = parts[3].charAt(0) == 'A' ? "B" + parts[3].substring(1) : "A" + parts[3].substring(1);
		String forged = parts[0] + "-" + parts[1] + "-" + parts[2] + "-" + otherSignature;
		String stretched = parts[0] + "-" + parts[1] + "-" + (Long.parseLong(parts[2]) + 86_400 * 30) + "-" + parts[3];
		String otherTicket = (Long.parseLong(parts[0]) - 1) + "-" + parts[1] + "-" + parts[2] + "-" + parts[3];
		for (String bad : List.of(forged, stretched, otherTicket, "nonsense")) {
			assertThat(anonymous().post("/api/v1/surveys/" + bad, Map.of("score", 5)).status()).as(bad).isEqualTo(404);
			assertThat(anonymous().get("/survey/" + bad + "?score=5").status()).as(bad).isEqualTo(404);
		}
		assertThat(csat(ticket)).isEmpty();
	}

	@Test
	void aReopenedTicketSolvedAgainGetsANewSurveyAndTheOldLinkCloses() {
		long ticket = open(Map.of());
		solve(ticket);
		String first = surveyToken(ticket, 1);
		assertThat(anonymous().post("/api/v1/surveys/" + first, Map.of("score", 4)).status()).isEqualTo(200);
		as("dana@customer.test").post("/api/v1/tickets/" + ticket + "/messages", Map.of("body", "It came back"));
		solve(ticket);
		String second = surveyToken(ticket, 2);
		assertThat(second).isNotEqualTo(first);
		assertThat(anonymous().post("/api/v1/surveys/" + first, Map.of("score", 1)).status()).isEqualTo(410);
		assertThat(anonymous().post("/api/v1/surveys/" + second, Map.of("score", 5)).status()).isEqualTo(200);
		assertThat(csat(ticket).stream().map(d -> d.get("solve").asInt() + ":" + d.get("score").asInt()).toList())
			.containsExactly("1:4", "2:5");
	}

	@Test
	void aLowScoreTellsTheTeamLeadAndEntersTheQaSample() {
		long ticket = open(Map.of());
		solve(ticket);
		long before = leadNotices();
		assertThat(anonymous().post("/api/v1/surveys/" + surveyToken(ticket, 1), Map.of("score", 2, "comment", "never fixed")).status())
			.isEqualTo(200);
		assertThat(leadNotices()).isEqualTo(before + 1);
		assertThat(jdbc.sql("select count(*) from csat_qa_candidates where ticket_id = ? and reason = 'LOW_CSAT'").param(ticket)
			.query(Long.class).single()).isEqualTo(1);
		anonymous().post("/api/v1/surveys/" + surveyToken(ticket, 1), Map.of("score", 1));
		assertThat(leadNotices()).as("already low: told once").isEqualTo(before + 1);
	}

	@Test
	void theSurveySpeaksTheTicketsLanguageInTheClientsOwnWords() {
		var saved = as("admin@acme.test").put("/api/v1/clients/acme/survey-texts/de", Map.of("subject", "Acme fragt: {ticket}",
				"question", "Wie war unsere Hilfe bei {ticket}?", "thanks", "Danke!"));
		assertThat(saved.status()).as(saved.text()).isEqualTo(200);
		assertThat(as("t1@northwind.test").put("/api/v1/clients/acme/survey-texts/de", Map.of("subject", "x", "question", "y",
				"thanks", "z")).status()).isEqualTo(403);
		long ticket = open(Map.of("customFields", Map.of("language", "de")));
		solve(ticket);
		var mail = jdbc.sql("select subject, body from email_outbox where body like ? order by id desc")
			.param("%/survey/" + ticket + "-1-%").query((rs, n) -> rs.getString(1) + "\n" + rs.getString(2)).list().get(0);
		assertThat(mail).startsWith("Acme fragt: ACME-").contains("Wie war unsere Hilfe bei ACME-");
		long english = open(Map.of());
		solve(english);
		assertThat(jdbc.sql("select subject from email_outbox where body like ?").param("%/survey/" + english + "-1-%")
			.query(String.class).single()).startsWith("How did we do on ACME-");
	}

	@Test
	void aPortalRatingAnswersTheSurveyAndTheLinkThenChangesIt() {
		long ticket = open(Map.of());
		solve(ticket);
		assertThat(as("dana@customer.test").post("/api/v1/tickets/" + ticket + "/csat", Map.of("score", 5)).status()).isEqualTo(201);
		String token = surveyToken(ticket, 1);
		assertThat(anonymous().get("/api/v1/surveys/" + token).json().get("score").asInt()).isEqualTo(5);
		anonymous().post("/api/v1/surveys/" + token, Map.of("score", 4));
		List<JsonNode> csat = csat(ticket);
		assertThat(csat).hasSize(2);
		assertThat(csat.get(0).get("via").asString()).isEqualTo("PORTAL");
		assertThat(csat.get(1).get("changed").asBoolean()).isTrue();
	}

	private long leadNotices() {
		return jdbc.sql("select count(*) from notifications n join users u on u.id = n.user_id where u.email = 'lead@northwind.test' and n.kind = 'LOW_CSAT'")
			.query(Long.class).single();
	}

	private String surveyToken(long ticket, int solve) {
		List<String> bodies = jdbc.sql("select body from email_outbox where recipient = 'dana@customer.test' and body like ? order by id")
			.param("%/survey/" + ticket + "-" + solve + "-%").query(String.class).list();
		assertThat(bodies).as("one survey mail for solve " + solve).hasSize(1);
		Matcher m = LINK.matcher(bodies.get(0));
		assertThat(m.find()).isTrue();
		return m.group(1);
	}

	private void solve(long ticket) {
		var solved = as("t1@northwind.test").patch("/api/v1/tickets/" + ticket, Map.of("status", "SOLVED"));
		assertThat(solved.status()).as(solved.text()).isEqualTo(200);
	}

	private long open(Map<String, Object> extra) {
		var body = new java.util.HashMap<String, Object>(Map.of("client", "acme", "subject", "survey " + UUID.randomUUID(), "description", "x"));
		body.putAll(extra);
		var created = as("dana@customer.test").post("/api/v1/tickets", body);
		assertThat(created.status()).as(created.text()).isEqualTo(201);
		return created.json().get("id").asLong();
	}

	private List<JsonNode> csat(long ticket) {
		List<JsonNode> found = new ArrayList<>();
		as("t1@northwind.test").get("/api/v1/tickets/" + ticket + "/events").json().forEach(e -> {
			if (e.get("type").asString().equals("CSAT")) {
				found.add(JSON.readTree(e.get("data").asString()));
			}
		});
		return found;
	}
}
