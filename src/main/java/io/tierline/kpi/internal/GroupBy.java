package io.tierline.kpi.internal;

/**
 * What KPIs can be grouped by (SPEC §7). The column has the same name in kpi_tickets and kpi_items.
 * The agent of a ticket is the actor of its first SOLVED event (else its assignee then); the team
 * is that agent's team; tier is the tier of resolution.
 */
public enum GroupBy {
	NONE(null, "all"), CLIENT("client_id", "all"), TEAM("team_id", "team"), INTERNAL("team_kind", "internal"), TIER("resolution_tier", "tier"),
	AGENT("agent_id", "agent"), CHANNEL("channel", "channel"), CATEGORY("category_id", "category"), QUEUE("queue_id", "all");

	final String column;

	/** The rows of the daily sums (KpiRollup) that hold this grouping: client and queue are columns of every row. */
	private final String dimension;

	GroupBy(String column, String dimension) {
		this.column = column;
		this.dimension = dimension;
	}

	String dimension() {
		return dimension;
	}

	/** The group as text, so that facts and daily sums can be added up together. */
	String selectText() {
		return column == null ? "cast('all' as varchar(40))" : "cast(" + column + " as varchar(40))";
	}

	/** The group in the daily sums. */
	String summedSelect() {
		return column == null ? "cast('all' as varchar(40))" : dimension.equals("all") ? "cast(" + column + " as varchar(40))" : "grp";
	}

	String summedGroupBy() {
		return column == null ? "" : " group by " + (dimension.equals("all") ? column : "grp");
	}

	/** The select expression; "all" when not grouped. */
	String select() {
		return column == null ? "'all'" : column;
	}

	String groupBy() {
		return column == null ? "" : " group by " + column;
	}
}
