package io.tierline.channel.phone;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * {@code X-Tierline-Signature: sha256=<hex HMAC-SHA256 of "<timestamp>.<raw body>">}, the same
 * scheme Tierline's outgoing webhooks use: signing the timestamp with the body makes a captured
 * delivery useless once it is five minutes old.
 */
final class WebhookSignature {

	private static final SecureRandom RANDOM = new SecureRandom();

	private WebhookSignature() {
	}

	static String sign(String secret, String timestamp, byte[] body) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
			mac.update((timestamp + ".").getBytes(StandardCharsets.UTF_8));
			return "sha256=" + HexFormat.of().formatHex(mac.doFinal(body));
		}
		catch (GeneralSecurityException e) {
			throw new IllegalStateException(e);
		}
	}

	/** Constant time: how much of a forged signature matched is not told by how long the refusal takes. */
	static boolean matches(String secret, String timestamp, byte[] body, String signature) {
		byte[] expected = sign(secret, timestamp, body).getBytes(StandardCharsets.UTF_8);
		return MessageDigest.isEqual(expected, signature.strip().toLowerCase().getBytes(StandardCharsets.UTF_8));
	}

	/** 256 random bits. */
	static String newSecret() {
		byte[] bytes = new byte[32];
		RANDOM.nextBytes(bytes);
		return "phsec_" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
	}
}
