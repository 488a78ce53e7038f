package io.tierline.sla.internal;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.tierline.access.AccessManagement;
import io.tierline.access.Caller;
import io.tierline.access.ClientRef;
import io.tierline.common.AuditEvent;
import io.tierline.common.ForbiddenException;
import io.tierline.common.InputCheck;
import io.tierline.common.NotFoundException;
import io.tierline.common.Tier;
import io.tierline.sla.ClockKind;
import io.tierline.ticket.Channel;
import io.tierline.ticket.Severity;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A client's SLA policy as people keep it: staff of the client read it, its admins (and the
 * provider's) change it. A change applies to clocks that start after it (a clock copies its target).
 */
@Service
public class SlaPolicyAdmin {

	private static final Duration LONGEST_TARGET = Duration.ofDays(365);

	private final SlaPolicies policies;
	private final Calendars calendars;
	private final AccessManagement access;
	private final ApplicationEventPublisher events;

	SlaPolicyAdmin(SlaPolicies policies, Calendars calendars, AccessManagement access, ApplicationEventPublisher events) {
		this.policies = policies;
		this.calendars = calendars;
		this.access = access;
		this.events = events;
	}

	/** A rule as written: blank tier, channel or severity means any; {@code target} is ISO-8601 (PT4H). */
	public record RuleInput(String clock, String tier, String channel, String severity, String target, Boolean businessTime,
			Boolean notifyLead, Boolean raiseSeverity, String reassignQueue) {
	}

	public record SettingsInput(Long calendar, Integer warningPercent) {
	}

	public record Policy(ClientRef client, SlaPolicies.Settings settings, Long calendarInUse, List<PolicyRule> rules) {
	}

	public Policy policy(Caller caller, String clientSlug) {
		ClientRef client = readable(caller, clientSlug);
		SlaPolicies.Settings settings = policies.settings(client.id());
		Long inUse = settings.calendarId() != null ? settings.calendarId()
				: calendars.ofClients(List.of(client.id())).stream().findFirst().map(Calendars.Stored::id).orElse(null);
		return new Policy(client, settings, inUse, policies.rules(client.id()));
	}

	/** The target a clock would get now, for the matrix view and integrations. */
	public PolicyRule resolve(Caller caller, String clientSlug, String clock, String tier, String channel, String severity) {
		ClientRef client = readable(caller, clientSlug);
		var check = new InputCheck();
		ClockKind kind = check.enumValue(clock, ClockKind.class, "clock", null);
		Tier t = check.enumValue(tier, Tier.class, "tier", null);
		Channel c = check.enumValue(channel, Channel.class, "channel", null);
		Severity s = check.enumValue(severity, Severity.class, "severity", null);
		check.throwIfInvalid();
		return policies.match(client.id(), kind, t, c, s)
			.orElseThrow(() -> new NotFoundException("No " + kind + " target for " + t + " " + c + " " + s));
	}

	@Transactional
	public PolicyRule addRule(Caller caller, String clientSlug, RuleInput in) {
		ClientRef client = editable(caller, clientSlug);
		policies.seedDefaults(client.id());
		PolicyRule rule = parse(in, null, client.id());
		long id = policies.insert(rule);
		audit(caller, client, "SLA_RULE_ADDED", id, null, in);
		return policies.rule(id).orElseThrow();
	}

	@Transactional
	public PolicyRule changeRule(Caller caller, long id, RuleInput in) {
		PolicyRule before = storedRule(caller, id);
		ClientRef client = editable(caller, access.organization(before.clientId()).slug());
		PolicyRule rule = parse(in, before, client.id());
		policies.update(rule);
		audit(caller, client, "SLA_RULE_CHANGED", id, describe(before), in);
		return policies.rule(id).orElseThrow();
	}

	@Transactional
	public void deleteRule(Caller caller, long id) {
		PolicyRule before = storedRule(caller, id);
		ClientRef client = editable(caller, access.organization(before.clientId()).slug());
		policies.delete(before);
		audit(caller, client, "SLA_RULE_DELETED", id, describe(before), null);
	}

	@Transactional
	public SlaPolicies.Settings changeSettings(Caller caller, String clientSlug, SettingsInput in) {
		ClientRef client = editable(caller, clientSlug);
		SlaPolicies.Settings before = policies.settings(client.id());
		var check = new InputCheck();
		int percent = in.warningPercent() == null ? before.warningPercent() : in.warningPercent();
		check.require(percent >= 1 && percent <= 99, "warningPercent", "must be between 1 and 99");
		Long calendar = in.calendar();
		if (calendar != null) {
			check.require(calendars.find(calendar).filter(s -> s.clientId() == client.id()).isPresent(), "calendar",
					"is not a calendar of " + client.slug());
		}
		check.throwIfInvalid();
		policies.saveSettings(new SlaPolicies.Settings(client.id(), calendar, percent));
		audit(caller, client, "SLA_SETTINGS_CHANGED", client.id(), before, in);
		return policies.settings(client.id());
	}

