package io.tierline.survey.internal;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Signed one-click survey links (issue 9): {@code <ticket>-<solve>-<expires>-<signature>}, the
 * signature an HMAC-SHA256 of the first three with the per-install secret. A changed ticket,
 * solve or expiry breaks the signature, so a link cannot be forged or stretched.
 */
@Component
public class SurveyLinks {

	/** What a valid link names. */
	public record Claims(long ticketId, int solve, Instant expiresAt) {
	}

	private static final Pattern TOKEN = Pattern.compile("(\\d{1,18})-(\\d{1,9})-(\\d{1,12})-([A-Za-z0-9_-]{43})");

	private final SurveyProperties properties;
	private final JdbcClient jdbc;
	private volatile byte[] key;

	SurveyLinks(SurveyProperties properties, JdbcClient jdbc) {
		this.properties = properties;
		this.jdbc = jdbc;
	}

	public String token(long ticketId, int solve, Instant expiresAt) {
		String claims = ticketId + "-" + solve + "-" + expiresAt.getEpochSecond();
		return claims + "-" + sign(claims);
	}

	public String url(Survey survey) {
		return properties.baseUrl() + "/survey/" + token(survey.ticketId(), survey.solveNumber(), survey.expiresAt());
	}

	String url(long ticketId, int solve, Instant expiresAt) {
		return properties.baseUrl() + "/survey/" + token(ticketId, solve, expiresAt);
	}

	/** The claims of a well-formed link whose signature matches (compared in constant time); empty for anything else. */
	public Optional<Claims> verify(String token) {
		Matcher m = TOKEN.matcher(token == null ? "" : token);
		if (!m.matches()) {
			return Optional.empty();
		}
		String claims = m.group(1) + "-" + m.group(2) + "-" + m.group(3);
		boolean valid = MessageDigest.isEqual(sign(claims).getBytes(StandardCharsets.US_ASCII), m.group(4).getBytes(StandardCharsets.US_ASCII));
		return valid ? Optional.of(new Claims(Long.parseLong(m.group(1)), Integer.parseInt(m.group(2)),
				Instant.ofEpochSecond(Long.parseLong(m.group(3))))) : Optional.empty();
	}

	private String sign(String claims) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(key(), "HmacSHA256"));
			return Base64.getUrlEncoder().withoutPadding().encodeToString(mac.doFinal(claims.getBytes(StandardCharsets.US_ASCII)));
		}
		catch (GeneralSecurityException e) {
			throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
		}
	}

	private byte[] key() {
		if (key == null) {
			String secret = properties.secret() != null && !properties.secret().isBlank() ? properties.secret() : installSecret();
			key = secret.getBytes(StandardCharsets.UTF_8);
		}
		return key;
	}

	/** The install's own secret: made by the first node that needs it, read by the others. */
	private String installSecret() {
		Optional<String> stored = jdbc.sql("select secret from survey_secret where id = 1").query(String.class).optional();
		if (stored.isPresent()) {
			return stored.get();
		}
		byte[] random = new byte[32];
		new SecureRandom().nextBytes(random);
		try {
			jdbc.sql("insert into survey_secret (id, secret) values (1, ?)").param(HexFormat.of().formatHex(random)).update();
		}
		catch (DuplicateKeyException anotherNodeFirst) {
			// read theirs below
		}
		return jdbc.sql("select secret from survey_secret where id = 1").query(String.class).single();
	}
}
