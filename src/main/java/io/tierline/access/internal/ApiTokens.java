package io.tierline.access.internal;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import io.tierline.access.Caller;
import io.tierline.common.AuditEvent;
import io.tierline.common.InputCheck;
import io.tierline.common.NotFoundException;
import io.tierline.common.Sha256;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Personal API tokens: 256 random bits shown once; only their SHA-256 is stored. A fast hash is
 * right here (unlike passwords) because the secret has full entropy and cannot be guessed.
 */
@Service
class ApiTokens {

	static final String PREFIX = "tl_";
	static final Set<String> SCOPES = Set.of("read", "write", "admin", "audit");
	private static final Duration LAST_USED_PRECISION = Duration.ofMinutes(1);
	static final Duration REMEMBERED = Duration.ofSeconds(10);

	private final java.util.Map<String, Remembered> remembered = new java.util.concurrent.ConcurrentHashMap<>();

	private record Remembered(TokenOwner owner, Instant until) {
	}

	private final JdbcClient jdbc;
	private final Clock clock;
	private final ApplicationEventPublisher events;
	private final SecureRandom random = new SecureRandom();

	ApiTokens(JdbcClient jdbc, Clock clock, ApplicationEventPublisher events) {
		this.jdbc = jdbc;
		this.clock = clock;
		this.events = events;
	}

	record IssuedToken(long id, String name, String token, Set<String> scopes, Instant createdAt) {
	}

	record TokenInfo(long id, String name, String hint, String scopes, Instant createdAt, Instant lastUsedAt, Instant revokedAt) {
	}

	record TokenOwner(long tokenId, long userId, Set<String> scopes, Instant lastUsedAt) {
	}

	@Transactional
	IssuedToken issue(Caller caller, String name, List<String> requestedScopes) {
		var check = new InputCheck();
		String tokenName = check.text(name, "name", 100, true);
		Set<String> scopes = new TreeSet<>(requestedScopes == null || requestedScopes.isEmpty() ? List.of("read", "write") : requestedScopes);
		check.require(SCOPES.containsAll(scopes), "scopes", "must be among " + new TreeSet<>(SCOPES));
		check.throwIfInvalid();
		byte[] secret = new byte[32];
		random.nextBytes(secret);
		String token = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
		Instant now = clock.instant();
		jdbc.sql("insert into api_tokens (user_id, name, token_hash, token_hint, scopes, created_at) values (?, ?, ?, ?, ?, ?)")
			.params(caller.userId(), tokenName, sha256(token), token.substring(0, 7), String.join(",", scopes), now)
			.update();
		long id = jdbc.sql("select id from api_tokens where token_hash = ?").param(sha256(token)).query(Long.class).single();
		events.publishEvent(new AuditEvent(caller.homeOrgId(), caller.userId(), caller.email(), "API_TOKEN_ISSUED", null,
				"token:" + id, null, java.util.Map.of("name", tokenName, "scopes", scopes)));
		return new IssuedToken(id, tokenName, token, scopes, now);
	}

	List<TokenInfo> list(Caller caller) {
		return jdbc.sql("select id, name, token_hint as hint, scopes, created_at, last_used_at, revoked_at from api_tokens where user_id = ? order by id desc limit 200")
			.param(caller.userId())
			.query(TokenInfo.class)
			.list();
	}

	@Transactional
	void revoke(Caller caller, long id) {
		int changed = jdbc.sql("update api_tokens set revoked_at = ? where id = ? and user_id = ? and revoked_at is null")
			.params(clock.instant(), id, caller.userId())
			.update();
		if (changed == 0) {
			throw new NotFoundException("Token " + id);
		}
		remembered.values().removeIf(r -> r.owner.tokenId() == id);
		events.publishEvent(new AuditEvent(caller.homeOrgId(), caller.userId(), caller.email(), "API_TOKEN_REVOKED", null,
				"token:" + id, null, null));
	}

	/**
	 * The token's owner and scopes. Known tokens are remembered for {@link #REMEMBERED}, so an
	 * integration's calls cost no lookup; a revocation on this node applies at once, on another
	 * node within that time.
	 */
	Optional<TokenOwner> owner(String token) {
		if (!token.startsWith(PREFIX) || token.length() > 100) {
			return Optional.empty();
		}
		String hash = sha256(token);
		Instant now = clock.instant();
		Remembered hit = remembered.get(hash);
		if (hit != null && hit.until.isAfter(now)) {
			return Optional.of(hit.owner);
		}
		Optional<TokenOwner> owner = lookup(hash);
		if (owner.isPresent()) {
			if (remembered.size() > 10_000) {
				remembered.clear();
			}
			remembered.put(hash, new Remembered(owner.get(), now.plus(REMEMBERED)));
		}
		return owner;
	}

	private Optional<TokenOwner> lookup(String hash) {
		Optional<TokenOwner> owner = jdbc.sql("""
				select t.id, t.user_id, t.scopes, t.last_used_at from api_tokens t join users u on u.id = t.user_id
				where t.token_hash = ? and t.revoked_at is null and u.active""")
			.param(hash)
			.query((rs, n) -> new TokenOwner(rs.getLong("id"), rs.getLong("user_id"),
					Set.of(rs.getString("scopes").split(",")), rs.getObject("last_used_at", java.time.OffsetDateTime.class) == null
							? null : rs.getObject("last_used_at", java.time.OffsetDateTime.class).toInstant()))
			.optional();
		owner.ifPresent(this::touch);
		return owner;
	}

	/** Records use at minute precision, so a busy integration does not write on every call. */
	private void touch(TokenOwner owner) {
		Instant now = clock.instant();
		if (owner.lastUsedAt() == null || owner.lastUsedAt().plus(LAST_USED_PRECISION).isBefore(now)) {
			jdbc.sql("update api_tokens set last_used_at = ? where id = ?").params(now, owner.tokenId()).update();
		}
	}

	static String sha256(String value) {
		return Sha256.hex(value);
	}

}
