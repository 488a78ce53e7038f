package io.tierline.ticket.internal;

import java.time.Duration;
import java.time.Instant;

import io.tierline.common.ConflictException;
import io.tierline.common.Tier;
import io.tierline.ticket.Channel;
import io.tierline.ticket.EventType;
import io.tierline.ticket.Severity;
import io.tierline.ticket.TicketStatus;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TicketTests {

	private static final Instant T0 = Instant.parse("2026-03-02T09:15:00Z");
	private static final long AGENT = 7;
	private static final long REQUESTER = 3;

	private Ticket ticket() {
		Ticket t = Ticket.create(1, 1042, REQUESTER, "SSO login loops", Channel.EMAIL, Severity.P3, null, Tier.T1, null, null, REQUESTER, T0);
		t.drainEvents();
		return t;
	}

	private Ticket solvedAt(Instant at) {
		Ticket t = ticket();
		t.changeStatus(TicketStatus.SOLVED, AGENT, at);
		t.drainEvents();
		return t;
	}

	@Test
	void recordsCreatedWhenOpened() {
		Ticket t = Ticket.create(1, 1042, REQUESTER, "s", Channel.WEB, Severity.P2, null, Tier.T1, null, null, REQUESTER, T0);
		assertThat(t.status()).isEqualTo(TicketStatus.NEW);
		assertThat(t.drainEvents()).extracting(RecordedEvent::type).containsExactly(EventType.CREATED);
	}

	@Test
	void movesBetweenOpenPendingAndOnHold() {
		Ticket t = ticket();
		t.changeStatus(TicketStatus.OPEN, AGENT, T0.plusSeconds(60));
		t.changeStatus(TicketStatus.PENDING, AGENT, T0.plusSeconds(120));
		t.changeStatus(TicketStatus.ON_HOLD, AGENT, T0.plusSeconds(180));
		t.changeStatus(TicketStatus.OPEN, AGENT, T0.plusSeconds(240));
		assertThat(t.drainEvents()).extracting(e -> e.data().get("status")).containsExactly("OPEN", "PENDING", "ON_HOLD", "OPEN");
	}

	@Test
	void refusesToLeaveClosed() {
		Ticket t = solvedAt(T0.plusSeconds(60));
		t.changeStatus(TicketStatus.CLOSED, AGENT, T0.plusSeconds(120));
		assertThatThrownBy(() -> t.changeStatus(TicketStatus.OPEN, AGENT, T0.plusSeconds(180)))
			.isInstanceOf(ConflictException.class).hasMessageContaining("CLOSED");
	}

	@Test
	void refusesToCloseATicketThatWasNeverSolved() {
		Ticket t = ticket();
		assertThatThrownBy(() -> t.changeStatus(TicketStatus.CLOSED, AGENT, T0.plusSeconds(60))).isInstanceOf(ConflictException.class);
	}

	@Test
	void reopensWhenTheRequesterRepliesInsideTheWindow() {
		Instant solved = T0.plus(Duration.ofHours(2));
		Ticket t = solvedAt(solved);
		Ticket.RequesterReply effect = t.requesterReplied(REQUESTER, solved.plus(Duration.ofDays(6)), 7);
		assertThat(effect).isEqualTo(Ticket.RequesterReply.REOPENS);
		assertThat(t.status()).isEqualTo(TicketStatus.OPEN);
		assertThat(t.drainEvents()).extracting(RecordedEvent::type).containsExactly(EventType.REOPENED, EventType.STATUS);
	}

	@Test
	void asksForAFollowUpWhenTheRequesterRepliesAfterTheWindow() {
		Instant solved = T0.plus(Duration.ofHours(2));
		Ticket t = solvedAt(solved);
		Ticket.RequesterReply effect = t.requesterReplied(REQUESTER, solved.plus(Duration.ofDays(7)).plusSeconds(1), 7);
		assertThat(effect).isEqualTo(Ticket.RequesterReply.NEEDS_FOLLOW_UP);
		assertThat(t.status()).isEqualTo(TicketStatus.SOLVED);
		assertThat(t.drainEvents()).isEmpty();
	}

	@Test
	void honoursAClientsShorterReopenWindow() {
		Ticket t = solvedAt(T0);
		assertThat(t.requesterReplied(REQUESTER, T0.plus(Duration.ofDays(3)), 2)).isEqualTo(Ticket.RequesterReply.NEEDS_FOLLOW_UP);
	}

	@Test
	void asksForAFollowUpWhenTheTicketIsClosed() {
		Ticket t = solvedAt(T0);
		t.changeStatus(TicketStatus.CLOSED, AGENT, T0.plusSeconds(10));
		assertThat(t.requesterReplied(REQUESTER, T0.plusSeconds(20), 7)).isEqualTo(Ticket.RequesterReply.NEEDS_FOLLOW_UP);
	}

	@Test
	void aRequesterReplyTakesAPendingTicketBackToOpen() {
		Ticket t = ticket();
		t.changeStatus(TicketStatus.PENDING, AGENT, T0.plusSeconds(60));
		assertThat(t.requesterReplied(REQUESTER, T0.plusSeconds(120), 7)).isEqualTo(Ticket.RequesterReply.CONTINUES);
		assertThat(t.status()).isEqualTo(TicketStatus.OPEN);
	}

	@Test
	void anAgentsPublicReplyPutsANewTicketToWork() {
		Ticket t = ticket();
		t.agentReplied(AGENT, T0.plusSeconds(30));
		assertThat(t.status()).isEqualTo(TicketStatus.OPEN);
	}

	@Test
	void keepsTheLatestSolveForTheReopenWindow() {
		Ticket t = solvedAt(T0);
		t.requesterReplied(REQUESTER, T0.plus(Duration.ofDays(1)), 7);
		t.changeStatus(TicketStatus.SOLVED, AGENT, T0.plus(Duration.ofDays(2)));
		assertThat(t.solvedAt()).isEqualTo(T0.plus(Duration.ofDays(2)));
		assertThat(t.requesterReplied(REQUESTER, T0.plus(Duration.ofDays(8)), 7)).isEqualTo(Ticket.RequesterReply.REOPENS);
	}

	@Test
	void recordsAnEscalationWithBothTiers() {
		Ticket t = ticket();
		t.escalate(Tier.T2, AGENT, T0.plusSeconds(600));
		assertThat(t.tier()).isEqualTo(Tier.T2);
		assertThat(t.drainEvents()).singleElement().satisfies(e -> {
			assertThat(e.type()).isEqualTo(EventType.ESCALATED);
			assertThat(e.data()).containsEntry("fromTier", "T1").containsEntry("toTier", "T2");
		});
	}

	@Test
	void ignoresAnAssignmentThatChangesNothing() {
		Ticket t = ticket();
		t.assign(AGENT, "t1@northwind.test", AGENT, T0.plusSeconds(5));
		t.assign(AGENT, "t1@northwind.test", AGENT, T0.plusSeconds(6));
		assertThat(t.drainEvents()).hasSize(1);
	}

	@Test
	void aTicketGoesUpOneTierAtATimeUnlessARuleAllowsASkip() {
		Ticket t = ticket();
		assertThatThrownBy(() -> t.escalate(Tier.T3, false, AGENT, T0, java.util.Map.of()))
			.isInstanceOf(ConflictException.class).hasMessageContaining("skips no tier");
		t.escalate(Tier.T3, true, AGENT, T0, java.util.Map.of("criterion", "p1-widespread"));
		assertThat(t.tier()).isEqualTo(Tier.T3);
		assertThat(t.drainEvents()).singleElement().satisfies(e -> {
			assertThat(e.type()).isEqualTo(EventType.ESCALATED);
			assertThat(e.data()).containsEntry("fromTier", "T1").containsEntry("toTier", "T3").containsEntry("criterion", "p1-widespread");
		});
	}

	@Test
	void aTicketNeverGoesBackDownByEscalation() {
		Ticket t = ticket();
		t.escalate(Tier.T2, AGENT, T0);
		assertThatThrownBy(() -> t.escalate(Tier.T1, true, AGENT, T0, java.util.Map.of()))
			.isInstanceOf(ConflictException.class).hasMessageContaining("does not go back down");
		assertThatThrownBy(() -> t.escalate(Tier.T2, true, AGENT, T0, java.util.Map.of()))
			.isInstanceOf(ConflictException.class).hasMessageContaining("already at T2");
	}

	@Test
	void onlyAReturnedEscalationPutsTheTicketBackAndOnlyDownwards() {
		Ticket t = ticket();
		t.escalate(Tier.T2, AGENT, T0);
		t.escalate(Tier.T3, AGENT, T0.plusSeconds(60));
		t.drainEvents();
		assertThatThrownBy(() -> t.escalationDecided(false, Tier.T3, AGENT, T0, java.util.Map.of()))
			.isInstanceOf(ConflictException.class);
		t.escalationDecided(false, Tier.T2, AGENT, T0.plusSeconds(120), java.util.Map.of("reason", "NOT_A_DEFECT"));
		assertThat(t.tier()).isEqualTo(Tier.T2);
		assertThat(t.drainEvents()).singleElement().satisfies(e -> {
			assertThat(e.type()).isEqualTo(EventType.ESCALATION_DECIDED);
			assertThat(e.data()).containsEntry("decision", "RETURNED").containsEntry("fromTier", "T3")
				.containsEntry("toTier", "T2").containsEntry("reason", "NOT_A_DEFECT");
		});
	}

	@Test
	void aSolvedTicketIsReopenedBeforeItIsEscalated() {
		Ticket t = solvedAt(T0);
		assertThatThrownBy(() -> t.escalate(Tier.T2, AGENT, T0)).isInstanceOf(ConflictException.class)
			.hasMessageContaining("reopen it first");
	}
}
