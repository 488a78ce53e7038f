package io.tierline.channel.phone;

import java.time.Instant;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Each client's telephony integration: which webhooks are on, and the secret they are signed with. */
@Repository
class PhoneSettings {

	/** {@code secret}, {@code secretHint} and {@code secretCreatedAt} are null until a secret is generated. */
	record Setting(long clientId, boolean callsEnabled, boolean smsEnabled, String secret, String secretHint,
			Instant secretCreatedAt) {

		static Setting none(long clientId) {
			return new Setting(clientId, false, false, null, null, null);
		}

		boolean accepts(Medium medium) {
			return secret != null && (medium == Medium.CALL ? callsEnabled : smsEnabled);
		}
	}

	private final JdbcClient jdbc;

	PhoneSettings(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	Optional<Setting> find(long clientId) {
		return jdbc.sql("""
				select client_id, calls_enabled, sms_enabled, signing_secret as secret, secret_hint, secret_created_at
				from phone_settings where client_id = ?""")
			.param(clientId).query(Setting.class).optional();
	}

	/** Creates the client's row on first use. */
	void enable(long clientId, boolean calls, boolean sms, Instant now) {
		int updated = jdbc.sql("update phone_settings set calls_enabled = ?, sms_enabled = ?, updated_at = ? where client_id = ?")
			.params(calls, sms, now, clientId).update();
		if (updated == 0) {
			jdbc.sql("insert into phone_settings (client_id, calls_enabled, sms_enabled, updated_at) values (?, ?, ?, ?)")
				.params(clientId, calls, sms, now).update();
		}
	}

	void secret(long clientId, String secret, Instant now) {
		find(clientId).ifPresentOrElse(s -> {
		}, () -> enable(clientId, false, false, now));
		jdbc.sql("update phone_settings set signing_secret = ?, secret_hint = ?, secret_created_at = ?, updated_at = ? where client_id = ?")
			.params(secret, secret.substring(secret.length() - 4), now, now, clientId).update();
	}
}
