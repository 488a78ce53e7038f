package io.tierline.routing.internal;

import java.time.Clock;
import java.time.DateTimeException;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import io.tierline.access.AccessManagement;
import io.tierline.access.AccessManagement.CatalogEntry;
import io.tierline.access.Caller;
import io.tierline.access.ClientRef;
import io.tierline.access.Role;
import io.tierline.access.UserRef;
import io.tierline.common.AuditEvent;
import io.tierline.common.ForbiddenException;
import io.tierline.common.InputCheck;
import io.tierline.common.NotFoundException;
import io.tierline.routing.AgentStatus;
import io.tierline.routing.RoutingStrategy;
import io.tierline.routing.SkillKind;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Queue settings and agents' availability, capacity and skills as leads and admins keep them.
 * A client's queues are changed by its admins, the provider's admins and team leads who work for
 * the client; an agent sets their own status; each change is audited.
 */
@Service
public class RoutingAdmin {

	private static final Pattern SLUG = Pattern.compile("[a-z0-9][a-z0-9-]{0,59}");
	private static final Pattern DAYS = Pattern.compile("[1-7]{1,7}");

	public record QueueInput(String strategy, Boolean dedicated, Boolean reassignOnBreach, List<String> teams) {
	}

	public record AvailabilityInput(String status, Integer capacity, String timeZone, String shiftStart, String shiftEnd, String workDays) {
	}

	public record SkillInput(String kind, String skill, Integer level) {
	}

	/** A queue with its settings; {@code teams} are team names. */
	public record QueueView(String client, String slug, String name, RoutingStrategy strategy, boolean dedicated,
			boolean reassignOnBreach, List<String> teams) {
	}

	/** An agent's routing profile; {@code availability} is null until someone sets it (never picked until then). */
	public record AgentView(String email, String name, Availability availability, List<Skill> skills, int load, boolean onShift) {
	}

	private final AccessManagement access;
	private final QueueSettings queues;
	private final Agents agents;
	private final RoutingRequests requests;
	private final Candidates candidates;
	private final JdbcClient jdbc;
	private final ApplicationEventPublisher events;
	private final Clock clock;

	RoutingAdmin(AccessManagement access, QueueSettings queues, Agents agents, RoutingRequests requests, Candidates candidates, JdbcClient jdbc,
			ApplicationEventPublisher events, Clock clock) {
		this.access = access;
		this.queues = queues;
		this.agents = agents;
		this.requests = requests;
		this.candidates = candidates;
		this.jdbc = jdbc;
		this.events = events;
		this.clock = clock;
	}

	public ClientRef client(Caller caller, String slug) {
		ClientRef client = access.clientBySlug(slug == null ? "" : slug).orElseThrow(() -> new NotFoundException("Client " + slug));
		if (!mayRead(caller, client.id())) {
			throw new NotFoundException("Client " + slug);
		}
		return client;
	}

	/** Clients whose routing the caller may see. */
	public List<ClientRef> clients(Caller caller) {
		return access.clients().stream().filter(c -> mayRead(caller, c.id())).toList();
	}

	public List<QueueView> queues(Caller caller, String clientSlug) {
		ClientRef client = client(caller, clientSlug);
		return access.queues(client.id()).stream().map(q -> view(client, q)).toList();
	}

	public QueueView queue(Caller caller, String clientSlug, String queueSlug) {
		ClientRef client = client(caller, clientSlug);
		return view(client, queueEntry(client, queueSlug));
	}

	@Transactional
	public QueueView createQueue(Caller caller, String clientSlug, String slug, String name) {
		ClientRef client = client(caller, clientSlug);
		requireManages(caller, client.id());
		var check = new InputCheck();
		check.require(slug != null && SLUG.matcher(slug).matches(), "slug", "is 1-60 lower-case letters, digits or -");
		String title = check.text(name, "name", 200, true);
		check.throwIfInvalid();
		CatalogEntry entry = access.addQueue(client.id(), slug, title);
		audit(caller, client.id(), "QUEUE_CREATED", slug, null, Map.of("name", title));
		return view(client, entry);
	}

