package io.tierline.knowledge;

/** Who may read a published article: the client's requesters too, or only its staff. */
public enum Audience {
	PUBLIC, INTERNAL
}
