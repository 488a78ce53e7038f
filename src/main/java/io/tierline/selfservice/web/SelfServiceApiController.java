package io.tierline.selfservice.web;

import java.net.URI;

import io.tierline.access.Caller;
import io.tierline.selfservice.internal.SelfService;
import io.tierline.selfservice.internal.SessionView;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Tier-0 self-service for requesters over the API (the portal's assistant uses the same service). */
@RestController
@RequestMapping("/api/v1/selfservice/sessions")
class SelfServiceApiController {

	record Start(String client, String text) {
	}

	record Ask(String text) {
	}

	record Escalate(String subject) {
	}

	private final SelfService selfService;

	SelfServiceApiController(SelfService selfService) {
		this.selfService = selfService;
	}

	@PostMapping
	ResponseEntity<SessionView> start(Caller caller, @RequestBody Start body) {
		SessionView session = selfService.start(caller, body.client(), body.text());
		return ResponseEntity.created(URI.create("/api/v1/selfservice/sessions/" + session.id())).body(session);
	}

	@GetMapping("/{id}")
	SessionView get(Caller caller, @PathVariable long id) {
		return selfService.get(caller, id);
	}

	@PostMapping("/{id}/messages")
	SessionView ask(Caller caller, @PathVariable long id, @RequestBody Ask body) {
		return selfService.ask(caller, id, body.text());
	}

	@PostMapping("/{id}/deflect")
	SessionView deflect(Caller caller, @PathVariable long id) {
		return selfService.deflect(caller, id);
	}

	@PostMapping("/{id}/escalate")
	SessionView escalate(Caller caller, @PathVariable long id, @RequestBody(required = false) Escalate body) {
		return selfService.escalate(caller, id, body == null ? null : body.subject());
	}
}
