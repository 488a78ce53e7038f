package io.tierline.masking;

/** The check digit of payment card numbers (ISO/IEC 7812): what tells a card from any long number. */
final class Luhn {

	private Luhn() {
	}

	/** @param number digits, possibly separated by spaces or dashes */
	static boolean valid(String number) {
		int sum = 0;
		boolean twice = false;
		for (int i = number.length() - 1; i >= 0; i--) {
			char c = number.charAt(i);
			if (c < '0' || c > '9') {
				continue;
			}
			int digit = c - '0';
			if (twice) {
				digit = digit * 2 > 9 ? digit * 2 - 9 : digit * 2;
			}
			sum += digit;
			twice = !twice;
		}
		return sum % 10 == 0;
	}
}
