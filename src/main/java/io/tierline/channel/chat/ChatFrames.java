package io.tierline.channel.chat;

import java.util.LinkedHashMap;
import java.util.Map;

/** The JSON frames the sockets send (docs/chat.md lists them); built as ordered maps. */
final class ChatFrames {

	private ChatFrames() {
	}

	/** A frame of {@code type} with key/value pairs; a null value is sent as null. */
	static Map<String, Object> of(String type, Object... pairs) {
		var frame = new LinkedHashMap<String, Object>();
		frame.put("type", type);
		for (int i = 0; i + 1 < pairs.length; i += 2) {
			frame.put((String) pairs[i], pairs[i + 1]);
		}
		return frame;
	}

	static Map<String, Object> line(ChatLine line, String name) {
		return of("line", "chatId", line.chatId(), "from", line.author().name().toLowerCase(), "name", name, "text", line.body(),
				"at", line.at().toString());
	}

	static Map<String, Object> error(String message) {
		return of("error", "message", message);
	}
}
