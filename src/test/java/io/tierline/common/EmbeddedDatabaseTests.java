package io.tierline.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.UUID;

import org.junit.jupiter.api.Test;

/**
 * The embedded database must keep enforcing the schema after the connection that migrated it is
 * gone (a pool retires connections; the demo runs for hours). H2 2.4.240 did not: a CHECK with an
 * IN list then rejected every row, valid or not, as "Check constraint invalid" — so H2 is pinned.
 */
class EmbeddedDatabaseTests {

	private final String url = "jdbc:h2:mem:" + UUID.randomUUID() + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DB_CLOSE_DELAY=-1";

	@Test
	void aCheckWithAnInListStillHoldsAfterTheConnectionThatCreatedItIsClosed() throws SQLException {
		try (Connection keepsTheDatabaseOpen = DriverManager.getConnection(url, "sa", "")) {
			try (Connection migration = DriverManager.getConnection(url, "sa", "")) {
				migration.createStatement()
					.execute("create table messages (id int, visibility varchar(10) not null check (visibility in ('PUBLIC', 'INTERNAL')))");
			}
			try (Connection later = DriverManager.getConnection(url, "sa", "")) {
				assertThat(later.createStatement().executeUpdate("insert into messages values (1, 'PUBLIC')")).isEqualTo(1);
				assertThatThrownBy(() -> later.createStatement().executeUpdate("insert into messages values (2, 'SECRET')"))
					.isInstanceOf(SQLException.class)
					.hasMessageContaining("constraint");
			}
		}
	}
}
