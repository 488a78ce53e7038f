package io.tierline.browser;

import java.util.UUID;
import java.util.regex.Pattern;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import io.tierline.support.IntegrationTest;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/** Issue 5 in two browsers: a visitor on a client's page chats with an agent in the console. */
@Tag("browser")
@IntegrationTest
class ChatBrowserTests extends BrowserSession {

	@Test
	void aVisitorChatsWithAnAgentAndTheTicketKeepsTheTranscript() {
		Page agent = signIn("t1@northwind.test");
		agent.navigate(url("/chat/console"));
		assertThat(agent.getByTestId("console-status")).hasText("Connected");
		agent.getByTestId("presence-toggle").click();
		assertThat(agent.getByTestId("presence-state")).hasText("Available");

		Page visitor = browser.newContext().newPage();
		visitor.navigate(url("/chat/demo?client=acme"));
		visitor.getByTestId("tl-chat-bubble").click();
		assertThat(visitor.getByTestId("tl-chat-status")).hasText("An agent is online");
		String question = "Export stuck at 99% " + UUID.randomUUID().toString().substring(0, 6);
		visitor.getByTestId("tl-chat-name").fill("Vic Visitor");
		visitor.getByTestId("tl-chat-email").fill("vic-" + UUID.randomUUID().toString().substring(0, 6) + "@visitor.test");
		visitor.getByTestId("tl-chat-first").fill(question);
		visitor.getByTestId("tl-chat-start").click();
		assertThat(visitor.getByTestId("tl-chat-log")).containsText("Waiting for an agent");

		Locator waiting = agent.getByTestId("waiting-chat").filter(new Locator.FilterOptions().setHasText(question));
		waiting.getByTestId("accept").click();
		Locator card = agent.getByTestId("chat-card").filter(new Locator.FilterOptions().setHasText("Vic Visitor"));
		assertThat(card.getByTestId("chat-log")).containsText(question);
		assertThat(visitor.getByTestId("tl-chat-log")).containsText("Tara Tier1 joined the chat.");
		assertThat(visitor.getByTestId("tl-chat-status")).hasText("Chatting with Tara Tier1");

		card.getByTestId("chat-input").pressSequentially("Which file");
		assertThat(visitor.getByTestId("tl-chat-typing")).hasText("Tara Tier1 is typing…");
		card.getByTestId("chat-input").fill("Which file format do you export?");
		card.getByTestId("chat-send").click();
		assertThat(visitor.locator(".tlc-line.agent")).containsText("Which file format do you export?");

		visitor.getByTestId("tl-chat-input").pressSequentially("CSV");
		assertThat(card.getByTestId("chat-typing")).hasText("The visitor is typing…");
		visitor.getByTestId("tl-chat-send").click();
		assertThat(card.getByTestId("chat-log")).containsText("CSV");
		screenshot(agent, "chat-console");

		// a reload of the visitor's page continues the same chat (token in sessionStorage)
		visitor.reload();
		assertThat(visitor.getByTestId("tl-chat-log")).containsText("Which file format do you export?");
		assertThat(visitor.getByTestId("tl-chat-status")).hasText("Chatting with Tara Tier1");
		screenshot(visitor, "chat-widget");

		card.getByTestId("chat-end").click();
		assertThat(visitor.getByTestId("tl-chat-log")).containsText("The agent ended the chat.");
		assertThat(card.getByTestId("chat-ended")).isVisible();

		card.getByTestId("chat-ticket").click();
		agent.waitForURL(Pattern.compile(".*/tickets/\\d+"));
		assertThat(agent.locator("body")).containsText(question);
		assertThat(agent.locator("body")).containsText("Which file format do you export?");
		assertThat(agent.locator("body")).containsText("Live chat ended by the agent");
		screenshot(agent, "chat-ticket");
	}
}
