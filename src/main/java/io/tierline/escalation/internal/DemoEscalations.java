package io.tierline.escalation.internal;

import java.time.Clock;
import java.util.List;
import java.util.Map;

import io.tierline.access.AccessManagement;
import io.tierline.access.Caller;
import io.tierline.access.ClientRef;
import io.tierline.common.InputCheck;
import io.tierline.escalation.internal.EscalationPolicyAdmin.CategoryPolicyInput;
import io.tierline.escalation.internal.EscalationPolicyAdmin.CriterionInput;
import io.tierline.escalation.internal.EscalationPolicyAdmin.FieldInput;
import io.tierline.ticket.Channel;
import io.tierline.ticket.NewTicket;
import io.tierline.ticket.TicketManagement;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Demo tier model: settings, category policies with capture templates and criteria for acme and
 * globex, and a few tickets escalated through the real workflow so the T3 inbox has work.
 */
@Component
@Order(25)
@ConditionalOnProperty(name = "tierline.demo.enabled", havingValue = "true")
class DemoEscalations implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(DemoEscalations.class);

	private final AccessManagement access;
	private final EscalationPolicyAdmin admin;
	private final EscalationWorkflow workflow;
	private final EscalationDecisions decisions;
	private final TicketManagement tickets;
	private final Criteria criteria;

	DemoEscalations(AccessManagement access, EscalationPolicyAdmin admin, EscalationWorkflow workflow,
			EscalationDecisions decisions, TicketManagement tickets, Criteria criteria, Clock clock) {
		this.access = access;
		this.admin = admin;
		this.workflow = workflow;
		this.decisions = decisions;
		this.tickets = tickets;
		this.criteria = criteria;
	}

	@Override
	@Transactional
	public void run(ApplicationArguments args) {
		ClientRef acme = access.clientBySlug("acme").orElse(null);
		if (acme == null || !criteria.ofClient(acme.id(), false).isEmpty()) {
			return;
		}
		Caller acmeAdmin = caller("admin@acme.test");
		Caller globexAdmin = caller("admin@globex.test");
		admin.saveSettings(acmeAdmin, "acme", new EscalationPolicyAdmin.SettingsInput(true, 3, "engineering@acme.test"));
		admin.saveSettings(globexAdmin, "globex", new EscalationPolicyAdmin.SettingsInput(false, 5, null));
		policies(acmeAdmin, "acme");
		policies(globexAdmin, "globex");
		criteria(acmeAdmin, "acme");
		criteria(globexAdmin, "globex");
		escalations();
		log.info("Demo escalation rules and escalations created");
	}

	private void policies(Caller admin, String client) {
		FieldInput version = field("productVersion", "Product version", "VERSION", true);
		FieldInput account = field("accountId", "Account id", "ACCOUNT_ID", true);
		FieldInput browser = field("browser", "Browser and version", "TEXT", false);
		this.admin.saveCategoryPolicy(admin, client, "authentication", new CategoryPolicyInput("ESCALATE", null, List.of(version,
				new FieldInput("identityProvider", "Identity provider", "CHOICE", true, List.of("Okta", "Azure AD", "Google", "Other")),
				field("browser", "Browser and version", "TEXT", true), account)));
		this.admin.saveCategoryPolicy(admin, client, "integrations", new CategoryPolicyInput("ESCALATE", null, List.of(version,
				new FieldInput("integration", "Integration", "CHOICE", true, List.of("Salesforce", "Slack", "Webhooks", "REST API")),
				account, field("requestId", "A failing request id", "TEXT", false))));
		this.admin.saveCategoryPolicy(admin, client, "billing", new CategoryPolicyInput("OWNED", "T1",
				List.of(account, field("invoiceNumber", "Invoice number", "TEXT", false))));
		this.admin.saveCategoryPolicy(admin, client, "performance", new CategoryPolicyInput("ESCALATE", null, List.of(version,
				new FieldInput("region", "Hosting region", "CHOICE", true, List.of("eu", "us", "apac")),
				field("operatingSystem", "Operating system", "TEXT", false), browser)));
		this.admin.saveCategoryPolicy(admin, client, "data-import", new CategoryPolicyInput("OWNED", "T2", List.of(version,
				new FieldInput("fileFormat", "File format", "CHOICE", true, List.of("CSV", "XLSX", "JSON")),
				field("rowCount", "Rows in the file", "NUMBER", false))));
	}

	private void criteria(Caller admin, String client) {
		create(admin, client, "needs-diagnosis", "Scripted steps exhausted; needs diagnostic investigation", List.of("T2"), false, null, null, false);
		create(admin, client, "needs-access", "Needs access tier 2 does not have", List.of("T3"), false, null, null, false);
		create(admin, client, "reproducible-defect", "Confirmed reproducible defect", List.of("T3"), true, null, null, false);
		create(admin, client, "p1-widespread", "P1 with more than 10 customers affected", List.of("T3"), false, "P1", 10, true);
		create(admin, client, "vendor-defect", "Defect in a third-party component", List.of("T4"), true, null, null, false);
	}

	private void create(Caller admin, String client, String code, String name, List<String> tiers, boolean defect,
			String maxSeverity, Integer minCustomers, boolean skip) {
		this.admin.createCriterion(admin, client,
				new CriterionInput(code, name, null, null, tiers, defect, maxSeverity, minCustomers, skip, true));
	}

	private void escalations() {
		Caller t1 = caller("t1@northwind.test");
		Caller t2 = caller("t2@northwind.test");
		Caller eng = caller("eng@acme.test");
		long waiting = open("SSO login fails for the whole EU tenant since this morning", "authentication", "P2");
		escalate(t1, waiting, "T2", "needs-diagnosis", authEnvironment());
		escalate(t2, waiting, "T3", "reproducible-defect", authEnvironment());
		long accepted = open("Salesforce sync drops custom fields on update", "integrations", "P3");
		escalate(t1, accepted, "T2", "needs-diagnosis", Map.of("productVersion", "4.12.0", "integration", "Salesforce", "accountId", "ACME-CUST-0042"));
		escalate(t2, accepted, "T3", "reproducible-defect", Map.of("productVersion", "4.12.0", "integration", "Salesforce", "accountId", "ACME-CUST-0042"));
		long returned = open("Dashboard slow for one user only", "performance", "P3");
		escalate(t1, returned, "T2", "needs-diagnosis", Map.of("productVersion", "4.12.0", "region", "eu"));
		var pending = escalate(t2, returned, "T3", "needs-access", Map.of("productVersion", "4.12.0", "region", "eu"));
		decisions.decide(eng, pending.id(), new EscalationDecisions.Decision("RETURNED", "RESOLVABLE_AT_LOWER_TIER",
				"The user has 40 widgets with live queries; ask them to switch the heavy ones to hourly refresh (runbook PERF-3)."));
		var taken = workflow.history(eng, String.valueOf(accepted)).get(1);
		decisions.decide(eng, taken.id(), new EscalationDecisions.Decision("ACCEPTED", null, "Reproduced on 4.12; fix planned."));
		long newT2 = open("Webhook deliveries failing with 401 after secret rotation", "integrations", "P3");
		escalate(t1, newT2, "T2", "needs-diagnosis", Map.of("productVersion", "4.12.0", "integration", "Webhooks", "accountId", "ACME-CUST-0107"));
	}

	private static Map<String, String> authEnvironment() {
		return Map.of("productVersion", "4.12.0", "identityProvider", "Azure AD", "browser", "Edge 131", "accountId", "ACME-CUST-0007");
	}

	private long open(String subject, String category, String severity) {
		Caller dana = caller("dana@customer.test");
		return tickets.open(dana, new NewTicket("acme", null, subject, subject + ". Several colleagues see the same.",
				"WEB", severity, category, null, null, null, List.of(), Map.of()), Channel.WEB, null).ticketId();
	}

	private Escalation escalate(Caller agent, long ticket, String to, String criterion, Map<String, String> environment) {
		var request = new EscalationWorkflow.Request(to, criterion,
				List.of("Checked the status page: no incident", "Reproduced with the customer on a screen share",
						"Cleared sessions and retried in a private window"),
				environment, "HTTP 500 from /sso/acs: InvalidSignature (assertion signed with an unknown key)",
				"1. Open https://app.acme.test/login\n2. Choose 'Sign in with SSO'\n3. Complete the IdP login\n4. Land on the error page",
				"About 30 users in the EU tenant cannot sign in", 30, null, null);
		return workflow.escalate(agent, String.valueOf(ticket), request, new InputCheck());
	}

	private Caller caller(String email) {
		return access.callerFor(access.userByEmail(email).orElseThrow().id());
	}

	private static FieldInput field(String key, String label, String type, boolean required) {
		return new FieldInput(key, label, type, required, List.of());
	}
}
