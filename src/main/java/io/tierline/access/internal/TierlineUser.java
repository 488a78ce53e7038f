package io.tierline.access.internal;

import java.util.List;

import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.User;

/** The authenticated principal: a user id is all the rest of the request needs. */
class TierlineUser extends User {

	private final long userId;

	TierlineUser(long userId, String email, String passwordHash, boolean active) {
		super(email, passwordHash == null ? "" : passwordHash, active, true, true, true,
				List.of(new SimpleGrantedAuthority("ROLE_USER")));
		this.userId = userId;
	}

	long userId() {
		return userId;
	}
}
