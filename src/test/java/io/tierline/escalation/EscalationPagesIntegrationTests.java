package io.tierline.escalation;

import java.util.Map;
import java.util.UUID;

import io.tierline.support.Api;
import io.tierline.support.IntegrationTest;
import io.tierline.support.WebSession;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.web.server.LocalServerPort;

import static io.tierline.support.WebSession.enc;
import static org.assertj.core.api.Assertions.assertThat;

/** The escalation pages over real HTTP with a session: the form with inline errors, the block, the inbox, the admin pages. */
@IntegrationTest
class EscalationPagesIntegrationTests {

	@LocalServerPort
	int port;

	String open(String severity) {
		var response = Api.at(port).as("t1@northwind.test").post("/api/v1/tickets", Map.of("client", "acme", "requester",
				Map.of("email", "dana@customer.test"), "subject", "Pages " + UUID.randomUUID(), "severity", severity, "category",
				"authentication"));
		assertThat(response.status()).isEqualTo(201);
		return response.json().get("number").asString();
	}

	static String form(String toTier, String criterion) {
		return "toTier=" + toTier + "&criterion=" + criterion + "&stepsAttempted=" + enc("Cleared cookies\nTried Firefox")
				+ "&env.productVersion=4.12.1&env.identityProvider=Okta&env.browser=" + enc("Edge 131") + "&env.accountId=AC-77"
				+ "&errorMessages=" + enc("InvalidSignature") + "&reproductionSteps=" + enc("1. sign in 2. error")
				+ "&customerImpact=" + enc("EU tenant locked out") + "&customersAffected=12";
	}

	@Test
	void theFormFollowsTheCategoryTemplateAndShowsEveryErrorInline() throws Exception {
		String number = open("P3");
		var t1 = WebSession.signedIn(port, "t1@northwind.test");
		var page = t1.get("/tickets/" + number + "/escalate");
		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.body()).contains("Identity provider *", "name=\"env.identityProvider\"", "<option value=\"Azure AD\"",
				"Account id *", "Scripted steps exhausted");

		var refused = t1.submit("/tickets/" + number + "/escalate", "/tickets/" + number + "/escalate",
				"toTier=T2&criterion=needs-diagnosis&env.productVersion=latest&env.identityProvider=Okta");
		assertThat(refused.statusCode()).isEqualTo(422);
		assertThat(refused.body()).contains("data-testid=\"error-stepsAttempted\"", "data-testid=\"error-errorMessages\"",
				"data-testid=\"error-customerImpact\"", "data-testid=\"error-environment.productVersion\"",
				"data-testid=\"error-environment.browser\"", "data-testid=\"error-environment.accountId\"", "must be a version");
		// what was typed is kept
		assertThat(refused.body()).contains("value=\"latest\"");

		var done = t1.submit("/tickets/" + number + "/escalate", "/tickets/" + number + "/escalate", form("T2", "needs-diagnosis"));
		assertThat(done.statusCode()).isEqualTo(302);
		// the T1 agent no longer sees the ticket: back to the queue
		assertThat(done.headers().firstValue("Location").orElse("")).endsWith("/tickets");
	}

	@Test
	void theReceivingTierSeesTheStructuredBlockAndT3DecidesFromTheInbox() throws Exception {
		String number = open("P1");
		var t1 = WebSession.signedIn(port, "t1@northwind.test");
		// acme lets a P1 go straight to T3
		assertThat(t1.submit("/tickets/" + number + "/escalate", "/tickets/" + number + "/escalate",
				form("T3", "reproducible-defect")).statusCode()).isEqualTo(302);

		var eng = WebSession.signedIn(port, "eng@acme.test");
		var block = eng.get("/tickets/" + number + "/escalation", "HX-Request", "true");
		assertThat(block.statusCode()).isEqualTo(200);
		assertThat(block.body()).contains("data-testid=\"escalation-block\"", "T1 → T3", "Confirmed reproducible defect",
				"Cleared cookies", "Identity provider", "Okta", "InvalidSignature", "EU tenant locked out", "(12 customers)",
				"data-testid=\"accept\"", "data-testid=\"return\"");

		var inbox = eng.get("/escalations");
		assertThat(inbox.body()).contains(number, "data-testid=\"inbox-item\"");
		String id = Api.at(port).as("eng@acme.test").get("/api/v1/tickets/" + number + "/escalations").json().get(0).get("id").asString();
		var returned = eng.submit("/escalations", "/escalations/" + id + "/decision",
				"decision=RETURNED&reason=MISSING_INFORMATION&note=" + enc("Which IdP tenant?") + "&back=inbox");
		assertThat(returned.statusCode()).isEqualTo(302);
		assertThat(returned.headers().firstValue("Location").orElse("")).endsWith("/escalations");

		// back at T1, the agent sees why
		var again = t1.get("/tickets/" + number + "/escalation", "HX-Request", "true");
		assertThat(again.body()).contains("MISSING_INFORMATION", "Which IdP tenant?");
	}

	@Test
	void adminsKeepCategoriesTemplatesAndCriteria() throws Exception {
		var admin = WebSession.signedIn(port, "admin@globex.test");
		var page = admin.get("/admin/escalation/globex");
		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.body()).contains("data-testid=\"category-row\"", "needs-diagnosis", "owned end-to-end at T2");

		String code = "page-crit-" + UUID.randomUUID().toString().substring(0, 8);
		var created = admin.submit("/admin/escalation/globex", "/admin/escalation/globex/criteria",
				"code=" + code + "&name=" + enc("Needs a database fix") + "&toTiers=T3&suspectedDefect=true");
		assertThat(created.statusCode()).isEqualTo(302);
		assertThat(admin.get("/admin/escalation/globex").body()).contains(code, "Needs a database fix");

		var bad = admin.submit("/admin/escalation/globex/categories/billing", "/admin/escalation/globex/categories/billing",
				"handling=OWNED&ownerTier=T1&key=accountId&label=Account&type=ACCOUNT_ID&required=yes&options="
						+ "&key=accountId&label=Again&type=CHOICE&required=no&options=one");
		assertThat(bad.statusCode()).isEqualTo(422);
		assertThat(bad.body()).contains("fields[1].key", "appears twice", "fields[1].options");

		assertThat(WebSession.signedIn(port, "t1@northwind.test").submit("/tickets", "/admin/escalation/globex/settings",
				"knownIssueThreshold=2").statusCode()).isEqualTo(403);
		assertThat(WebSession.signedIn(port, "admin@acme.test").get("/admin/escalation/globex").statusCode()).isEqualTo(404);
	}
}
