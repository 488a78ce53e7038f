package io.tierline.assist.internal;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import io.tierline.escalation.EnvironmentField;
import io.tierline.ticket.TicketThreads.ThreadMessage;
import io.tierline.ticket.Visibility;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The thread summary, the escalation draft read from a thread, and the pre-filled form's address. */
class ThreadTextTests {

	static ThreadMessage msg(long id, boolean requester, String body) {
		return new ThreadMessage(id, requester ? "Dana" : "Tom (T1)", requester, Visibility.PUBLIC, Instant.parse("2026-11-20T10:00:00Z").plusSeconds(id * 60),
				body);
	}

	static final List<ThreadMessage> THREAD = List.of(
			msg(1, true, """
					Hi team,
					Since this morning nobody in our finance team can sign in to Acme Cloud: the login page says "Invalid SAML response".
					We are on version 4.12.1 and use Okta. I tried Chrome 120 on Windows 11 and Firefox too.
					Steps:
					1. Open https://acme.example/login
					2. Click Sign in with SSO
					3. See the error
					Thanks, Dana"""),
			msg(2, false, "Hello Dana, could you clear the browser cache and try again? Please also send the time it failed."),
			msg(3, true, """
					I have cleared the cache and restarted the browser, same error. It failed at 09:14 today. Account id: acme-fin-0042
					> Hello Dana, could you clear the browser cache and try again?"""),
			msg(4, false, "Thanks. I checked the Okta app assignment and it looks right. We verified the certificate has not expired."),
			msg(5, true, "Any news? The whole finance team is still blocked and month-end closing is tomorrow."),
			msg(6, false, "We are looking into it with the identity team."));

	static final List<EnvironmentField> TEMPLATE = List.of(
			new EnvironmentField("productVersion", "Product version", "VERSION", true, List.of()),
			new EnvironmentField("identityProvider", "Identity provider", "CHOICE", true, List.of("Okta", "Azure AD", "Google", "Other")),
			new EnvironmentField("browser", "Browser and version", "TEXT", true, List.of()),
			new EnvironmentField("operatingSystem", "Operating system", "TEXT", false, List.of()),
			new EnvironmentField("accountId", "Account id", "ACCOUNT_ID", true, List.of()),
			new EnvironmentField("region", "Hosting region", "CHOICE", true, List.of("eu", "us", "apac")));

	@Test
	void theSummaryKeepsTheProblemAndWhereThingsStandInThreadOrder() {
		ThreadSummary s = ThreadSummarizer.summarise(THREAD);

		assertThat(s.messages()).isEqualTo(6);
		assertThat(s.longThread()).isTrue();
		assertThat(s.lines()).hasSizeBetween(3, 7);
		assertThat(s.lines().get(0).text()).contains("Invalid SAML response");
		assertThat(s.lines()).extracting(ThreadSummary.Line::messageId).isSorted();
		// greetings, sign-offs and the quoted earlier message never make it
		assertThat(s.lines()).noneMatch(l -> l.text().startsWith("Hi") || l.text().startsWith("Thanks") || l.text().startsWith(">"));
		assertThat(s.asText()).startsWith("Summary of the thread (6 messages):\n- Dana: ");
	}

	@Test
	void aShortThreadIsNotLong() {
		assertThat(ThreadSummarizer.summarise(List.of(msg(1, true, "The export to CSV stops at 99 percent every time."))).longThread())
			.isFalse();
	}

	@Test
	void theDraftTakesStepsErrorsEnvironmentReproductionAndImpactFromTheThread() {
		EscalationDraft d = EscalationDrafter.draft(THREAD, Map.of(), TEMPLATE);

		assertThat(d.stepsAttempted()).anyMatch(s -> s.contains("I tried Chrome 120"))
			.anyMatch(s -> s.contains("I have cleared the cache and restarted the browser"))
			.anyMatch(s -> s.contains("I checked the Okta app assignment"))
			.anyMatch(s -> s.contains("We verified the certificate"))
			// the agent's request to clear the cache was not a step anybody took
			.noneMatch(s -> s.contains("could you clear"));
		assertThat(d.errorMessages()).anyMatch(e -> e.contains("Invalid SAML response"));
		assertThat(d.environment()).containsEntry("productVersion", new EscalationDraft.FoundValue("4.12.1", "message 1"))
			.containsEntry("identityProvider", new EscalationDraft.FoundValue("Okta", "the thread"))
			.containsEntry("browser", new EscalationDraft.FoundValue("Chrome 120", "message 1"))
			.containsEntry("operatingSystem", new EscalationDraft.FoundValue("Windows 11", "message 1"))
			.containsEntry("accountId", new EscalationDraft.FoundValue("acme-fin-0042", "message 3"))
			.doesNotContainKey("region");
		assertThat(d.missingRequired()).containsExactly("region");
		assertThat(d.reproductionSteps()).isEqualTo("1. Open https://acme.example/login\n2. Click Sign in with SSO\n3. See the error");
		assertThat(d.customerImpact()).contains("nobody in our finance team can sign in");
	}

	@Test
	void logDigestsLeadTheErrorsSeen() {
		var digest = LogAnalyzer.analyse(LogAnalyzerTests.JAVA_LOG, false);
		EscalationDraft d = EscalationDrafter.draft(THREAD, Map.of("sync.log", digest), TEMPLATE);
		assertThat(d.errorMessages().get(0)).contains("Upload of batch 4411 failed").endsWith("(×2, sync.log)");
	}

	@Test
	void theFormAddressCarriesTheDraftFormEncoded() {
		var draft = new EscalationDraft(List.of("restarted {service}", "set TZ=UTC+01"), List.of("HTTP 503 & ORA-00942"),
				new java.util.LinkedHashMap<>(Map.of("productVersion", new EscalationDraft.FoundValue("4.12.1", "message 1"))), List.of(),
				null, "all users");

		String url = EscalationForms.url("ACME-12", draft);

		assertThat(url).isEqualTo("/tickets/ACME-12/escalate?stepsAttempted=restarted+%7Bservice%7D%0Aset+TZ%3DUTC%2B01"
				+ "&env.productVersion=4.12.1&errorMessages=HTTP+503+%26+ORA-00942&customerImpact=all+users");
	}
}
