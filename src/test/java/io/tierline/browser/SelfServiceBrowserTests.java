package io.tierline.browser;

import java.time.Duration;
import java.util.UUID;
import java.util.regex.Pattern;

import com.microsoft.playwright.Page;
import io.tierline.support.Api;
import io.tierline.support.IntegrationTest;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/** Tier-0 self-service in Debian's chromium: a quoted, linked article solves one problem; another becomes a request. */
@Tag("browser")
@IntegrationTest
class SelfServiceBrowserTests extends BrowserSession {

	/** The search index follows the demo knowledge base within moments of the start. */
	void awaitDemoArticles() throws InterruptedException {
		Api dana = Api.at(port).as("dana@customer.test");
		long until = System.nanoTime() + Duration.ofSeconds(30).toNanos();
		while (System.nanoTime() < until
				&& !dana.get("/api/v1/search?client=acme&type=article&q=reset+password").text().contains("your Acme Cloud")) {
			Thread.sleep(200);
		}
	}

	@Test
	void aQuotedArticleSolvesOneProblemAndAnotherBecomesARequestWithTheTranscript() throws InterruptedException {
		awaitDemoArticles();
		String tag = UUID.randomUUID().toString().substring(0, 6);
		Page dana = signIn("dana@customer.test");

		dana.navigate(url("/portal/help"));
		dana.getByTestId("help-text").fill("I forgot my password, how do I reset it? " + tag);
		dana.getByTestId("help-ask").click();
		dana.waitForURL(Pattern.compile(".*/portal/help/\\d+$"));
		assertThat(dana.getByTestId("answer-passage").first()).containsText("Forgot password");
		assertThat(dana.getByTestId("answer-link").first()).hasText("Reset your Acme Cloud password");
		assertThat(dana.getByTestId("answer-link").first()).hasAttribute("href", Pattern.compile("^/help/\\d+$"));
		screenshot(dana, "selfservice-answer");
		String session = dana.url();

		dana.getByTestId("answer-link").first().click();
		dana.waitForURL(Pattern.compile(".*/help/\\d+$"));
		assertThat(dana.locator("main")).containsText("within 30 minutes");
		dana.navigate(session);
		dana.getByTestId("help-solved").click();
		assertThat(dana.getByTestId("transcript")).hasAttribute("data-outcome", "DEFLECTED");
		assertThat(dana.locator("main")).containsText("Glad that solved it");
		assertThat(dana.getByTestId("help-solved")).hasCount(0);

		dana.navigate(url("/portal/help"));
		String other = "The CSV export of my sales report never finishes " + tag;
		dana.getByTestId("help-text").fill(other);
		dana.getByTestId("help-ask").click();
		dana.waitForURL(Pattern.compile(".*/portal/help/\\d+$"));
		assertThat(dana.getByTestId("answer-link").first()).isVisible();
		String shown = dana.getByTestId("answer-link").first().textContent();
		dana.getByTestId("help-escalate").click();
		dana.waitForURL(Pattern.compile(".*/portal/tickets/ACME-\\d+$"));
		String request = dana.url().replaceAll(".*/portal/tickets/", "");
		assertThat(dana.locator("main")).containsText("Asked through self-service");
		assertThat(dana.locator("main")).containsText(other);
		assertThat(dana.locator("main")).containsText(shown);
		screenshot(dana, "selfservice-request");

		dana.navigate(url("/portal/help"));
		assertThat(dana.locator("main")).containsText("DEFLECTED");
		assertThat(dana.locator("main")).containsText("ESCALATED");
		assertThat(request).startsWith("ACME-");
		dana.context().close();
	}
}
