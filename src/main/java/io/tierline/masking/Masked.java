package io.tierline.masking;

import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Text after masking, and how many secrets of each kind were replaced in it.
 *
 * @param text the masked text; null only when the input was null
 * @param found the number of secrets replaced by kind, in the order of {@link SecretKind}; empty when none
 */
public record Masked(String text, Map<SecretKind, Integer> found) {

	public Masked {
		found = found.isEmpty() ? Map.of() : Collections.unmodifiableMap(new EnumMap<>(found));
	}

	/** The text as it came: nothing was masked. */
	public static Masked none(String text) {
		return new Masked(text, Map.of());
	}

	/** Whether anything was masked. */
	public boolean any() {
		return !found.isEmpty();
	}

	/** The kinds masked, in the order of {@link SecretKind}. */
	public List<SecretKind> kinds() {
		return List.copyOf(found.keySet());
	}
}
