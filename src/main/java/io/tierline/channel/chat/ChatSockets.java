package io.tierline.channel.chat;

import java.io.IOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongPredicate;

import tools.jackson.databind.json.JsonMapper;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.TextMessage;
import org.springframework.web.socket.WebSocketSession;
import org.springframework.web.socket.handler.ConcurrentWebSocketSessionDecorator;

/**
 * The open sockets of this node: a visitor's per chat, an agent's per browser tab. Kept in memory,
 * so relaying a chat needs its visitor and agent on the same node (docs/chat.md: sticky sessions).
 * Sends are serialised per socket by a decorator, as several threads may write to one socket.
 */
@Component
class ChatSockets {

	private static final Logger log = LoggerFactory.getLogger(ChatSockets.class);
	static final String CLIENT_ID = "chat.clientId";
	static final String USER_ID = "chat.userId";

	private final Map<String, WebSocketSession> connectedVisitors = new ConcurrentHashMap<>();
	private final Map<Long, WebSocketSession> visitors = new ConcurrentHashMap<>();
	private final Map<String, WebSocketSession> agents = new ConcurrentHashMap<>();
	private final JsonMapper json;

	ChatSockets(JsonMapper json) {
		this.json = json;
	}

	static WebSocketSession concurrent(WebSocketSession session) {
		return new ConcurrentWebSocketSessionDecorator(session, 5_000, 256 * 1024);
	}

	/** Every open widget, with or without a chat yet: they all hear presence changes. */
	void visitorConnected(WebSocketSession session) {
		connectedVisitors.put(session.getId(), session);
	}

	void visitorDisconnected(WebSocketSession session) {
		connectedVisitors.remove(session.getId());
	}

	/** The visitor's socket for the chat; a reload's new socket replaces the old one. */
	void visitorJoined(long chatId, WebSocketSession session) {
		WebSocketSession previous = visitors.put(chatId, session);
		if (previous != null && !previous.getId().equals(session.getId())) {
			close(previous);
		}
	}

	void visitorLeft(long chatId, WebSocketSession session) {
		visitors.computeIfPresent(chatId, (id, s) -> s.getId().equals(session.getId()) ? null : s);
	}

	boolean visitorOnline(long chatId) {
		return visitors.containsKey(chatId);
	}

	void agentJoined(WebSocketSession session) {
		agents.put(session.getId(), session);
	}

	void agentLeft(WebSocketSession session) {
		agents.remove(session.getId());
	}

	boolean agentConnected(long userId) {
		return agents.values().stream().anyMatch(s -> userId(s) == userId);
	}

	void toVisitor(long chatId, Map<String, Object> frame) {
		WebSocketSession session = visitors.get(chatId);
		if (session != null) {
			send(session, frame);
		}
	}

	/** Every visitor socket of the client's chats. */
	void toVisitorsOf(long clientId, Map<String, Object> frame) {
		connectedVisitors.values().stream().filter(s -> clientId(s) == clientId).forEach(s -> send(s, frame));
	}

	void toAgent(long userId, Map<String, Object> frame) {
		toAgents(id -> id == userId, frame);
	}

	void toAgents(LongPredicate who, Map<String, Object> frame) {
		agents.values().stream().filter(s -> who.test(userId(s))).forEach(s -> send(s, frame));
	}

	Iterable<Long> connectedAgents() {
		return agents.values().stream().map(ChatSockets::userId).distinct().toList();
	}

	void send(WebSocketSession session, Map<String, Object> frame) {
		try {
			if (session.isOpen()) {
				session.sendMessage(new TextMessage(json.writeValueAsString(frame)));
			}
		}
		catch (IOException | IllegalStateException e) {
			// a socket that went away mid-send; its close callback cleans up
			log.debug("chat frame not delivered to {}: {}", session.getId(), e.getMessage());
		}
	}

	static long userId(WebSocketSession session) {
		return (Long) session.getAttributes().get(USER_ID);
	}

	static long clientId(WebSocketSession session) {
		return (Long) session.getAttributes().get(CLIENT_ID);
	}

	private static void close(WebSocketSession session) {
		try {
			session.close(CloseStatus.NORMAL.withReason("continued in another window"));
		}
		catch (IOException ignored) {
			// already gone
		}
	}
}
