package io.tierline.escalation.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

import io.tierline.common.InputCheck;
import io.tierline.escalation.KnownIssueStatus;

/**
 * What a request says a known issue is, once validated. {@code symptoms}, {@code workaround},
 * {@code fixedInVersion} and {@code productId} may be null.
 */
public record KnownIssueDraft(String title, String symptoms, String workaround, List<KnownIssueSignature> signatures,
		KnownIssueStatus status, String fixedInVersion, Long productId) {

	static final int MAX_TEXT = 10_000;
	static final int MAX_SIGNATURES = 20;

	/** A known issue as the API and the pages hand it in; enums are strings so a wrong value is reported by field. */
	public record Input(String client, String title, String symptoms, List<KnownIssueSignature.Input> signatures,
			String workaround, String status, String fixedInVersion, String product) {
	}

	/**
	 * Validates every field at once.
	 *
	 * @param products finds a product of the issue's client by slug
	 * @param currentStatus the status when the input names none (OPEN for a new issue)
	 * @return null when the check recorded a problem
	 */
	static KnownIssueDraft check(InputCheck check, Input input, Function<String, Optional<Long>> products,
			KnownIssueStatus currentStatus) {
		String title = check.text(input.title(), "title", 200, true);
		String symptoms = check.text(input.symptoms(), "symptoms", MAX_TEXT, false);
		String workaround = check.text(input.workaround(), "workaround", MAX_TEXT, false);
		KnownIssueStatus status = check.enumValue(input.status(), KnownIssueStatus.class, "status", currentStatus);
		String version = check.text(input.fixedInVersion(), "fixedInVersion", 60, false);
		check.require(status != KnownIssueStatus.FIXED || version != null, "fixedInVersion", "is required when the status is FIXED");
		Long productId = check.lookup(input.product(), products, "product", "product");
		List<KnownIssueSignature> signatures = signatures(check, input.signatures());
		return check.hasProblems() ? null : new KnownIssueDraft(title, symptoms, workaround, signatures, status, version, productId);
	}

	private static List<KnownIssueSignature> signatures(InputCheck check, List<KnownIssueSignature.Input> inputs) {
		if (inputs == null) {
			return List.of();
		}
		check.require(inputs.size() <= MAX_SIGNATURES, "signatures", "at most " + MAX_SIGNATURES + " signatures");
		List<KnownIssueSignature> valid = new ArrayList<>();
		for (int i = 0; i < inputs.size() && i < MAX_SIGNATURES; i++) {
			KnownIssueSignature signature = KnownIssueSignature.check(check, inputs.get(i), i);
			if (signature != null && !valid.contains(signature)) {
				valid.add(signature);
			}
		}
		return List.copyOf(valid);
	}
}
