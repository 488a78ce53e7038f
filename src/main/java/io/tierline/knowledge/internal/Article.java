package io.tierline.knowledge.internal;

import java.time.Instant;

import io.tierline.common.ConflictException;
import io.tierline.knowledge.ArticleKind;
import io.tierline.knowledge.ArticleStatus;
import io.tierline.knowledge.Audience;

/**
 * An article's head revision and its place in the SPEC §5 workflow. It refuses a transition the
 * workflow does not allow; who may ask for one is {@link ArticleAccess}'s decision.
 */
public class Article {

	private Long id;
	private final long clientId;
	private final ArticleKind kind;
	private ArticleStatus status;
	private int version;
	private Audience audience;
	private String title;
	private Long knownIssueId;
	private Integer publishedVersion;
	private String publishedTitle;
	private Instant publishedAt;
	private final long createdBy;
	private final Instant createdAt;
	private Instant updatedAt;

	Article(Long id, long clientId, ArticleKind kind, ArticleStatus status, int version, Audience audience, String title,
			Integer publishedVersion, String publishedTitle, Instant publishedAt, long createdBy, Instant createdAt,
			Instant updatedAt) {
		this.id = id;
		this.clientId = clientId;
		this.kind = kind;
		this.status = status;
		this.version = version;
		this.audience = audience;
		this.title = title;
		this.publishedVersion = publishedVersion;
		this.publishedTitle = publishedTitle;
		this.publishedAt = publishedAt;
		this.createdBy = createdBy;
		this.createdAt = createdAt;
		this.updatedAt = updatedAt;
	}

	static Article draft(long clientId, ArticleKind kind, Audience audience, String title, long author, Instant now) {
		return new Article(null, clientId, kind, ArticleStatus.DRAFT, 1, audience, title, null, null, null, author, now, now);
	}

	/**
	 * A new revision. Editing a published article leaves the published version readable and
	 * starts a draft revision beside it (a proposed edit); an archived article is not edited.
	 */
	void revise(Audience audience, String title, Instant now) {
		if (status == ArticleStatus.ARCHIVED) {
			throw new ConflictException("status", "An archived article is not edited; restore it first");
		}
		this.version++;
		this.audience = audience;
		this.title = title;
		this.status = ArticleStatus.DRAFT;
		this.updatedAt = now;
	}

	void submit(Instant now) {
		move(ArticleStatus.DRAFT, ArticleStatus.IN_REVIEW, now);
	}

	/** Back to draft with the reviewer's note (the note is kept with the transition). */
	void reject(Instant now) {
		move(ArticleStatus.IN_REVIEW, ArticleStatus.DRAFT, now);
	}

	/** A reviewer publishes the head revision, from review or straight from their own draft. */
	void publish(Instant now) {
		if (status != ArticleStatus.IN_REVIEW && status != ArticleStatus.DRAFT) {
			throw new ConflictException("status", "Only a draft or a revision in review is published; this article is " + status);
		}
		status = ArticleStatus.PUBLISHED;
		publishedVersion = version;
		publishedTitle = title;
		publishedAt = now;
		updatedAt = now;
	}

	void archive(Instant now) {
		if (status == ArticleStatus.ARCHIVED) {
			throw new ConflictException("status", "The article is already archived");
		}
		status = ArticleStatus.ARCHIVED;
		updatedAt = now;
	}

	/** An archived article comes back as a draft of its newest version; readers see it again only once republished. */
	void restore(Instant now) {
		move(ArticleStatus.ARCHIVED, ArticleStatus.DRAFT, now);
		publishedVersion = null;
		publishedTitle = null;
		publishedAt = null;
	}

	private void move(ArticleStatus from, ArticleStatus to, Instant now) {
		if (status != from) {
			throw new ConflictException("status", "Only an article in " + from + " can move to " + to + "; this one is " + status);
		}
		status = to;
		updatedAt = now;
	}

	/** Whether readers (requesters for a public article, staff otherwise) see a published version. */
	public boolean readable() {
		return publishedVersion != null && status != ArticleStatus.ARCHIVED;
	}

	public String reference() {
		return "KB-" + id;
	}

	void assignId(long id) {
		this.id = id;
	}

	/** The known issue (SPEC §3) a KNOWN_ISSUE article explains; null when none. */
	public Long knownIssueId() {
		return knownIssueId;
	}

	void linkKnownIssue(Long knownIssueId) {
		this.knownIssueId = knownIssueId;
	}

	public Long id() {
		return id;
	}

	public long clientId() {
		return clientId;
	}

	public ArticleKind kind() {
		return kind;
	}

	public ArticleStatus status() {
		return status;
	}

	public int version() {
		return version;
	}

	public Audience audience() {
		return audience;
	}

	public String title() {
		return title;
	}

	public Integer publishedVersion() {
		return publishedVersion;
	}

	public String publishedTitle() {
		return publishedTitle;
	}

	public Instant publishedAt() {
		return publishedAt;
	}

	public long createdBy() {
		return createdBy;
	}

	public Instant createdAt() {
		return createdAt;
	}

	public Instant updatedAt() {
		return updatedAt;
	}
}
