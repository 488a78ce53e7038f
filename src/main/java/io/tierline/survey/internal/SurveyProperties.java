package io.tierline.survey.internal;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code tierline.survey.*}: {@code secret} signs the links (HMAC-SHA256; unset: a random secret
 * made once per install and kept in the database, so every node signs alike); {@code window} is
 * how long a survey may be answered and its answer changed; {@code base-url} starts the links.
 */
@ConfigurationProperties("tierline.survey")
public record SurveyProperties(String secret, Duration window, String baseUrl) {

	public SurveyProperties {
		window = window == null ? Duration.ofDays(7) : window;
		baseUrl = baseUrl == null || baseUrl.isBlank() ? "http://localhost:8080" : baseUrl.replaceAll("/+$", "");
	}
}
