package io.tierline.channel.chat;

import java.time.Instant;

import io.tierline.common.ConflictException;

/**
 * One live chat of a visitor with a client's support. It waits until an agent accepts it (then it
 * becomes a CHAT ticket), or until the visitor leaves a message instead (an EMAIL ticket), and
 * ends when either side ends it. {@code agentId}, {@code ticketId} and the instants after
 * {@code requestedAt} are null until they happen.
 */
record Chat(long id, long clientId, String visitorName, String visitorEmail, State state, Instant requestedAt,
		Instant offeredAt, Instant acceptedAt, Instant endedAt, Long agentId, Long ticketId) {

	enum State {
		WAITING, ACTIVE, ENDED, MESSAGE_LEFT, ABANDONED
	}

	boolean isOpen() {
		return state == State.WAITING || state == State.ACTIVE;
	}

	Chat accepted(long agent, long ticket, Instant at) {
		require(state == State.WAITING, "This chat is no longer waiting; it is " + state);
		return new Chat(id, clientId, visitorName, visitorEmail, State.ACTIVE, requestedAt, offeredAt, at, null, agent, ticket);
	}

	/** A chat that was never accepted is abandoned; its lines stay on the chat, no ticket is opened. */
	Chat ended(Instant at) {
		require(isOpen(), "This chat has already ended");
		State next = state == State.ACTIVE ? State.ENDED : State.ABANDONED;
		return new Chat(id, clientId, visitorName, visitorEmail, next, requestedAt, offeredAt, acceptedAt, at, agentId, ticketId);
	}

	/** Only a waiting chat turns into a message: an accepted one already has its agent. */
	Chat messageLeft(long ticket, Instant at) {
		require(state == State.WAITING, "An agent has already accepted this chat");
		return new Chat(id, clientId, visitorName, visitorEmail, State.MESSAGE_LEFT, requestedAt, offeredAt, acceptedAt, at, null,
				ticket);
	}

	boolean servedBy(long userId) {
		return state == State.ACTIVE && agentId != null && agentId == userId;
	}

	private static void require(boolean condition, String message) {
		if (!condition) {
			throw new ConflictException("state", message);
		}
	}
}
