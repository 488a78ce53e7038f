package io.tierline.channel.phone;

import io.tierline.common.InputCheck;

/**
 * Phone numbers as telephony systems send them ({@code +1 (555) 010-2030}, {@code 0049 30 1234}),
 * kept as {@code +} and digits so that the same caller is recognised however the number is written.
 */
final class PhoneNumbers {

	private PhoneNumbers() {
	}

	/** @return the normalised number, or null (a problem is recorded) when it is not a phone number */
	static String normalise(String value, String field, InputCheck check, boolean required) {
		String text = check.text(value, field, 40, required);
		if (text == null) {
			return null;
		}
		String compact = text.replaceAll("[\\s().\\-/]", "");
		String number = compact.startsWith("00") ? "+" + compact.substring(2) : compact;
		if (!number.matches("\\+?\\d{3,20}")) {
			check.add(field, "must be a phone number (digits, optionally starting with +)");
			return null;
		}
		return number;
	}

	/**
	 * The e-mail address a requester known only by phone is filed under. The {@code .invalid} top
	 * level domain (RFC 2606) can never receive mail, and the client in it keeps a number calling two
	 * clients as two people, as tenant isolation asks.
	 */
	static String placeholderEmail(String number, String clientSlug) {
		return "tel" + number.replace("+", "-") + "@" + clientSlug + ".phone.invalid";
	}
}
