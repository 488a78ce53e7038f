package io.tierline.escalation;

import java.util.List;

/**
 * A field of the environment capture template an escalation of a ticket must fill in (SPEC §3).
 *
 * @param type {@code TEXT}, {@code VERSION}, {@code NUMBER}, {@code EMAIL}, {@code URL}, {@code ACCOUNT_ID} or {@code CHOICE}
 * @param options the allowed values of a CHOICE field; empty otherwise
 */
public record EnvironmentField(String key, String label, String type, boolean required, List<String> options) {
}
