package io.tierline.sla.web;

import java.net.URI;
import java.util.List;

import io.tierline.access.AccessManagement;
import io.tierline.access.Caller;
import io.tierline.sla.internal.PolicyRule;
import io.tierline.sla.internal.SlaAttainment;
import io.tierline.sla.internal.SlaPolicies;
import io.tierline.sla.internal.SlaPolicyAdmin;
import io.tierline.sla.internal.SlaReading;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** A ticket's clocks, and each client's SLA policy matrix and settings. */
@RestController
@RequestMapping("/api/v1")
class SlaApiController {

	private final SlaReading reading;
	private final SlaPolicyAdmin admin;
	private final AccessManagement access;
	private final SlaAttainment attainment;

	SlaApiController(SlaReading reading, SlaPolicyAdmin admin, AccessManagement access, SlaAttainment attainment) {
		this.attainment = attainment;
		this.reading = reading;
		this.admin = admin;
		this.access = access;
	}

	/** A rule of the matrix; null tier, channel or severity match any. */
	record RuleView(long id, String clock, String tier, String channel, String severity, String target, boolean businessTime,
			boolean notifyLead, boolean raiseSeverity, String reassignQueue) {
	}

	record PolicyView(String client, Long calendar, int warningPercent, List<RuleView> rules) {
	}

	record SettingsView(String client, Long calendar, int warningPercent) {
	}

	@GetMapping("/tickets/{id}/sla")
	SlaReading.TicketSla ticketSla(Caller caller, @PathVariable String id) {
		return reading.of(caller, id);
	}

	/** Attainment per clock × tier × channel × severity for a period ({@code from} inclusive, {@code to} exclusive, dates). */
	@GetMapping("/sla/attainment")
	SlaAttainment.Report attainment(Caller caller, @RequestParam(required = false) String client,
			@RequestParam(required = false) String from, @RequestParam(required = false) String to) {
		return attainment.report(caller, client, from, to);
	}

	@GetMapping("/clients/{client}/sla-policy")
	PolicyView policy(Caller caller, @PathVariable String client) {
		var policy = admin.policy(caller, client);
		return new PolicyView(policy.client().slug(), policy.calendarInUse(), policy.settings().warningPercent(),
				policy.rules().stream().map(this::view).toList());
	}

	/** The target a new clock would get: {@code ?clock=FIRST_RESPONSE&tier=T1&channel=EMAIL&severity=P2}. */
	@GetMapping("/clients/{client}/sla-policy/target")
	RuleView target(Caller caller, @PathVariable String client, @RequestParam(required = false) String clock,
			@RequestParam(required = false) String tier, @RequestParam(required = false) String channel,
			@RequestParam(required = false) String severity) {
		return view(admin.resolve(caller, client, clock, tier, channel, severity));
	}

	@PostMapping("/clients/{client}/sla-policy/rules")
	ResponseEntity<RuleView> addRule(Caller caller, @PathVariable String client, @RequestBody SlaPolicyAdmin.RuleInput body) {
		RuleView created = view(admin.addRule(caller, client, body));
		return ResponseEntity.status(HttpStatus.CREATED).location(URI.create("/api/v1/sla-rules/" + created.id())).body(created);
	}

	@PutMapping("/sla-rules/{id}")
	RuleView changeRule(Caller caller, @PathVariable long id, @RequestBody SlaPolicyAdmin.RuleInput body) {
		return view(admin.changeRule(caller, id, body));
	}

	@DeleteMapping("/sla-rules/{id}")
	ResponseEntity<Void> deleteRule(Caller caller, @PathVariable long id) {
		admin.deleteRule(caller, id);
		return ResponseEntity.noContent().build();
	}

	@PutMapping("/clients/{client}/sla-settings")
	SettingsView settings(Caller caller, @PathVariable String client, @RequestBody SlaPolicyAdmin.SettingsInput body) {
		SlaPolicies.Settings s = admin.changeSettings(caller, client, body);
		return new SettingsView(client, s.calendarId(), s.warningPercent());
	}

	private RuleView view(PolicyRule r) {
		return new RuleView(r.id() == null ? 0 : r.id(), r.clock().name(), name(r.tier()), name(r.channel()), name(r.severity()),
				r.target().toString(), r.businessTime(), r.notifyLead(), r.raiseSeverity(), access.queueSlug(r.reassignQueueId()));
	}

	private static String name(Enum<?> e) {
		return e == null ? null : e.name();
	}
}
