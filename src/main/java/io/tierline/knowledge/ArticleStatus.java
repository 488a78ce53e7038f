package io.tierline.knowledge;

/** SPEC §5 workflow of an article's newest revision. */
public enum ArticleStatus {
	DRAFT, IN_REVIEW, PUBLISHED, ARCHIVED
}
