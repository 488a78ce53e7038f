package io.tierline.channel.chat;

import java.time.Clock;
import java.util.Map;

import io.tierline.common.ConflictException;
import io.tierline.common.InvalidInputException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.stereotype.Component;
import org.springframework.web.socket.WebSocketSession;

/**
 * {@code /chat/ws}: the widget's socket, anonymous but bound by its handshake to one client with
 * chat enabled ({@link VisitorHandshake}). Frames in: start, resume, line, typing, leave, end.
 */
@Component
class VisitorSocket extends FrameHandler {

	private final ChatDesk desk;
	private final ChatTickets tickets;
	private final ChatBroadcasts broadcasts;
	private final ChatProperties properties;

	VisitorSocket(ChatSockets sockets, ChatDesk desk, ChatTickets tickets, ChatBroadcasts broadcasts, ChatProperties properties,
			JsonMapper json, Clock clock) {
		super(sockets, json, clock, properties.framesPerMinute());
		this.desk = desk;
		this.tickets = tickets;
		this.broadcasts = broadcasts;
		this.properties = properties;
	}

	@Override
	void opened(WebSocketSession out) {
		sockets.visitorConnected(out);
		sockets.send(out, broadcasts.presenceOf(ChatSockets.clientId(out)));
	}

	@Override
	void handle(WebSocketSession out, String type, JsonNode frame) {
		switch (type) {
			case "start" -> start(out, frame);
			case "resume" -> resume(out, text(frame, "token"));
			case "line" -> line(chat(out), text(frame, "text"));
			case "typing" -> typing(chat(out));
			case "leave" -> leave(chat(out), text(frame, "text"));
			case "end" -> end(chat(out));
			default -> throw InvalidInputException.of("type", "unknown frame type '" + type + "'");
		}
	}

	@Override
	void closed(WebSocketSession out) {
		sockets.visitorDisconnected(out);
		Long chatId = chatOf(out);
		if (chatId != null) {
			sockets.visitorLeft(chatId, out);
			Chat chat = desk.find(chatId);
			if (chat.agentId() != null && chat.isOpen()) {
				sockets.toAgent(chat.agentId(), ChatFrames.of("visitor", "chatId", chatId, "online", false));
			}
		}
	}

	private void start(WebSocketSession out, JsonNode frame) {
		if (chatOf(out) != null) {
			throw new ConflictException("state", "This connection already has a chat");
		}
		long clientId = ChatSockets.clientId(out);
		ChatDesk.Started started = desk.start(clientId, text(frame, "name"), text(frame, "email"), text(frame, "text"));
		join(out, started.chat());
		sockets.send(out, ChatFrames.of("started", "chatId", started.chat().id(), "token", started.token(), "state", "WAITING",
				"waitSeconds", properties.waitSeconds()));
		desk.lines(started.chat().id()).forEach(l -> sockets.send(out, ChatFrames.line(l, started.chat().visitorName())));
		broadcasts.waitingChanged(clientId);
	}

	/** After a page reload: the widget's stored token brings back the chat and its lines. */
	private void resume(WebSocketSession out, String token) {
		long clientId = ChatSockets.clientId(out);
		Chat chat = desk.byToken(token).filter(c -> c.clientId() == clientId).orElse(null);
		if (chat == null) {
			// the widget forgets its token on this code and offers a new chat
			sockets.send(out, ChatFrames.of("error", "message", "No chat for this token", "code", "unknown-token"));
			return;
		}
		join(out, chat);
		sockets.send(out, ChatFrames.of("started", "chatId", chat.id(), "token", null, "state", chat.state().name(), "waitSeconds",
				properties.waitSeconds()));
		String agentName = chat.agentId() == null ? null : tickets.agentName(chat.agentId());
		if (chat.state() == Chat.State.ACTIVE) {
			sockets.send(out, ChatFrames.of("accepted", "agent", agentName));
			sockets.toAgent(chat.agentId(), ChatFrames.of("visitor", "chatId", chat.id(), "online", true));
		}
		desk.lines(chat.id()).forEach(l -> sockets.send(out,
				ChatFrames.line(l, l.author() == ChatLine.Author.AGENT ? agentName : chat.visitorName())));
		if (chat.state() == Chat.State.WAITING && chat.offeredAt() != null) {
			sockets.send(out, offer());
		}
		else if (!chat.isOpen()) {
			sockets.send(out, ChatFrames.of("ended", "state", chat.state().name()));
		}
	}

	private void line(Chat chat, String text) {
		ChatLine line = desk.visitorSays(chat.id(), text);
		Map<String, Object> frame = ChatFrames.line(line, chat.visitorName());
		sockets.toVisitor(chat.id(), frame);
		if (chat.agentId() != null) {
			sockets.toAgent(chat.agentId(), frame);
		}
	}

	private void typing(Chat chat) {
		if (chat.state() == Chat.State.ACTIVE) {
			sockets.toAgent(chat.agentId(), ChatFrames.of("typing", "chatId", chat.id(), "from", "visitor"));
		}
	}

	private void leave(Chat chat, String text) {
		Chat left = desk.leaveMessage(chat.id(), text);
		sockets.toVisitor(chat.id(), ChatFrames.of("left", "ticket", tickets.number(left.ticketId())));
		broadcasts.waitingChanged(chat.clientId());
	}

	private void end(Chat chat) {
		Chat ended = desk.endByVisitor(chat.id());
		sockets.toVisitor(chat.id(), ChatFrames.of("ended", "state", ended.state().name(), "by", "visitor", "survey",
				tickets.surveyLink(ended.ticketId())));
		if (ended.agentId() != null) {
			sockets.toAgent(ended.agentId(), ChatFrames.of("ended", "chatId", chat.id(), "by", "visitor"));
		}
		else {
			broadcasts.waitingChanged(chat.clientId());
		}
	}

	Map<String, Object> offer() {
		return ChatFrames.of("offer", "reason", "No agent could take your chat within " + properties.waitSeconds() + " seconds",
				"waitSeconds", properties.waitSeconds());
	}

	private void join(WebSocketSession out, Chat chat) {
		out.getAttributes().put("chat.id", chat.id());
		sockets.visitorJoined(chat.id(), out);
	}

	private Chat chat(WebSocketSession out) {
		Long chatId = chatOf(out);
		if (chatId == null) {
			throw new ConflictException("state", "Start or resume a chat first");
		}
		return desk.find(chatId);
	}
}
