package io.tierline.channel.chat;

import java.time.Clock;
import java.util.Map;

import io.tierline.access.AccessManagement;
import io.tierline.access.Caller;
import io.tierline.common.InvalidInputException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.stereotype.Component;
import org.springframework.web.socket.WebSocketSession;

/**
 * {@code /chat/agent/ws}: the console's socket, opened from a signed-in session
 * ({@link AgentHandshake}). The caller is loaded again for every frame, so a grant taken away
 * stops working within seconds. Frames in: available, accept, line, typing, end.
 */
@Component
class AgentSocket extends FrameHandler {

	private static final int AGENT_FRAMES_PER_MINUTE = 600;

	private final ChatDesk desk;
	private final ChatTickets tickets;
	private final ChatBroadcasts broadcasts;
	private final Presence presence;
	private final AccessManagement access;

	AgentSocket(ChatSockets sockets, ChatDesk desk, ChatTickets tickets, ChatBroadcasts broadcasts, Presence presence,
			AccessManagement access, JsonMapper json, Clock clock) {
		super(sockets, json, clock, AGENT_FRAMES_PER_MINUTE);
		this.desk = desk;
		this.tickets = tickets;
		this.broadcasts = broadcasts;
		this.presence = presence;
		this.access = access;
	}

	/** A new console sees its presence, the waiting chats it may take, and its own open chats with their lines. */
	@Override
	void opened(WebSocketSession out) {
		Caller agent = caller(out);
		sockets.agentJoined(out);
		sockets.send(out, ChatFrames.of("hello", "name", agent.name(), "available", presence.isAvailable(agent.userId())));
		sockets.send(out, broadcasts.waitingList(agent));
		desk.activeOf(agent).forEach(chat -> sockets.send(out, accepted(chat)));
	}

	@Override
	void handle(WebSocketSession out, String type, JsonNode frame) {
		Caller agent = caller(out);
		switch (type) {
			case "available" -> available(agent, frame.path("available").asBoolean(false));
			case "accept" -> accept(agent, id(frame, "chatId"));
			case "line" -> line(agent, id(frame, "chatId"), text(frame, "text"));
			case "typing" -> typing(agent, id(frame, "chatId"));
			case "end" -> end(agent, id(frame, "chatId"));
			default -> throw InvalidInputException.of("type", "unknown frame type '" + type + "'");
		}
	}

	/** The last console of an agent closing makes them away. */
	@Override
	void closed(WebSocketSession out) {
		sockets.agentLeft(out);
		long userId = ChatSockets.userId(out);
		if (!sockets.agentConnected(userId) && presence.set(userId, false)) {
			broadcasts.presenceChanged();
		}
	}

	private void available(Caller agent, boolean available) {
		if (presence.set(agent.userId(), available)) {
			broadcasts.presenceChanged();
		}
		sockets.toAgent(agent.userId(), ChatFrames.of("presence", "available", available));
	}

	private void accept(Caller agent, long chatId) {
		Chat chat = desk.accept(agent, chatId);
		sockets.toAgent(agent.userId(), accepted(chat));
		sockets.toVisitor(chatId, ChatFrames.of("accepted", "agent", agent.name()));
		broadcasts.waitingChanged(chat.clientId());
	}

	private void line(Caller agent, long chatId, String text) {
		ChatLine line = desk.agentSays(agent, chatId, text);
		Map<String, Object> frame = ChatFrames.line(line, agent.name());
		sockets.toAgent(agent.userId(), frame);
		sockets.toVisitor(chatId, frame);
	}

	private void typing(Caller agent, long chatId) {
		if (desk.find(chatId).servedBy(agent.userId())) {
			sockets.toVisitor(chatId, ChatFrames.of("typing", "from", "agent", "name", agent.name()));
		}
	}

	private void end(Caller agent, long chatId) {
		Chat ended = desk.endByAgent(agent, chatId);
		sockets.toVisitor(chatId, ChatFrames.of("ended", "state", ended.state().name(), "by", "agent", "survey",
				tickets.surveyLink(ended.ticketId())));
		sockets.toAgent(agent.userId(), ChatFrames.of("ended", "chatId", chatId, "by", "agent"));
	}

	/** The chat as its agent works it: summary, ticket reference, transcript so far, whether the visitor is here. */
	private Map<String, Object> accepted(Chat chat) {
		String agentName = tickets.agentName(chat.agentId());
		var lines = desk.lines(chat.id()).stream()
			.map(l -> ChatFrames.line(l, l.author() == ChatLine.Author.AGENT ? agentName : chat.visitorName()))
			.toList();
		return ChatFrames.of("accepted", "chat", broadcasts.summary(chat), "ticket", tickets.number(chat.ticketId()), "ticketId",
				chat.ticketId(), "lines", lines, "visitorOnline", sockets.visitorOnline(chat.id()));
	}

	private Caller caller(WebSocketSession out) {
		return access.callerFor(ChatSockets.userId(out));
	}
}
