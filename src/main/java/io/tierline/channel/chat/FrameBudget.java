package io.tierline.channel.chat;

import java.time.Clock;
import java.time.Instant;

/**
 * How many frames one connection may still send this minute (SPEC §11: bad input never harms
 * the service). A fixed window is enough against a script flooding one socket.
 */
final class FrameBudget {

	private final int perMinute;
	private final Clock clock;
	private Instant windowStart;
	private int used;

	FrameBudget(int perMinute, Clock clock) {
		this.perMinute = perMinute;
		this.clock = clock;
		this.windowStart = clock.instant();
	}

	synchronized boolean spend() {
		Instant now = clock.instant();
		if (now.isAfter(windowStart.plusSeconds(60))) {
			windowStart = now;
			used = 0;
		}
		return ++used <= perMinute;
	}
}
