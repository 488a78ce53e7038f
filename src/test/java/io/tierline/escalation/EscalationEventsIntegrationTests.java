package io.tierline.escalation;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.tierline.access.AccessManagement;
import io.tierline.access.Caller;
import io.tierline.common.InputCheck;
import io.tierline.common.Tier;
import io.tierline.escalation.EscalationEvents.EngineeringRequired;
import io.tierline.escalation.EscalationEvents.EscalationReturned;
import io.tierline.escalation.internal.EscalationDecisions;
import io.tierline.escalation.internal.EscalationWorkflow;
import io.tierline.support.IntegrationTest;
import io.tierline.ticket.Channel;
import io.tierline.ticket.NewTicket;
import io.tierline.ticket.TicketEvents.TicketEscalated;
import io.tierline.ticket.TicketManagement;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;

import static org.assertj.core.api.Assertions.assertThat;

/** The facts notifications and KPIs react to: engineering required into T3, a return with its reason. */
@IntegrationTest
@RecordApplicationEvents
class EscalationEventsIntegrationTests {

	@Autowired
	EscalationWorkflow workflow;

	@Autowired
	EscalationDecisions decisions;

	@Autowired
	TicketManagement tickets;

	@Autowired
	AccessManagement access;

	@Autowired
	ApplicationEvents events;

	Caller caller(String email) {
		return access.callerFor(access.userByEmail(email).orElseThrow().id());
	}

	EscalationWorkflow.Request request(String to, String criterion) {
		return new EscalationWorkflow.Request(to, criterion, List.of("Checked the logs"),
				Map.of("productVersion", "4.12.1", "identityProvider", "Okta", "browser", "Safari 18", "accountId", "AC-3"),
				"SAML InvalidSignature", "Sign in with SSO", "Whole tenant", 25, null, null);
	}

	@Test
	void escalationIntoT3RaisesEngineeringRequiredWithTheFactsNotificationsNeed() {
		long ticket = tickets.open(caller("dana@customer.test"), new NewTicket("acme", null, "Events " + UUID.randomUUID(), null,
				null, "P2", "authentication", null, null, null, List.of(), Map.of()), Channel.WEB, null).ticketId();
		workflow.escalate(caller("t1@northwind.test"), String.valueOf(ticket), request("T2", "needs-diagnosis"), new InputCheck());
		assertThat(events.stream(EngineeringRequired.class)).isEmpty();
		assertThat(events.stream(TicketEscalated.class).filter(e -> e.ticketId() == ticket))
			.singleElement().satisfies(e -> assertThat(e.toTier()).isEqualTo(Tier.T2));

		var toT3 = workflow.escalate(caller("t2@northwind.test"), String.valueOf(ticket), request("T3", "reproducible-defect"),
				new InputCheck());
		EngineeringRequired required = events.stream(EngineeringRequired.class).filter(e -> e.ticketId() == ticket)
			.findFirst().orElseThrow();
		assertThat(required.escalationId()).isEqualTo(toT3.id());
		assertThat(required.ticketNumber()).startsWith("ACME-");
		assertThat(required.fromTier()).isEqualTo(Tier.T2);
		assertThat(required.criterion()).isEqualTo("Confirmed reproducible defect");
		assertThat(required.engineeringContact()).isEqualTo("engineering@acme.test");
		assertThat(required.customerImpact()).isEqualTo("Whole tenant");
		assertThat(required.categoryId()).isNotNull();

		decisions.decide(caller("eng@acme.test"), toT3.id(),
				new EscalationDecisions.Decision("RETURNED", "NOT_A_DEFECT", "Expected behaviour after a key rotation"));
		EscalationReturned returned = events.stream(EscalationReturned.class).filter(e -> e.ticketId() == ticket)
			.findFirst().orElseThrow();
		assertThat(returned.backTo()).isEqualTo(Tier.T2);
		assertThat(returned.reason()).isEqualTo("NOT_A_DEFECT");
		assertThat(returned.escalatedById()).isEqualTo(access.userByEmail("t2@northwind.test").orElseThrow().id());
	}
}
