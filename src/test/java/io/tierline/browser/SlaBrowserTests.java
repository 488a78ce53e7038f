package io.tierline.browser;

import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import io.tierline.support.Api;
import io.tierline.support.IntegrationTest;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/** SPEC §4 in the browser: the queue sorted by next due shows a live countdown, the ticket page its clocks. */
@Tag("browser")
@IntegrationTest
class SlaBrowserTests extends BrowserSession {

	@Test
	void theQueueCountsDownToTheNextDueClockAndTheTicketShowsItsClocks() {
		String subject = "Checkout down " + UUID.randomUUID().toString().substring(0, 8);
		String number = Api.at(port).as("t1@northwind.test").post("/api/v1/tickets", Map.of("client", "globex", "requester",
				Map.of("email", "sam@shopper.test"), "subject", subject, "severity", "P1")).json().get("number").asString();

		Page agent = signIn("t1@northwind.test");
		agent.navigate(url("/tickets?client=globex"));
		agent.getByTestId("sort").selectOption("due");
		agent.waitForURL(u -> u.contains("sort=due"));
		Locator badge = agent.locator("tr", new Page.LocatorOptions().setHasText(number)).getByTestId("sla-badge");
		assertThat(badge).hasText(Pattern.compile("first reply · .*(left|overdue)"));
		assertThat(badge).hasClass(Pattern.compile("sla-(ok|warn|breach)"));
		String before = badge.textContent();
		agent.waitForTimeout(1500);
		assertThat(badge).not().hasText(before);
		screenshot(agent, "sla-queue");

		agent.navigate(url("/tickets/" + number));
		Locator panel = agent.getByTestId("sla-panel");
		assertThat(panel).isVisible();
		assertThat(panel.locator("[data-clock=FIRST_RESPONSE]")).containsText("RUNNING");
		assertThat(panel.locator("[data-clock=FIRST_RESPONSE] .sla")).hasText(Pattern.compile("(left|overdue)"));
		assertThat(panel.locator("[data-clock=RESOLUTION]")).isVisible();
		screenshot(agent, "sla-panel");
	}
}
