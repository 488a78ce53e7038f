package io.tierline.browser;

import java.nio.file.Paths;
import java.util.Map;
import java.util.UUID;

import com.microsoft.playwright.Page;
import io.tierline.support.Api;
import io.tierline.support.IntegrationTest;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/** What a person clicks, in Debian's chromium: an agent replies, the requester reads it. */
@Tag("browser")
@IntegrationTest
class AgentReplyBrowserTests extends BrowserSession {

	@Test
	void anAgentRepliesAndTheRequesterSeesTheReplyButNotTheNote() {
		String subject = "Browser test " + UUID.randomUUID().toString().substring(0, 8);
		String number = Api.at(port).as("dana@customer.test")
			.post("/api/v1/tickets", Map.of("client", "acme", "subject", subject, "description", "My export fails"))
			.json().get("number").asString();
		String reply = "Please retry the export now " + UUID.randomUUID().toString().substring(0, 6);

		Page agent = signIn("t1@northwind.test");
		assertThat(agent.getByTestId("queue")).isVisible();
		agent.fill("input[name=q]", number);
		agent.press("input[name=q]", "Enter");
		agent.getByText(number).first().click();
		agent.waitForURL("**/tickets/" + number);
		agent.getByTestId("reply-body").fill("Internal: checked the export worker logs");
		agent.getByTestId("reply-visibility").selectOption("INTERNAL");
		agent.getByTestId("reply-send").click();
		assertThat(agent.getByTestId("notice")).containsText("Saved");
		agent.getByTestId("reply-body").fill(reply);
		agent.getByTestId("reply-visibility").selectOption("PUBLIC");
		agent.getByTestId("reply-send").click();
		assertThat(agent.getByTestId("status")).hasText("OPEN");
		agent.context().close();

		Page requester = signIn("dana@customer.test");
		requester.waitForURL("**/portal");
		requester.getByText(number).first().click();
		requester.waitForURL("**/portal/tickets/" + number);
		assertThat(requester.getByText(reply)).isVisible();
		assertThat(requester.getByText("checked the export worker logs")).hasCount(0);
		requester.screenshot(new Page.ScreenshotOptions().setPath(Paths.get("target/playwright/portal.png")).setFullPage(true));
		requester.context().close();
	}

	@Test
	void aShadowAgentGetsNoReplyForm() {
		String number = Api.at(port).as("admin@acme.test").post("/api/v1/tickets", Map.of("client", "acme", "subject",
				"Shadow check", "requester", Map.of("email", "dana@customer.test"))).json().get("number").asString();
		Page shadow = signIn("shadow@northwind.test");
		shadow.navigate("http://localhost:" + port + "/tickets/" + number);
		assertThat(shadow.getByText("read-only access")).isVisible();
		assertThat(shadow.getByTestId("reply-send")).hasCount(0);
		shadow.screenshot(new Page.ScreenshotOptions().setPath(Paths.get("target/playwright/shadow.png")).setFullPage(true));
		shadow.context().close();
	}

	@Test
	void theQueueFiltersWithoutReloadingThePage() {
		Page agent = signIn("t2@northwind.test");
		agent.navigate("http://localhost:" + port + "/tickets");
		agent.evaluate("window.__marker = 42");
		agent.selectOption("select[name=client]", "globex");
		agent.waitForURL(url -> url.contains("client=globex"));
		assertThat(agent.getByTestId("queue")).not().containsText("ACME-");
		assertThat(agent.evaluate("window.__marker")).isEqualTo(42);
		agent.screenshot(new Page.ScreenshotOptions().setPath(Paths.get("target/playwright/queue.png")).setFullPage(true));
		agent.context().close();
	}
}