	@Transactional
	public QueueView configure(Caller caller, String clientSlug, String queueSlug, QueueInput input) {
		ClientRef client = client(caller, clientSlug);
		requireManages(caller, client.id());
		CatalogEntry queue = queueEntry(client, queueSlug);
		var check = new InputCheck();
		RoutingStrategy strategy = check.enumValue(input.strategy(), RoutingStrategy.class, "strategy", RoutingStrategy.MANUAL);
		List<Long> teamIds = new ArrayList<>();
		for (String team : input.teams() == null ? List.<String>of() : input.teams()) {
			Long id = teamId(client.id(), team);
			check.require(id != null, "teams", "unknown team: " + team);
			teamIds.add(id);
		}
		check.throwIfInvalid();
		QueueView before = view(client, queue);
		queues.save(new QueueRouting(queue.id(), client.id(), strategy, Boolean.TRUE.equals(input.dedicated()),
				input.reassignOnBreach() == null || input.reassignOnBreach(), teamIds), clock.instant());
		QueueView after = view(client, queue);
		audit(caller, client.id(), "QUEUE_ROUTING_CHANGED", queueSlug, before, after);
		return after;
	}

	public AgentView agent(Caller caller, String email) {
		UserRef agent = agentRef(email);
		if (agent.id() != caller.userId() && !managesAgent(caller, agent.id())) {
			throw new NotFoundException("Agent " + email);
		}
		return agentView(agent);
	}

	/** Agents of the clients the caller manages, with their profiles. */
	public List<AgentView> agents(Caller caller) {
		return jdbc.sql("select distinct u.id, u.email, u.name, u.org_id from grants g join users u on u.id = g.user_id where u.active order by u.email")
			.query(UserRef.class).list().stream()
			.filter(u -> managesAgent(caller, u.id()))
			.map(this::agentView)
			.toList();
	}

	/**
	 * Sets an agent's availability and working hours. Going AWAY or OFFLINE hands their open tickets
	 * of routed queues to others (through routing requests, one ticket at a time).
	 */
	@Transactional
	public AgentView setAvailability(Caller caller, String email, AvailabilityInput input) {
		UserRef agent = agentRef(email);
		Availability before = agents.availability(agent.id()).orElse(null);
		boolean self = agent.id() == caller.userId();
		if (!managesAgent(caller, agent.id()) && !(self && onlyStatus(input, before))) {
			throw new ForbiddenException("Team leads and admins set an agent's capacity and hours; agents set their own status");
		}
		Availability after = availability(agent.id(), input, before);
		agents.save(after, clock.instant());
		if (after.status() != AgentStatus.AVAILABLE && (before == null || before.status() == AgentStatus.AVAILABLE)) {
			requests.activeTicketsOf(agent.id())
				.forEach(t -> requests.add(t, "agent " + after.status().name().toLowerCase(), agent.id(), true, clock.instant()));
		}
		audit(caller, agent.orgId(), "AGENT_AVAILABILITY_CHANGED", email, before, after);
		return agentView(agent);
	}

	@Transactional
	public AgentView setSkills(Caller caller, String email, List<SkillInput> input) {
		UserRef agent = agentRef(email);
		if (!managesAgent(caller, agent.id())) {
			throw new ForbiddenException("Team leads and admins keep agents' skills");
		}
		var check = new InputCheck();
		List<Skill> skills = new ArrayList<>();
		int i = 0;
		for (SkillInput s : input == null ? List.<SkillInput>of() : input) {
			String at = "skills[" + i++ + "]";
			SkillKind kind = check.enumValue(s.kind(), SkillKind.class, at + ".kind", null);
			check.require(s.kind() != null, at + ".kind", "must not be blank");
			String name = check.text(s.skill(), at + ".skill", 60, true);
			check.require(s.level() != null && s.level() >= 1 && s.level() <= 5, at + ".level", "must be from 1 to 5");
			if (kind != null && name != null && s.level() != null) {
				skills.add(new Skill(kind, name.strip().toLowerCase(), s.level()));
			}
		}
		check.require(skills.stream().map(s -> s.kind() + ":" + s.skill()).distinct().count() == skills.size(), "skills", "each skill once");
		check.throwIfInvalid();
		List<Skill> before = agents.skills(agent.id());
		agents.replaceSkills(agent.id(), skills);
		audit(caller, agent.orgId(), "AGENT_SKILLS_CHANGED", email, before, skills);
		return agentView(agent);
	}

	boolean mayRead(Caller caller, long clientId) {
		return manages(caller, clientId) || caller.readsWholeClient(clientId);
	}

	boolean manages(Caller caller, long clientId) {
		return caller.isProviderAdmin() || caller.isClientAdmin(clientId) || (caller.hasAnywhere(Role.TEAM_LEAD) && caller.worksFor(clientId));
	}

