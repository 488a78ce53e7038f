package io.tierline.browser;

import java.util.Map;
import java.util.UUID;

import com.microsoft.playwright.Page;
import io.tierline.support.Api;
import io.tierline.support.IntegrationTest;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/** SPEC §3 in the browser: a ticket goes T1 → T2 → T3 through the template-driven form, and T3 returns it. */
@Tag("browser")
@IntegrationTest
class EscalationBrowserTests extends BrowserSession {

	@Test
	void aTicketIsEscalatedT1ToT2ToT3AndReturned() {
		String subject = "SSO loops " + UUID.randomUUID().toString().substring(0, 8);
		String number = Api.at(port).as("dana@customer.test").post("/api/v1/tickets", Map.of("client", "acme", "subject", subject,
				"description", "SSO sends me back to the sign-in page", "category", "authentication", "severity", "P3"))
			.json().get("number").asString();

		Page t1 = signIn("t1@northwind.test");
		t1.navigate(url("/tickets/" + number));
		t1.getByTestId("escalate").click();
		t1.waitForURL("**/tickets/" + number + "/escalate");
		t1.getByTestId("criterion").selectOption("needs-diagnosis");
		t1.getByTestId("escalate-submit").click();
		// incomplete: every missing field is marked inline, nothing moved
		assertThat(t1.getByTestId("form-errors")).isVisible();
		assertThat(t1.getByTestId("error-stepsAttempted")).isVisible();
		assertThat(t1.getByTestId("error-environment.identityProvider")).isVisible();
		screenshot(t1, "escalate-errors");
		fillTemplate(t1, "Cleared the browser session\nTried a private window", "SAMLResponse: InvalidSignature",
				"One user cannot sign in");
		t1.getByTestId("escalate-submit").click();
		t1.waitForURL(u -> u.endsWith("/tickets"));
		assertThat(t1.getByTestId("notice")).containsText(number + " escalated to T2");
		t1.context().close();

		Page t2 = signIn("t2@northwind.test");
		t2.navigate(url("/tickets/" + number));
		assertThat(t2.getByTestId("escalation-block")).containsText("T1 → T2");
		assertThat(t2.getByTestId("escalation-block")).containsText("Tried a private window");
		assertThat(t2.getByTestId("escalation-block")).containsText("AC-4711");
		t2.getByTestId("escalate").click();
		t2.getByTestId("toTier").selectOption("T3");
		t2.getByTestId("criterion").selectOption("reproducible-defect");
		fillTemplate(t2, "Reproduced with a test account\nChecked the IdP metadata",
				"SAMLResponse: InvalidSignature (kid 7f3a unknown)", "All Okta users of this account");
		t2.getByTestId("escalate-submit").click();
		// a suspected defect needs reproduction steps
		assertThat(t2.getByTestId("error-reproductionSteps")).isVisible();
		t2.getByTestId("reproductionSteps").fill("1. Sign in with Okta\n2. Observe the loop");
		t2.getByTestId("escalate-submit").click();
		t2.waitForURL(u -> u.endsWith("/tickets"));
		assertThat(t2.getByTestId("notice")).containsText("escalated to T3");

		Page eng = signIn("eng@acme.test");
		eng.navigate(url("/escalations"));
		var item = eng.getByTestId("inbox-item").filter(new com.microsoft.playwright.Locator.FilterOptions().setHasText(number));
		assertThat(item).containsText("T2 → T3");
		assertThat(item).containsText("kid 7f3a unknown");
		screenshot(eng, "t3-inbox");
		item.getByTestId("return-reason").selectOption("MISSING_INFORMATION");
		item.getByTestId("return-note").fill("Which Okta org? Send the SAML trace.");
		item.getByTestId("return").click();
		assertThat(eng.getByTestId("notice")).containsText(number + " returned to T2");
		eng.context().close();

		t2.navigate(url("/tickets/" + number));
		assertThat(t2.getByTestId("returned")).containsText("MISSING_INFORMATION");
		assertThat(t2.getByTestId("returned")).containsText("Send the SAML trace");
		screenshot(t2, "returned");
		t2.context().close();
	}

	/** The authentication category's template, as an agent types it. */
	private static void fillTemplate(Page page, String steps, String errors, String impact) {
		page.getByTestId("stepsAttempted").fill(steps);
		page.getByTestId("env-productVersion").fill("4.12.1");
		page.getByTestId("env-identityProvider").selectOption("Okta");
		page.getByTestId("env-browser").fill("Chromium 131");
		page.getByTestId("env-accountId").fill("AC-4711");
		page.getByTestId("errorMessages").fill(errors);
		page.getByTestId("customerImpact").fill(impact);
	}
}
