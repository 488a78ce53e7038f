package io.tierline.access.internal;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Service;

@Service
class TierlineUserDetailsService implements UserDetailsService {

	private final JdbcClient jdbc;

	TierlineUserDetailsService(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public TierlineUser loadUserByUsername(String email) {
		return jdbc.sql("select id, email, password_hash, active from users where email = ? and password_hash is not null")
			.param(email.strip().toLowerCase())
			.query((rs, n) -> new TierlineUser(rs.getLong("id"), rs.getString("email"), rs.getString("password_hash"),
					rs.getBoolean("active")))
			.optional()
			.orElseThrow(() -> new UsernameNotFoundException("unknown user"));
	}
}
