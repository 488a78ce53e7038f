package io.tierline.routing.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.tierline.routing.AgentStatus;
import io.tierline.routing.SkillKind;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The agent_availability and agent_skills tables, and the load of agents (their open tickets by severity). */
@Repository
class Agents {

	/** SPEC §2 severities weigh on an agent's load: a P1 counts four times a P4. */
	static final String WEIGHT = "case t.severity when 'P1' then 4 when 'P2' then 3 when 'P3' then 2 else 1 end";
	static final String ACTIVE = "t.status in ('NEW', 'OPEN', 'PENDING', 'ON_HOLD')";

	private final JdbcClient jdbc;

	Agents(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	Optional<Availability> availability(long userId) {
		return jdbc.sql("select * from agent_availability where user_id = ?").param(userId).query(Agents::availability).optional();
	}

	void save(Availability a, Instant now) {
		int updated = jdbc.sql("""
				update agent_availability set status = ?, capacity = ?, time_zone = ?, shift_start = ?, shift_end = ?, work_days = ?,
				  updated_at = ? where user_id = ?""")
			.params(a.status().name(), a.capacity(), a.timeZone().getId(), a.shiftStart(), a.shiftEnd(), a.workDays(), now, a.userId())
			.update();
		if (updated == 0) {
			jdbc.sql("""
					insert into agent_availability (user_id, status, capacity, time_zone, shift_start, shift_end, work_days, updated_at)
					values (?, ?, ?, ?, ?, ?, ?, ?)""")
				.params(a.userId(), a.status().name(), a.capacity(), a.timeZone().getId(), a.shiftStart(), a.shiftEnd(), a.workDays(), now)
				.update();
		}
	}

	List<Skill> skills(long userId) {
		return jdbc.sql("select kind, skill, level from agent_skills where user_id = ? order by kind, skill").param(userId)
			.query((rs, n) -> new Skill(SkillKind.valueOf(rs.getString(1)), rs.getString(2), rs.getInt(3))).list();
	}

	Map<Long, List<Skill>> skillsOf(Collection<Long> userIds) {
		Map<Long, List<Skill>> byUser = new HashMap<>();
		if (userIds.isEmpty()) {
			return byUser;
		}
		jdbc.sql("select user_id, kind, skill, level from agent_skills where user_id in (:ids)").param("ids", userIds)
			.query((rs, n) -> Map.entry(rs.getLong(1), new Skill(SkillKind.valueOf(rs.getString(2)), rs.getString(3), rs.getInt(4))))
			.list()
			.forEach(e -> byUser.computeIfAbsent(e.getKey(), k -> new java.util.ArrayList<>()).add(e.getValue()));
		return byUser;
	}

	void replaceSkills(long userId, List<Skill> skills) {
		jdbc.sql("delete from agent_skills where user_id = ?").param(userId).update();
		skills.forEach(s -> jdbc.sql("insert into agent_skills (user_id, kind, skill, level) values (?, ?, ?, ?)")
			.params(userId, s.kind().name(), s.skill(), s.level()).update());
	}

	/**
	 * Locks the agent's row unless another transaction holds it (SKIP LOCKED: that one is giving
	 * them a ticket right now, so we try the next agent instead of waiting — no waits, no deadlocks)
	 * and returns their capacity; empty when locked elsewhere or no longer AVAILABLE.
	 */
	Optional<Integer> lockIfFree(long userId) {
		return jdbc.sql("select capacity from agent_availability where user_id = ? and status = 'AVAILABLE' for update skip locked")
			.param(userId).query(Integer.class).optional();
	}

	/** The agent's load now: their active tickets weighted by severity, as committed (read after the lock). */
	int load(long userId) {
		return jdbc.sql("select coalesce(sum(" + WEIGHT + "), 0) from tickets t where t.assignee_id = ? and " + ACTIVE)
			.param(userId).query(Integer.class).single();
	}

	static int weight(String severity) {
		return switch (severity) {
			case "P1" -> 4;
			case "P2" -> 3;
			case "P3" -> 2;
			default -> 1;
		};
	}

	static Availability availability(ResultSet rs, int n) throws SQLException {
		return new Availability(rs.getLong("user_id"), AgentStatus.valueOf(rs.getString("status")), rs.getInt("capacity"),
				ZoneId.of(rs.getString("time_zone")), rs.getObject("shift_start", LocalTime.class), rs.getObject("shift_end", LocalTime.class),
				rs.getString("work_days"));
	}
}
