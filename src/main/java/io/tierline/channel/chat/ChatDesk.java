package io.tierline.channel.chat;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

import io.tierline.access.AccessManagement;
import io.tierline.access.Caller;
import io.tierline.common.ConflictException;
import io.tierline.common.ForbiddenException;
import io.tierline.common.InputCheck;
import io.tierline.common.NotFoundException;
import io.tierline.common.Sha256;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The life of a chat: a visitor starts it and waits; an agent who serves the client accepts it
 * (the CHAT ticket is opened then) or the visitor leaves a message instead (an EMAIL ticket).
 * Opening the ticket only on acceptance is what keeps "exactly one ticket" simple: a chat that
 * becomes a message never had a CHAT ticket to close.
 */
@Service
class ChatDesk {

	private static final SecureRandom RANDOM = new SecureRandom();

	/** {@code token} lets the widget resume the chat after a page reload; only its hash is stored. */
	record Started(Chat chat, String token) {
	}

	private final Chats chats;
	private final ChatTickets tickets;
	private final AccessManagement access;
	private final ChatProperties properties;
	private final Clock clock;

	ChatDesk(Chats chats, ChatTickets tickets, AccessManagement access, ChatProperties properties, Clock clock) {
		this.chats = chats;
		this.tickets = tickets;
		this.access = access;
		this.properties = properties;
		this.clock = clock;
	}

	@Transactional
	public Started start(long clientId, String name, String email, String text) {
		var check = new InputCheck();
		String visitorName = check.text(name, "name", 200, false);
		String address = check.text(email, "email", 320, true);
		check.require(address == null || address.matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+"), "email", "must be an e-mail address");
		String first = line(check, text, false);
		check.throwIfInvalid();
		address = address.toLowerCase();
		refuseStaffAddress(address);
		String token = token();
		Instant now = clock.instant();
		long id = chats.insert(clientId, Sha256.hex(token), visitorName, address, now);
		if (first != null) {
			chats.addLine(id, ChatLine.Author.VISITOR, null, first, now);
		}
		return new Started(chats.find(id).orElseThrow(), token);
	}

	Optional<Chat> byToken(String token) {
		return token == null || token.length() > 100 ? Optional.empty() : chats.findByToken(Sha256.hex(token));
	}

	Chat find(long chatId) {
		return chats.find(chatId).orElseThrow(() -> new NotFoundException("Chat " + chatId));
	}

	List<ChatLine> lines(long chatId) {
		return chats.lines(chatId);
	}

	@Transactional
	public ChatLine visitorSays(long chatId, String text) {
		Chat chat = find(chatId);
		String body = checkedLine(text);
		if (!chat.isOpen()) {
			throw new ConflictException("state", "This chat has ended");
		}
		Instant now = clock.instant();
		long lineId = chats.addLine(chatId, ChatLine.Author.VISITOR, null, body, now);
		if (chat.state() == Chat.State.ACTIVE) {
			tickets.visitorLine(chat, body);
		}
		return new ChatLine(lineId, chatId, ChatLine.Author.VISITOR, null, body, now);
	}

	@Transactional
	public Chat accept(Caller agent, long chatId) {
		Chat chat = served(agent, chatId);
		Instant now = clock.instant();
		long ticketId = tickets.openOnAcceptance(chat, chats.lines(chatId), agent, now);
		Chat accepted = chat.accepted(agent.userId(), ticketId, now);
		if (!chats.update(accepted, Chat.State.WAITING)) {
			// another agent (perhaps on another node) accepted it first: the ticket opened here rolls back
			throw new ConflictException("state", "Another agent has just accepted this chat");
		}
		return accepted;
	}

	@Transactional
	public ChatLine agentSays(Caller agent, long chatId, String text) {
		Chat chat = find(chatId);
		String body = checkedLine(text);
		if (!chat.servedBy(agent.userId())) {
			throw new ForbiddenException("You are not the agent of this chat");
		}
		Instant now = clock.instant();
		long lineId = chats.addLine(chatId, ChatLine.Author.AGENT, agent.userId(), body, now);
		tickets.agentLine(agent, chat, body);
		return new ChatLine(lineId, chatId, ChatLine.Author.AGENT, agent.userId(), body, now);
	}

	@Transactional
	public Chat endByVisitor(long chatId) {
		return end(find(chatId), "visitor");
	}

	@Transactional
	public Chat endByAgent(Caller agent, long chatId) {
		Chat chat = find(chatId);
		if (!chat.servedBy(agent.userId())) {
			throw new ForbiddenException("You are not the agent of this chat");
		}
		return end(chat, "agent");
	}

	/** SPEC §4, issue 5: no agent in time, so the visitor's message becomes an EMAIL ticket. */
	@Transactional
	public Chat leaveMessage(long chatId, String text) {
		Chat chat = find(chatId);
		var check = new InputCheck();
		String message = check.text(text, "text", 10_000, true);
		check.throwIfInvalid();
		if (chat.state() != Chat.State.WAITING) {
			throw new ConflictException("state", chat.state() == Chat.State.ACTIVE ? "An agent has already accepted this chat"
					: "This chat has ended");
		}
		Chat left = chat.messageLeft(tickets.leftMessage(chat, chats.lines(chatId), message), clock.instant());
		if (!chats.update(left, Chat.State.WAITING)) {
			throw new ConflictException("state", "An agent has just accepted this chat");
		}
		return left;
	}

	List<Chat> waitingFor(Caller agent) {
		return chats.inState(ChatAccess.servedClients(agent, access), Chat.State.WAITING, 0, 100);
	}

	List<Chat> activeOf(Caller agent) {
		return chats.activeOf(agent.userId());
	}

	private Chat end(Chat chat, String by) {
		Chat ended = chat.ended(clock.instant());
		if (!chats.update(ended, chat.state())) {
			throw new ConflictException("state", "The chat changed meanwhile; try again");
		}
		if (ended.ticketId() != null) {
			tickets.ended(ended, by);
		}
		return ended;
	}

	private Chat served(Caller agent, long chatId) {
		Chat chat = chats.find(chatId).filter(c -> ChatAccess.mayRead(agent, c.clientId()))
			.orElseThrow(() -> new NotFoundException("Chat " + chatId));
		if (!ChatAccess.mayServe(agent, chat.clientId())) {
			throw new ForbiddenException("Only an independent agent with a T1 grant on this client takes its chats");
		}
		return chat;
	}

	/** A visitor posing as staff would write as them on the ticket; staff use the console instead. */
	private void refuseStaffAddress(String email) {
		access.userByEmail(email).map(u -> access.callerFor(u.id())).filter(Caller::isStaff).ifPresent(staff -> {
			throw new ForbiddenException("This e-mail address cannot be used to chat");
		});
	}

	private String checkedLine(String text) {
		var check = new InputCheck();
		String body = line(check, text, true);
		check.throwIfInvalid();
		return body;
	}

	private String line(InputCheck check, String text, boolean required) {
		return check.text(text, "text", properties.maxLine(), required);
	}

	private static String token() {
		byte[] bytes = new byte[24];
		RANDOM.nextBytes(bytes);
		return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
	}
}
