package io.tierline.ticket.internal;

import java.util.Locale;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** Which database this is, asked once: the import's bulk paths differ between PostgreSQL and H2. */
@Component
class DatabaseProduct {

	private final JdbcTemplate jdbc;
	private volatile Boolean postgres;

	DatabaseProduct(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	boolean postgres() {
		Boolean known = postgres;
		if (known == null) {
			known = Boolean.TRUE.equals(jdbc.execute((java.sql.Connection c) ->
					c.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT).contains("postgres")));
			postgres = known;
		}
		return known;
	}
}
