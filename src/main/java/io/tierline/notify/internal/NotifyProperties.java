package io.tierline.notify.internal;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code tierline.notify.*}: retry and lease timing of the e-mail and webhook workers.
 *
 * @param baseDelay the wait after the first failed attempt; each further failure doubles it
 * @param maxDelay the longest wait between two attempts
 * @param maxAttempts attempts before a delivery is given up as FAILED
 * @param lease how long a worker owns a claimed delivery; after it another node may retry it
 * @param timeout how long a webhook receiver may take to answer
 * @param mailFrom the sender of notification e-mails
 */
@ConfigurationProperties("tierline.notify")
public record NotifyProperties(Duration baseDelay, Duration maxDelay, Integer maxAttempts, Duration lease, Duration timeout,
		String mailFrom) {

	public NotifyProperties {
		baseDelay = baseDelay == null ? Duration.ofSeconds(30) : baseDelay;
		maxDelay = maxDelay == null ? Duration.ofHours(1) : maxDelay;
		maxAttempts = maxAttempts == null ? 8 : maxAttempts;
		lease = lease == null ? Duration.ofSeconds(60) : lease;
		timeout = timeout == null ? Duration.ofSeconds(10) : timeout;
		mailFrom = mailFrom == null ? "notifications@tierline.local" : mailFrom;
	}

	/** Exponential back-off: base, 2×base, 4×base … capped at the maximum. */
	public Duration delayAfter(int attempts) {
		Duration delay = baseDelay.multipliedBy(1L << Math.min(Math.max(attempts - 1, 0), 20));
		return delay.compareTo(maxDelay) > 0 ? maxDelay : delay;
	}
}
