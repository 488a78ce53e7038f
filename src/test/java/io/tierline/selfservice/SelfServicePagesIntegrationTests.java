package io.tierline.selfservice;

import java.util.UUID;

import io.tierline.support.IntegrationTest;
import io.tierline.support.WebSession;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.web.server.LocalServerPort;

import static io.tierline.support.WebSession.enc;
import static org.assertj.core.api.Assertions.assertThat;

/** The portal's assistant page: ask, read the transcript, end it deflected or as a request. */
@IntegrationTest
class SelfServicePagesIntegrationTests {

	@LocalServerPort
	int port;

	@Test
	void aRequesterAsksAndSaysItSolvedIt() throws Exception {
		var dana = WebSession.signedIn(port, "dana@customer.test");
		String portal = dana.get("/portal").body();
		assertThat(portal).as(portal).contains("href=\"/portal/help\"");
		String question = "Teams camera is black " + UUID.randomUUID();
		var started = dana.submit("/portal/help", "/portal/help", "client=acme&text=" + enc(question));
		assertThat(started.statusCode()).isEqualTo(302);
		String session = started.headers().firstValue("Location").orElseThrow().replaceAll("^https?://[^/]+", "");
		assertThat(session).matches("/portal/help/\\d+");
		String page = dana.get(session).body();
		assertThat(page).contains(question, "data-outcome=\"OPEN\"", "data-testid=\"help-solved\"", "data-testid=\"help-escalate\"");

		var solved = dana.submit(session, session + "/deflect", "");
		assertThat(solved.statusCode()).isEqualTo(302);
		String after = dana.get(session).body();
		assertThat(after).contains("data-outcome=\"DEFLECTED\"", "Glad that solved it").doesNotContain("data-testid=\"help-solved\"");
		assertThat(dana.get("/portal/help").body()).contains(session);
	}

	@Test
	void theSessionPageQuotesTheArticleAndLinksItsHelpPage() throws Exception {
		var dana = WebSession.signedIn(port, "dana@customer.test");
		String page = "";
		long until = System.nanoTime() + java.time.Duration.ofSeconds(30).toNanos();
		while (!page.contains("data-testid=\"answer-passage\"") && System.nanoTime() < until) { // the index follows the demo data
			var started = dana.submit("/portal/help", "/portal/help", "client=acme&text=" + enc("How do I reset my password? " + UUID.randomUUID()));
			page = dana.get(started.headers().firstValue("Location").orElseThrow().replaceAll("^https?://[^/]+", "")).body();
		}
		assertThat(page).contains("Reset your Acme Cloud password", "data-testid=\"answer-passage\"", "Forgot password")
			.containsPattern("href=\"/help/\\d+\"");
	}

	@Test
	void aRequesterWhoStillNeedsHelpLandsOnTheNewRequest() throws Exception {
		var dana = WebSession.signedIn(port, "dana@customer.test");
		var started = dana.submit("/portal/help", "/portal/help", "client=acme&text=" + enc("Cannot book a meeting room " + UUID.randomUUID()));
		String session = started.headers().firstValue("Location").orElseThrow().replaceAll("^https?://[^/]+", "");
		assertThat(started.statusCode()).as(session).isEqualTo(302);
		String page = dana.get(session).body();
		assertThat(page).as(page).contains("help-escalate");
		var escalated = dana.submit(session, session + "/escalate", "");
		String request = escalated.headers().firstValue("Location").orElseThrow().replaceAll("^https?://[^/]+", "");
		assertThat(request).matches("/portal/tickets/ACME-\\d+");
		assertThat(dana.get(request).body()).contains("Asked through self-service", "Cannot book a meeting room");
		assertThat(dana.get(session).body()).contains("data-testid=\"help-ticket\"", "data-outcome=\"ESCALATED\"");
	}
}
