package io.tierline.channel.chat;

import java.time.Instant;

/** A line of a chat's transcript; {@code authorId} is null for the visitor before they have an account. */
record ChatLine(long id, long chatId, Author author, Long authorId, String body, Instant at) {

	enum Author {
		VISITOR, AGENT
	}
}
