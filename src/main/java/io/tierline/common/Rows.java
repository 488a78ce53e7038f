package io.tierline.common;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;

/** Reading columns the same way on PostgreSQL and H2. */
public final class Rows {

	private Rows() {
	}

	/** A {@code timestamp with time zone} column as an instant; null stays null. */
	public static Instant instant(ResultSet rs, String column) throws SQLException {
		OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
		return value == null ? null : value.toInstant();
	}

	/** An instant for a batch parameter (the PostgreSQL driver wants an OffsetDateTime); null stays null. */
	public static OffsetDateTime timestamp(Instant instant) {
		return instant == null ? null : OffsetDateTime.ofInstant(instant, java.time.ZoneOffset.UTC);
	}
}
