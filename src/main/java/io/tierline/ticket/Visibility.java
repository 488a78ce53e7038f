package io.tierline.ticket;

/** A public reply reaches the requester; an internal note never does. */
public enum Visibility {
	PUBLIC, INTERNAL
}
