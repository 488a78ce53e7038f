package io.tierline.masking;

import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;

import org.springframework.stereotype.Component;

/**
 * Replaces secrets in text with a readable marker: {@code [masked: API key]}; for a card number
 * {@code [masked: card ending 4242]}. For key–value pairs, URLs and headers only the secret part is
 * replaced ({@code password=[masked: password]}, {@code https://bob:[masked: password in URL]@db}).
 * Masking masked text changes nothing. Every pattern is bounded, so the time is linear in the text;
 * a rule whose literals the text does not hold is skipped without running its pattern.
 */
@Component
public class SecretMasking {

	/**
	 * @param text may be null (returned as is)
	 * @return the masked text and what was found in it
	 */
	public Masked mask(String text) {
		if (text == null || text.isEmpty()) {
			return Masked.none(text);
		}
		Map<SecretKind, Integer> found = new EnumMap<>(SecretKind.class);
		String masked = text;
		String lowerCase = text.toLowerCase(Locale.ROOT);
		for (SecretRule rule : SecretRules.ALL) {
			String before = masked;
			masked = rule.apply(masked, lowerCase, found);
			if (masked != before) {
				lowerCase = masked.toLowerCase(Locale.ROOT);
			}
		}
		return new Masked(masked, found);
	}
}
