package io.tierline.kpi.internal;

/**
 * What KPIs can be grouped by (SPEC §7). The column has the same name in kpi_tickets and kpi_items.
 * The agent of a ticket is the actor of its first SOLVED event (else its assignee then); the team
 * is that agent's team; tier is the tier of resolution.
 */
public enum GroupBy {
	NONE(null), CLIENT("client_id"), TEAM("team_id"), INTERNAL("team_kind"), TIER("resolution_tier"), AGENT("agent_id"),
	CHANNEL("channel"), CATEGORY("category_id"), QUEUE("queue_id");

	final String column;

	GroupBy(String column) {
		this.column = column;
	}

	/** The select expression; "all" when not grouped. */
	String select() {
		return column == null ? "'all'" : column;
	}

	String groupBy() {
		return column == null ? "" : " group by " + column;
	}
}
