package io.tierline.channel.chat;

import java.time.Clock;

import io.tierline.common.ConflictException;
import io.tierline.common.ForbiddenException;
import io.tierline.common.InvalidInputException;
import io.tierline.common.NotFoundException;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.TextMessage;
import org.springframework.web.socket.WebSocketSession;
import org.springframework.web.socket.handler.TextWebSocketHandler;

/**
 * What both chat sockets share: one JSON object per frame, a budget of frames per minute, and a
 * refused frame answered with an {@code error} frame instead of a dropped connection (SPEC §11).
 */
abstract class FrameHandler extends TextWebSocketHandler {

	private static final String OUT = "chat.out";
	private static final String BUDGET = "chat.budget";
	static final int MAX_FRAME_CHARS = 16 * 1024;

	final ChatSockets sockets;
	private final JsonMapper json;
	private final Clock clock;
	private final int framesPerMinute;

	FrameHandler(ChatSockets sockets, JsonMapper json, Clock clock, int framesPerMinute) {
		this.sockets = sockets;
		this.json = json;
		this.clock = clock;
		this.framesPerMinute = framesPerMinute;
	}

	/** Handles one well-formed frame; {@code out} is the socket to answer on (safe across threads). */
	abstract void handle(WebSocketSession out, String type, JsonNode frame);

	abstract void opened(WebSocketSession out);

	abstract void closed(WebSocketSession out);

	@Override
	public final void afterConnectionEstablished(WebSocketSession session) {
		session.setTextMessageSizeLimit(MAX_FRAME_CHARS);
		session.getAttributes().put(OUT, ChatSockets.concurrent(session));
		session.getAttributes().put(BUDGET, new FrameBudget(framesPerMinute, clock));
		opened(out(session));
	}

	@Override
	protected final void handleTextMessage(WebSocketSession session, TextMessage message) throws Exception {
		WebSocketSession out = out(session);
		if (!((FrameBudget) session.getAttributes().get(BUDGET)).spend()) {
			sockets.send(out, ChatFrames.error("Too many messages; the connection is closed"));
			session.close(CloseStatus.POLICY_VIOLATION.withReason("rate limit"));
			return;
		}
		try {
			JsonNode frame = json.readTree(message.getPayload());
			if (!frame.isObject() || !frame.path("type").isString()) {
				throw InvalidInputException.of("type", "every frame is a JSON object with a type");
			}
			handle(out, frame.get("type").stringValue(), frame);
		}
		catch (JacksonException e) {
			sockets.send(out, ChatFrames.error("A frame must be a JSON object"));
		}
		catch (InvalidInputException e) {
			sockets.send(out, ChatFrames.of("error", "message", "Invalid input", "errors", e.problems()));
		}
		catch (ConflictException | ForbiddenException | NotFoundException e) {
			sockets.send(out, ChatFrames.error(e.getMessage()));
		}
	}

	@Override
	public final void afterConnectionClosed(WebSocketSession session, CloseStatus status) {
		closed(out(session));
	}

	static String text(JsonNode frame, String field) {
		JsonNode value = frame.get(field);
		return value == null || value.isNull() ? null : value.isString() ? value.stringValue() : value.toString();
	}

	static long id(JsonNode frame, String field) {
		JsonNode value = frame.get(field);
		if (value == null || !value.canConvertToLong()) {
			throw InvalidInputException.of(field, "must be a chat id");
		}
		return value.asLong();
	}

	static Long chatOf(WebSocketSession session) {
		return (Long) session.getAttributes().get("chat.id");
	}

	private static WebSocketSession out(WebSocketSession session) {
		return (WebSocketSession) session.getAttributes().get(OUT);
	}
}
