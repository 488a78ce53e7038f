package io.tierline.escalation.internal;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.tierline.common.InvalidInputException;
import io.tierline.escalation.KnownIssueStatus;

/**
 * A known defect of one client and its workaround (SPEC §3). Guards its own rule: a FIXED issue
 * names the version that fixed it. The linked-ticket count is not changed here: links change it
 * atomically in the database ({@link KnownIssueLinks}), so concurrent links never lose a count.
 */
public class KnownIssue {

	private Long id;
	private final long clientId;
	private String title;
	private String symptoms;
	private String workaround;
	private List<KnownIssueSignature> signatures;
	private KnownIssueStatus status;
	private String fixedInVersion;
	private Long productId;
	private final int linkedCount;
	private final long createdBy;
	private final Instant createdAt;
	private Instant updatedAt;

	KnownIssue(Long id, long clientId, String title, String symptoms, String workaround, List<KnownIssueSignature> signatures,
			KnownIssueStatus status, String fixedInVersion, Long productId, int linkedCount, long createdBy, Instant createdAt,
			Instant updatedAt) {
		this.id = id;
		this.clientId = clientId;
		this.title = title;
		this.symptoms = symptoms;
		this.workaround = workaround;
		this.signatures = List.copyOf(signatures);
		this.status = status;
		this.fixedInVersion = fixedInVersion;
		this.productId = productId;
		this.linkedCount = linkedCount;
		this.createdBy = createdBy;
		this.createdAt = createdAt;
		this.updatedAt = updatedAt;
	}

	static KnownIssue create(long clientId, KnownIssueDraft draft, long createdBy, Instant at) {
		requireVersionWhenFixed(draft);
		return new KnownIssue(null, clientId, draft.title(), draft.symptoms(), draft.workaround(), draft.signatures(),
				draft.status(), draft.fixedInVersion(), draft.productId(), 0, createdBy, at, at);
	}

	/** @return whether this revision marked the issue FIXED (it was not before) */
	boolean revise(KnownIssueDraft draft, Instant at) {
		requireVersionWhenFixed(draft);
		boolean becameFixed = draft.status().isFixed() && !status.isFixed();
		title = draft.title();
		symptoms = draft.symptoms();
		workaround = draft.workaround();
		signatures = List.copyOf(draft.signatures());
		status = draft.status();
		fixedInVersion = draft.fixedInVersion();
		productId = draft.productId();
		updatedAt = at;
		return becameFixed;
	}

	/** The same issue with another status (a status change keeps every other field). */
	KnownIssueDraft withStatus(KnownIssueStatus newStatus, String version) {
		return new KnownIssueDraft(title, symptoms, workaround, signatures, newStatus, version, productId);
	}

	/** What the audit log keeps of the issue before and after a change. */
	Map<String, Object> snapshot() {
		Map<String, Object> state = new LinkedHashMap<>();
		state.put("title", title);
		state.put("status", status.name());
		if (fixedInVersion != null) {
			state.put("fixedInVersion", fixedInVersion);
		}
		if (productId != null) {
			state.put("productId", productId);
		}
		state.put("signatures", signatures.stream().map(s -> s.kind() + ":" + s.pattern()).toList());
		state.put("symptoms", symptoms == null ? "" : symptoms);
		state.put("workaround", workaround == null ? "" : workaround);
		return state;
	}

	private static void requireVersionWhenFixed(KnownIssueDraft draft) {
		if (draft.status().isFixed() && (draft.fixedInVersion() == null || draft.fixedInVersion().isBlank())) {
			throw InvalidInputException.of("fixedInVersion", "is required when the status is FIXED");
		}
	}

	void assignId(long id) {
		this.id = id;
	}

	public Long id() { return id; }
	public long clientId() { return clientId; }
	public String title() { return title; }
	public String symptoms() { return symptoms; }
	public String workaround() { return workaround; }
	public List<KnownIssueSignature> signatures() { return signatures; }
	public KnownIssueStatus status() { return status; }
	public String fixedInVersion() { return fixedInVersion; }
	public Long productId() { return productId; }
	public int linkedCount() { return linkedCount; }
	public long createdBy() { return createdBy; }
	public Instant createdAt() { return createdAt; }
	public Instant updatedAt() { return updatedAt; }
}
