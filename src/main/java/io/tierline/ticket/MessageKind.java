package io.tierline.ticket;

/**
 * SPEC §2: only a substantive public reply stops the first-response clock; auto-replies and
 * "we are looking into it" templates are acknowledgements.
 */
public enum MessageKind {
	SUBSTANTIVE, ACKNOWLEDGEMENT
}