	private void requireManages(Caller caller, long clientId) {
		if (!manages(caller, clientId)) {
			throw new ForbiddenException("Team leads and admins of the client change its queues");
		}
	}

	/** A provider admin manages every agent; a lead or client admin those who work for one of their clients. */
	private boolean managesAgent(Caller caller, long agentId) {
		if (caller.isProviderAdmin()) {
			return true;
		}
		return access.callerFor(agentId).grants().stream().anyMatch(g -> manages(caller, g.clientId()));
	}

	private static boolean onlyStatus(AvailabilityInput input, Availability before) {
		return before != null && input.capacity() == null && input.timeZone() == null && input.shiftStart() == null
				&& input.shiftEnd() == null && input.workDays() == null;
	}

	private Availability availability(long userId, AvailabilityInput in, Availability before) {
		var check = new InputCheck();
		AgentStatus status = check.enumValue(in.status(), AgentStatus.class, "status", before == null ? AgentStatus.AVAILABLE : before.status());
		int capacity = in.capacity() != null ? in.capacity() : before == null ? Availability.DEFAULT_CAPACITY : before.capacity();
		check.require(capacity >= 1 && capacity <= 1000, "capacity", "must be from 1 to 1000");
		ZoneId zone = before == null ? ZoneId.of("UTC") : before.timeZone();
		if (in.timeZone() != null) {
			try {
				zone = ZoneId.of(in.timeZone());
			}
			catch (DateTimeException e) {
				check.add("timeZone", "is not a time zone, e.g. Europe/Berlin");
			}
		}
		LocalTime start = time(check, in.shiftStart(), "shiftStart", before == null ? LocalTime.MIDNIGHT : before.shiftStart());
		LocalTime end = time(check, in.shiftEnd(), "shiftEnd", before == null ? LocalTime.MIDNIGHT : before.shiftEnd());
		String days = in.workDays() != null ? in.workDays() : before == null ? "1234567" : before.workDays();
		check.require(DAYS.matcher(days).matches(), "workDays", "ISO day numbers 1 (Monday) to 7 (Sunday), e.g. 12345");
		check.throwIfInvalid();
		return new Availability(userId, status, capacity, zone, start, end, days);
	}

	private static LocalTime time(InputCheck check, String value, String field, LocalTime fallback) {
		if (value == null || value.isBlank()) {
			return fallback;
		}
		try {
			return LocalTime.parse(value);
		}
		catch (DateTimeException e) {
			check.add(field, "is a time of day, e.g. 08:00");
			return fallback;
		}
	}

	private AgentView agentView(UserRef u) {
		Availability a = agents.availability(u.id()).orElse(null);
		return new AgentView(u.email(), u.name(), a, agents.skills(u.id()), agents.load(u.id()), a != null && a.onShift(clock.instant()));
	}

	private UserRef agentRef(String email) {
		return access.userByEmail(email == null ? "" : email).orElseThrow(() -> new NotFoundException("Agent " + email));
	}

	private CatalogEntry queueEntry(ClientRef client, String slug) {
		return access.queues(client.id()).stream().filter(q -> q.slug().equalsIgnoreCase(slug)).findFirst()
			.orElseThrow(() -> new NotFoundException("Queue " + slug));
	}

	private QueueView view(ClientRef client, CatalogEntry q) {
		QueueRouting r = queues.find(q.id()).orElse(QueueRouting.manual(q.id(), client.id()));
		return new QueueView(client.slug(), q.slug(), q.name(), r.strategy(), r.dedicated(), r.reassignOnBreach(), teamNames(r.teamIds()));
	}

	/** Teams of the client (internal) or of a provider (external) may work the client's queues. */
	private Long teamId(long clientId, String name) {
		return jdbc.sql("""
				select t.id from teams t join organizations o on o.id = t.org_id
				where t.name = ? and (t.org_id = ? or o.kind = 'PROVIDER')""")
			.params(name, clientId).query(Long.class).optional().orElse(null);
	}

	private List<String> teamNames(List<Long> ids) {
		return ids.isEmpty() ? List.of()
				: jdbc.sql("select name from teams where id in (:ids) order by name").param("ids", ids).query(String.class).list();
	}

	/** Every change here may change who is eligible: this node forgets its cached pools and settings at once. */
	private void audit(Caller caller, long orgId, String action, String target, Object before, Object after) {
		candidates.invalidate();
		queues.invalidate();
		events.publishEvent(new AuditEvent(orgId, caller.userId(), caller.email(), action, null, target, before, after));
	}
}
