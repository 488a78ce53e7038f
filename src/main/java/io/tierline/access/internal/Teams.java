package io.tierline.access.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.tierline.access.Caller;
import io.tierline.access.ClientRef;
import io.tierline.common.AuditEvent;
import io.tierline.common.InputCheck;
import io.tierline.common.InvalidInputException;
import io.tierline.common.NotFoundException;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** SPEC §1 teams: internal (the client's own people) or external (the provider's). */
@Service
class Teams {

	record Member(long id, String email, String name) {
	}

	record TeamRow(long id, String org, String name, String kind, List<Member> members) {
	}

	record NewTeam(String org, String name, String kind) {
	}

	private final JdbcClient jdbc;
	private final AccessAdministration admin;
	private final Directory directory;
	private final ApplicationEventPublisher events;

	Teams(JdbcClient jdbc, AccessAdministration admin, Directory directory, ApplicationEventPublisher events) {
		this.jdbc = jdbc;
		this.admin = admin;
		this.directory = directory;
		this.events = events;
	}

	List<TeamRow> list(Caller caller) {
		List<Long> orgs = admin.administered(caller).stream().map(ClientRef::id).toList();
		if (orgs.isEmpty()) {
			return List.of();
		}
		var teams = jdbc.sql("select t.id, o.slug, t.name, t.kind from teams t join organizations o on o.id = t.org_id where t.org_id in (:orgs) order by o.slug, t.name limit 500")
			.param("orgs", orgs)
			.query((rs, n) -> new TeamRow(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), List.of())).list();
		if (teams.isEmpty()) {
			return teams;
		}
		Map<Long, List<Member>> members = new HashMap<>();
		jdbc.sql("select m.team_id, u.id, u.email, u.name from team_members m join users u on u.id = m.user_id where m.team_id in (:teams) order by u.name")
			.param("teams", teams.stream().map(TeamRow::id).toList())
			.query((rs, n) -> Map.entry(rs.getLong(1), new Member(rs.getLong(2), rs.getString(3), rs.getString(4)))).list()
			.forEach(e -> members.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(e.getValue()));
		return teams.stream().map(t -> new TeamRow(t.id(), t.org(), t.name(), t.kind(), members.getOrDefault(t.id(), List.of()))).toList();
	}

	@Transactional
	long create(Caller caller, NewTeam input) {
		var check = new InputCheck();
		ClientRef org = check.lookup(input.org(), directory::organizationBySlug, "org", "organization");
		check.require(input.org() != null, "org", "must not be blank");
		String name = check.text(input.name(), "name", 200, true);
		String kind = input.kind() == null ? null : input.kind().strip().toUpperCase();
		check.require("INTERNAL".equals(kind) || "EXTERNAL".equals(kind), "kind", "must be INTERNAL or EXTERNAL");
		check.throwIfInvalid();
		check.require(org.provider() == "EXTERNAL".equals(kind), "kind", org.provider() ? "provider teams are EXTERNAL" : "client teams are INTERNAL");
		check.throwIfInvalid();
		requireAdministers(caller, org);
		var keys = new GeneratedKeyHolder();
		try {
			jdbc.sql("insert into teams (org_id, name, kind) values (?, ?, ?)").params(org.id(), name, kind).update(keys, "id");
		}
		catch (DuplicateKeyException e) {
			throw InvalidInputException.of("name", "a team of that name exists");
		}
		events.publishEvent(new AuditEvent(org.id(), caller.userId(), caller.email(), "TEAM_CREATED", null, "team:" + name, null, Map.of("kind", kind)));
		return keys.getKey().longValue();
	}

	@Transactional
	void addMember(Caller caller, long teamId, String email) {
		TeamRow team = team(caller, teamId);
		long userId = directory.userByEmail(email == null ? "" : email)
			.orElseThrow(() -> InvalidInputException.of("email", "no such user")).id();
		jdbc.sql("insert into team_members (team_id, user_id) select ?, ? where not exists (select 1 from team_members where team_id = ? and user_id = ?)")
			.params(teamId, userId, teamId, userId).update();
		audit(caller, team, "TEAM_MEMBER_ADDED", email);
	}

	@Transactional
	void removeMember(Caller caller, long teamId, long userId) {
		TeamRow team = team(caller, teamId);
		jdbc.sql("delete from team_members where team_id = ? and user_id = ?").params(teamId, userId).update();
		audit(caller, team, "TEAM_MEMBER_REMOVED", String.valueOf(userId));
	}

	private TeamRow team(Caller caller, long teamId) {
		return list(caller).stream().filter(t -> t.id() == teamId).findFirst().orElseThrow(() -> new NotFoundException("Team " + teamId));
	}

	private void requireAdministers(Caller caller, ClientRef org) {
		if (!admin.administers(caller, org)) {
			throw new io.tierline.common.ForbiddenException("You do not administer " + org.name());
		}
	}

	private void audit(Caller caller, TeamRow team, String action, String who) {
		long orgId = directory.organizationBySlug(team.org()).orElseThrow().id();
		events.publishEvent(new AuditEvent(orgId, caller.userId(), caller.email(), action, null, "team:" + team.name(), null, Map.of("member", who)));
	}
}