	private PolicyRule storedRule(Caller caller, long id) {
		PolicyRule rule = policies.rule(id).orElseThrow(() -> new NotFoundException("SLA rule " + id));
		if (!CalendarService.reads(caller, rule.clientId())) {
			throw new NotFoundException("SLA rule " + id);
		}
		return rule;
	}

	/** Every bad field in one answer; an absent field of a change keeps its stored value. */
	private PolicyRule parse(RuleInput in, PolicyRule before, long clientId) {
		var check = new InputCheck();
		ClockKind clock = in.clock() == null && before != null ? before.clock()
				: check.enumValue(in.clock(), ClockKind.class, "clock", null);
		Tier tier = in.tier() == null && before != null ? before.tier() : check.optionalEnum(in.tier(), Tier.class, "tier");
		Channel channel = in.channel() == null && before != null ? before.channel()
				: check.optionalEnum(in.channel(), Channel.class, "channel");
		Severity severity = in.severity() == null && before != null ? before.severity()
				: check.optionalEnum(in.severity(), Severity.class, "severity");
		Duration target = in.target() == null && before != null ? before.target() : duration(in.target(), check);
		Long queue = before == null ? null : before.reassignQueueId();
		if (in.reassignQueue() != null) {
			queue = in.reassignQueue().isBlank() ? null
					: check.lookup(in.reassignQueue(), s -> access.queueId(clientId, s), "reassignQueue", "queue");
		}
		check.throwIfInvalid();
		return new PolicyRule(before == null ? null : before.id(), clientId, clock, tier, channel, severity, target,
				flag(in.businessTime(), before == null || before.businessTime()),
				flag(in.notifyLead(), before == null || before.notifyLead()),
				flag(in.raiseSeverity(), before != null && before.raiseSeverity()), queue);
	}

	private static Duration duration(String value, InputCheck check) {
		try {
			Duration d = Duration.parse(value == null ? "" : value.strip());
			check.require(!d.isNegative() && !d.isZero() && d.compareTo(LONGEST_TARGET) <= 0 && d.toSeconds() > 0, "target",
					"must be between PT1S and P365D");
			return d;
		}
		catch (DateTimeParseException e) {
			check.add("target", "must be an ISO-8601 duration such as PT4H or PT15M");
			return null;
		}
	}

	private static boolean flag(Boolean given, boolean otherwise) {
		return given == null ? otherwise : given;
	}

	private ClientRef readable(Caller caller, String clientSlug) {
		ClientRef client = access.clientBySlug(clientSlug == null ? "" : clientSlug).orElseThrow(
				() -> new NotFoundException("Client " + clientSlug));
		if (!CalendarService.reads(caller, client.id())) {
			throw new NotFoundException("Client " + clientSlug);
		}
		return client;
	}

	/** Refuses a caller who reads the policy but may not change it (the admin page is for those who may). */
	public void requireEditor(Caller caller, String clientSlug) {
		editable(caller, clientSlug);
	}

	private ClientRef editable(Caller caller, String clientSlug) {
		ClientRef client = readable(caller, clientSlug);
		if (!caller.hasScope("admin") || !(caller.isProviderAdmin() || caller.isClientAdmin(client.id()))) {
			throw new ForbiddenException("Only " + client.slug() + "'s admins change its SLA policy");
		}
		return client;
	}

	private static Map<String, Object> describe(PolicyRule r) {
		Map<String, Object> m = new LinkedHashMap<>();
		m.put("clock", r.clock());
		m.put("tier", r.tier());
		m.put("channel", r.channel());
		m.put("severity", r.severity());
		m.put("target", r.target().toString());
		m.put("businessTime", r.businessTime());
		m.put("notifyLead", r.notifyLead());
		m.put("raiseSeverity", r.raiseSeverity());
		m.put("reassignQueueId", r.reassignQueueId());
		return m;
	}

	private void audit(Caller caller, ClientRef client, String action, long id, Object before, Object after) {
		events.publishEvent(new AuditEvent(client.id(), caller.userId(), caller.email(), action, null, "sla:" + id, before, after));
	}
}
