package io.tierline.escalation.internal;

import java.util.List;
import java.util.regex.Pattern;

/**
 * One field of a category's environment capture template (SPEC §3): what an escalation must
 * say about where the problem happens.
 *
 * @param options the allowed values of a CHOICE field; empty otherwise
 */
public record CaptureField(String key, String label, Type type, boolean required, List<String> options) {

	public static final Pattern KEY = Pattern.compile("[a-z][A-Za-z0-9_]{0,39}");

	public enum Type {
		TEXT("any text", ".+"),
		VERSION("a version such as 4.2.1", "v?\\d+(\\.\\d+){0,3}([-+][0-9A-Za-z.-]+)?"),
		NUMBER("a number", "-?\\d+(\\.\\d+)?"),
		EMAIL("an e-mail address", "[^@\\s]+@[^@\\s]+\\.[^@\\s]+"),
		URL("an http(s) URL", "https?://\\S+"),
		ACCOUNT_ID("an account id (letters, digits, . _ : -)", "[A-Za-z0-9._:-]{1,64}"),
		CHOICE("one of the listed options", ".+");

		private final String description;
		private final Pattern pattern;

		Type(String description, String pattern) {
			this.description = description;
			this.pattern = Pattern.compile(pattern, Pattern.DOTALL);
		}

		public String description() {
			return description;
		}

		boolean accepts(String value) {
			return pattern.matcher(value).matches();
		}
	}

	public CaptureField {
		options = options == null ? List.of() : List.copyOf(options);
	}

	/** @return null when the value is acceptable, else what is wrong with it */
	String problemWith(String value) {
		if (value.length() > 1000) {
			return "must be at most 1000 characters";
		}
		if (type == Type.CHOICE) {
			return options.contains(value) ? null : "must be one of " + options;
		}
		return type.accepts(value) ? null : "must be " + type.description();
	}
}
