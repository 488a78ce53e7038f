package io.tierline.access.internal;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.core.Authentication;

/**
 * Passwords are hashed slowly on purpose (bcrypt), so an HTTP Basic client must not pay that
 * hash on every request. A verified e-mail and password pair is remembered for a few minutes
 * under a keyed HMAC of the pair (never the password itself), so repeated calls are checked
 * with one fast hash. Changing a password evicts the user's entries.
 */
class CachedPasswordAuthenticationProvider implements AuthenticationProvider {

	static final Duration TTL = Duration.ofMinutes(5);

	private final DaoAuthenticationProvider slow;
	private final Clock clock;
	private final SecretKeySpec key;
	private final Map<String, Verified> verified = new ConcurrentHashMap<>();

	CachedPasswordAuthenticationProvider(DaoAuthenticationProvider slow, Clock clock) {
		this.slow = slow;
		this.clock = clock;
		byte[] secret = new byte[32];
		new SecureRandom().nextBytes(secret);
		this.key = new SecretKeySpec(secret, "HmacSHA256");
	}

	@Override
	public Authentication authenticate(Authentication authentication) {
		String email = String.valueOf(authentication.getName()).strip().toLowerCase();
		String fingerprint = fingerprint(email, String.valueOf(authentication.getCredentials()));
		Instant now = clock.instant();
		Verified hit = verified.get(fingerprint);
		if (hit != null && hit.expires.isAfter(now)) {
			return UsernamePasswordAuthenticationToken.authenticated(hit.user, null, hit.user.getAuthorities());
		}
		Authentication result = slow.authenticate(authentication);
		if (result != null && result.getPrincipal() instanceof TierlineUser user) {
			if (verified.size() > 10_000) {
				verified.clear();
			}
			verified.put(fingerprint, new Verified(user, now.plus(TTL)));
		}
		return result;
	}

	void forget(long userId) {
		verified.values().removeIf(v -> v.user.userId() == userId);
	}

	@Override
	public boolean supports(Class<?> authentication) {
		return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
	}

	private String fingerprint(String email, String password) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(key);
			return HexFormat.of().formatHex(mac.doFinal((email + '\0' + password).getBytes(StandardCharsets.UTF_8)));
		}
		catch (GeneralSecurityException e) {
			throw new IllegalStateException(e);
		}
	}

	private record Verified(TierlineUser user, Instant expires) {
	}
}
