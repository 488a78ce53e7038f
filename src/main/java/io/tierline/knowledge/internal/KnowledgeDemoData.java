package io.tierline.knowledge.internal;

import java.util.List;
import java.util.Map;

import io.tierline.access.AccessManagement;
import io.tierline.access.Caller;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Ten articles per demo client, of several kinds (a diagnostic tree and two macros among them),
 * public and internal, most published by the client's reviewer, one waiting in review and one
 * draft. Written through the workflow, so versions and transitions are real. Demo mode only,
 * into an empty knowledge base.
 */
@Component
@Order(35)
@ConditionalOnProperty(name = "tierline.demo.enabled", havingValue = "true")
class KnowledgeDemoData implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(KnowledgeDemoData.class);

	private final ArticleWorkflow workflow;
	private final AccessManagement access;
	private final JdbcClient jdbc;

	KnowledgeDemoData(ArticleWorkflow workflow, AccessManagement access, JdbcClient jdbc) {
		this.workflow = workflow;
		this.access = access;
		this.jdbc = jdbc;
	}

	@Override
	public void run(ApplicationArguments args) {
		if (jdbc.sql("select count(*) from articles").query(Long.class).single() > 0
				|| access.userByEmail("t2@northwind.test").isEmpty()) {
			return;
		}
		Caller author = caller("t2@northwind.test");
		seed("acme", "acme-cloud", "Acme Cloud", author, caller("kb@acme.test"));
		seed("globex", "globex-pos", "Globex POS", author, caller("admin@globex.test"));
		log.info("Demo knowledge base: 10 articles each for acme and globex (trees, macros, public and internal)");
	}

	private Caller caller(String email) {
		return access.callerFor(access.userByEmail(email).orElseThrow().id());
	}

	private void seed(String client, String product, String name, Caller author, Caller reviewer) {
		List<String> p = List.of(product);
		long sso = publish(author, reviewer, new ArticleInput(client, "HOW_TO", "PUBLIC", "Reset your " + name + " password",
				"1. Open the sign-in page and choose **Forgot password**.\n2. Enter the e-mail of your account.\n"
						+ "3. Follow the link in the e-mail within 30 minutes.\n\nNo e-mail? Check the spam folder, then ask us.",
				p, null, null, null, null, null));
		publish(author, reviewer, input(client, "TROUBLESHOOTING", "PUBLIC", "Sign-in loops back to the login page",
				"## Symptoms\nAfter entering the password the login page shows again.\n\n## Try\n- Clear the cookies of the sign-in site\n"
						+ "- Try a private window\n- Check the device clock is correct (SSO tokens are time-bound)", p));
		publish(author, reviewer, input(client, "KNOWN_ISSUE", "PUBLIC", "CSV export times out for reports over 50,000 rows",
				"Exports of very large reports stop after 60 seconds.\n\n**Workaround:** filter the report by month and export each month.", p));
		publish(author, reviewer, input(client, "CAPTURE_TEMPLATE", "INTERNAL", "What to capture before escalating an integration issue",
				"- Product version\n- Integration name and its version\n- Account id\n- Time of the last successful sync (UTC)\n"
						+ "- The request id from the error message", p));
		publish(author, reviewer, input(client, "EXAMPLE_TICKET", "INTERNAL", "Annotated: a webhook 401 solved at T2",
				"> Customer: deliveries fail with 401 since Monday.\n\n*Good:* the agent asked for the delivery id first.\n\n"
						+ "> Agent: the signing secret was rotated; update it under Settings → Webhooks.\n\n*Why it worked:* one question, one fix.", p));
		publish(author, reviewer, input(client, "BRAND_VOICE", "INTERNAL", name + " brand voice",
				"- Plain words, short sentences.\n- Say what we did and what happens next.\n- Never blame the customer.\n"
						+ "- Sign with your first name.", p));
		publish(author, reviewer, macro(client, "Macro: password reset link sent", "password-reset",
				"Hi,\n\nwe have sent a password reset link to the e-mail of your account. It works for 30 minutes.\n\nBest regards",
				"PENDING", "authentication", List.of("password-reset")));
		publish(author, reviewer, macro(client, "Macro: status check answered", "status-check",
				"Hi,\n\nyour request is being worked on; we will write as soon as we know more.", null, null, List.of("status-check")));
		publish(author, reviewer, tree(client, product, sso));
		long review = workflow.create(author, input(client, "HOW_TO", "INTERNAL", "Rotate an API key for a customer",
				"1. Confirm the requester is an account admin.\n2. Revoke the old key.\n"
						+ "3. Create the new key and send it through the secure channel.", p)).id();
		workflow.submit(author, review, "Please review the verification step");
		workflow.create(author, input(client, "TROUBLESHOOTING", "INTERNAL", "Draft: dashboard slow after release",
				"Collect the browser's network trace and the dashboard id.", p));
	}

	private long publish(Caller author, Caller reviewer, ArticleInput input) {
		long id = workflow.create(author, input).id();
		workflow.publish(reviewer, id, "demo");
		return id;
	}

	private static ArticleInput input(String client, String kind, String audience, String title, String body, List<String> products) {
		return new ArticleInput(client, kind, audience, title, body, products, null, null, null, null, null);
	}

	private static ArticleInput macro(String client, String title, String intent, String reply, String status, String category,
			List<String> tags) {
		return new ArticleInput(client, "MACRO", "INTERNAL", title, "Use when the requester's intent is **" + intent + "**.", List.of(),
				null, new MacroSpec(intent, reply, status, null, category, tags), null, null, null);
	}

	private static ArticleInput tree(String client, String product, long passwordArticle) {
		var tree = new DiagnosticTree("device", List.of(
				node("device", "Where does sign-in fail?", "operatingSystem", Map.of(
						"Windows", "node:browser", "macOS", "node:browser", "Mobile app", "escalate:Sign-in fails in the mobile app")),
				node("browser", "Does sign-in work in a private window?", null, Map.of(
						"Yes", "resolve:Clear the cookies of the sign-in site, then sign in again.", "No", "node:password")),
				node("password", "Does the password reset e-mail arrive?", null, Map.of(
						"Yes", "article:" + passwordArticle, "No", "escalate:Reset e-mail not delivered; sign-in still loops"))));
		return new ArticleInput(client, "DIAGNOSTIC_TREE", "PUBLIC", "Guided: I cannot sign in",
				"Answer a few questions; we either solve it or pass your answers to an engineer.", List.of(product), tree, null, null, null, null);
	}

	private static DiagnosticTree.Node node(String id, String text, String capture, Map<String, String> answers) {
		return new DiagnosticTree.Node(id, text, capture, new java.util.TreeMap<>(answers).entrySet().stream().map(e -> {
			String[] t = e.getValue().split(":", 2);
			return switch (t[0]) {
				case "node" -> new DiagnosticTree.Answer(e.getKey(), "NODE", t[1], null, null);
				case "article" -> new DiagnosticTree.Answer(e.getKey(), "ARTICLE", null, Long.valueOf(t[1]), null);
				case "resolve" -> new DiagnosticTree.Answer(e.getKey(), "RESOLUTION", null, null, t[1]);
				default -> new DiagnosticTree.Answer(e.getKey(), "ESCALATION", null, null, t[1]);
			};
		}).toList());
	}
}
