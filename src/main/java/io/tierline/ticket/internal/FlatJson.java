package io.tierline.ticket.internal;

import java.util.Map;

import tools.jackson.databind.json.JsonMapper;

/**
 * An event's data as JSON, written directly when it is flat (strings, whole numbers, booleans,
 * nulls), as it is for every imported event: an import writes millions of these small objects, and
 * a serializer call each cost more than the rest of the event. Anything else goes to Jackson. The
 * text is the same as Jackson's: no spaces, only {@code "}, {@code \} and control characters escaped.
 */
final class FlatJson {

	private FlatJson() {
	}

	static String write(Map<String, Object> data, JsonMapper json) {
		StringBuilder out = new StringBuilder(16 + 24 * data.size()).append('{');
		for (Map.Entry<String, Object> e : data.entrySet()) {
			Object value = e.getValue();
			if (out.length() > 1) {
				out.append(',');
			}
			string(out, e.getKey()).append(':');
			if (value == null) {
				out.append("null");
			}
			else if (value instanceof String s) {
				string(out, s);
			}
			else if (value instanceof Integer || value instanceof Long || value instanceof Short || value instanceof Boolean) {
				out.append(value);
			}
			else {
				return json.writeValueAsString(data);
			}
		}
		return out.append('}').toString();
	}

	private static StringBuilder string(StringBuilder out, String s) {
		out.append('"');
		for (int i = 0; i < s.length(); i++) {
			char c = s.charAt(i);
			if (c == '"' || c == '\\') {
				out.append('\\').append(c);
			}
			else if (c < 0x20) {
				switch (c) {
					case '\n' -> out.append("\\n");
					case '\r' -> out.append("\\r");
					case '\t' -> out.append("\\t");
					case '\b' -> out.append("\\b");
					case '\f' -> out.append("\\f");
					default -> out.append(String.format("\\u%04X", (int) c));
				}
			}
			else {
				out.append(c);
			}
		}
		return out.append('"');
	}
}
