package io.tierline.ticket.internal;

import java.util.ArrayList;
import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Inserts many rows with multi-row {@code values} lists, a few hundred rows a statement: on
 * PostgreSQL this is several times faster than a JDBC batch of single-row inserts unless the driver
 * rewrites them (reWriteBatchedInserts), and it needs no driver setting.
 */
final class RowInserts {

	private static final int ROWS_PER_STATEMENT = 250;

	private RowInserts() {
	}

	/** {@code head} is {@code insert into t (a, b, c)}; every row has one value per column. */
	static void insert(JdbcTemplate jdbc, String head, int columns, List<Object[]> rows) {
		for (int start = 0; start < rows.size(); start += ROWS_PER_STATEMENT) {
			List<Object[]> chunk = rows.subList(start, Math.min(rows.size(), start + ROWS_PER_STATEMENT));
			Object[] values = flatten(chunk, columns);
			jdbc.update(head + " values " + placeholders(columns, chunk.size()), ps -> {
				for (int i = 0; i < values.length; i++) {
					set(ps, i + 1, values[i]);
				}
			});
		}
	}

	/**
	 * As {@link #insert}, answering the generated {@code id} of every row in the order of {@code rows}
	 * (PostgreSQL and H2 both return the keys of a multi-row {@code values} insert in its order). Reading
	 * the ids back with a query instead would depend on the table's statistics, which a large import
	 * leaves stale until the next analyze.
	 */
	static List<Long> insertReturningIds(JdbcTemplate jdbc, String head, int columns, List<Object[]> rows) {
		List<Long> ids = new ArrayList<>(rows.size());
		for (int start = 0; start < rows.size(); start += ROWS_PER_STATEMENT) {
			List<Object[]> chunk = rows.subList(start, Math.min(rows.size(), start + ROWS_PER_STATEMENT));
			Object[] values = flatten(chunk, columns);
			String sql = head + " values " + placeholders(columns, chunk.size());
			jdbc.execute((java.sql.Connection connection) -> {
				try (var ps = connection.prepareStatement(sql, new String[] { "id" })) {
					for (int i = 0; i < values.length; i++) {
						set(ps, i + 1, values[i]);
					}
					ps.executeUpdate();
					try (var keys = ps.getGeneratedKeys()) {
						while (keys.next()) {
							ids.add(keys.getLong(1));
						}
					}
				}
				return null;
			});
		}
		if (ids.size() != rows.size()) {
			throw new IllegalStateException("expected " + rows.size() + " generated ids, got " + ids.size());
		}
		return ids;
	}

	/** Typed setters: a null of unknown type would make Spring ask the driver for parameter metadata, a round trip each. */
	private static void set(java.sql.PreparedStatement ps, int index, Object value) throws java.sql.SQLException {
		if (value == null) {
			ps.setNull(index, java.sql.Types.NULL);
		}
		else if (value instanceof Long l) {
			ps.setLong(index, l);
		}
		else if (value instanceof String s) {
			ps.setString(index, s);
		}
		else {
			ps.setObject(index, value);
		}
	}

	private static String placeholders(int columns, int rows) {
		String row = "(" + "?, ".repeat(columns - 1) + "?)";
		return String.join(", ", java.util.Collections.nCopies(rows, row));
	}

	private static Object[] flatten(List<Object[]> rows, int columns) {
		List<Object> values = new ArrayList<>(rows.size() * columns);
		rows.forEach(r -> values.addAll(java.util.Arrays.asList(r)));
		return values.toArray();
	}
}
