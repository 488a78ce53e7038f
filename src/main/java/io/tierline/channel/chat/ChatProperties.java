package io.tierline.channel.chat;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code tierline.chat.*}.
 *
 * @param waitSeconds how long a visitor waits for an agent before being offered to leave a
 *     message; SPEC §4's T1 chat first-response target (60 s). The SLA module has no public API
 *     for its policy targets yet, so this mirrors the default rule.
 * @param maxLine the longest line a visitor or agent may send, in characters
 * @param framesPerMinute frames a visitor connection may send per minute (typing included)
 */
@ConfigurationProperties("tierline.chat")
record ChatProperties(Integer waitSeconds, Integer maxLine, Integer framesPerMinute) {

	ChatProperties {
		waitSeconds = waitSeconds == null ? 60 : waitSeconds;
		maxLine = maxLine == null ? 2000 : Math.min(maxLine, 2000);
		framesPerMinute = framesPerMinute == null ? 60 : framesPerMinute;
	}

	Duration waitForAgent() {
		return Duration.ofSeconds(waitSeconds);
	}
}
