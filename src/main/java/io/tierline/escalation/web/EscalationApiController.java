package io.tierline.escalation.web;

import java.net.URI;
import java.util.List;

import io.tierline.access.Caller;
import io.tierline.common.InputCheck;
import io.tierline.common.Keyset;
import io.tierline.escalation.internal.Criteria;
import io.tierline.escalation.internal.Escalation;
import io.tierline.escalation.internal.EscalationDecisions;
import io.tierline.escalation.internal.EscalationForm;
import io.tierline.escalation.internal.EscalationInbox;
import io.tierline.escalation.internal.EscalationWorkflow;
import tools.jackson.databind.JsonNode;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** SPEC §3 escalations: make one, read a ticket's history, the inbox of a tier, decide, track a vendor. */
@RestController
@RequestMapping("/api/v1")
class EscalationApiController {

	private final EscalationWorkflow workflow;
	private final EscalationDecisions decisions;
	private final EscalationInbox inbox;
	private final EscalationForm form;
	private final Criteria criteria;

	EscalationApiController(EscalationWorkflow workflow, EscalationDecisions decisions, EscalationInbox inbox,
			EscalationForm form, Criteria criteria) {
		this.workflow = workflow;
		this.decisions = decisions;
		this.inbox = inbox;
		this.form = form;
		this.criteria = criteria;
	}

	@PostMapping("/tickets/{id}/escalations")
	ResponseEntity<EscalationView> escalate(Caller caller, @PathVariable String id, @RequestBody(required = false) JsonNode body) {
		var check = new InputCheck();
		var request = EscalationRequests.read(body, check);
		Escalation e = workflow.escalate(caller, id, request, check);
		return ResponseEntity.status(HttpStatus.CREATED).location(URI.create("/api/v1/escalations/" + e.id())).body(view(e));
	}

	@GetMapping("/tickets/{id}/escalations")
	List<EscalationView> history(Caller caller, @PathVariable String id) {
		return workflow.history(caller, id).stream().map(this::view).toList();
	}

	/** What an escalation of this ticket must carry now: target tiers, applicable criteria, the capture template. */
	@GetMapping("/tickets/{id}/escalation-template")
	EscalationForm.Template template(Caller caller, @PathVariable String id) {
		return form.template(caller, id);
	}

	/** The inbox of a tier: PENDING escalations into T3 by default, oldest first. */
	@GetMapping("/escalations")
	InboxPage list(Caller caller, @RequestParam(required = false) String state, @RequestParam(required = false) String toTier,
			@RequestParam(required = false) String client, @RequestParam(required = false) String cursor,
			@RequestParam(required = false) Integer limit) {
		var page = inbox.list(caller, state, toTier, client, Keyset.decode(cursor, "cursor"), Keyset.limit(limit, 50, 200, "limit"));
		return new InboxPage(page.items().stream()
			.map(i -> new InboxItem(EscalationView.of(i.escalation(), i.ticketNumber(), null), i.subject(), i.severity(), i.criterion()))
			.toList(), page.nextCursor());
	}

	record InboxItem(EscalationView escalation, String subject, String severity, String criterionName) {
	}

	record InboxPage(List<InboxItem> items, String nextCursor) {
	}

	@GetMapping("/escalations/{id}")
	EscalationView get(Caller caller, @PathVariable long id) {
		return view(decisions.visible(caller, id));
	}

	@PostMapping("/escalations/{id}/decision")
	EscalationView decide(Caller caller, @PathVariable long id, @RequestBody EscalationDecisions.Decision body) {
		return view(decisions.decide(caller, id, body));
	}

	@PutMapping("/escalations/{id}/vendor")
	EscalationView vendor(Caller caller, @PathVariable long id, @RequestBody(required = false) JsonNode body) {
		var check = new InputCheck();
		check.require(body != null && body.isObject(), "body", "must be a JSON object: name, reference, status");
		check.throwIfInvalid();
		var input = new EscalationWorkflow.VendorInput(EscalationRequests.text(body, "name", check),
				EscalationRequests.text(body, "reference", check), EscalationRequests.text(body, "status", check));
		check.throwIfInvalid();
		return view(decisions.vendorUpdate(caller, id, input));
	}

	private EscalationView view(Escalation e) {
		return EscalationView.of(e, form.ticketNumber(e), criteria.find(e.criterionId()).map(c -> c.code()).orElse(null));
	}
}
