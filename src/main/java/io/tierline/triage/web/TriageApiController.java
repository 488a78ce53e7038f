package io.tierline.triage.web;

import java.net.URI;
import java.util.List;

import io.tierline.access.Caller;
import io.tierline.triage.TicketSuggestion;
import io.tierline.triage.internal.Suggestions;
import io.tierline.triage.internal.TicketTriage;
import io.tierline.triage.internal.TriageAdmin;
import io.tierline.triage.internal.TriageModels.ModelVersion;
import io.tierline.triage.internal.TriageRules.Rule;
import io.tierline.triage.internal.TriageSettings.Settings;

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
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Triage over HTTP (SPEC §6, issue 8); rights are decided in the services. */
@RestController
@RequestMapping("/api/v1/triage")
class TriageApiController {

	private final TicketTriage triage;
	private final TriageAdmin admin;

	TriageApiController(TicketTriage triage, TriageAdmin admin) {
		this.triage = triage;
		this.admin = admin;
	}

	record SettingsRequest(Double threshold, Boolean autoApply, Integer minExamples) {
	}

	record ModelPage(List<ModelVersion> items, String nextCursor) {
	}

	@GetMapping("/tickets/{ref}/suggestion")
	TicketSuggestion suggestion(Caller caller, @PathVariable String ref) {
		return triage.suggestionFor(caller, ref);
	}

	@PostMapping("/tickets/{ref}/suggestion/accept")
	TicketSuggestion accept(Caller caller, @PathVariable String ref) {
		return triage.accept(caller, ref);
	}

	@GetMapping("/clients/{client}/settings")
	Settings settings(Caller caller, @PathVariable String client) {
		return admin.settings(caller, client);
	}

	@PutMapping("/clients/{client}/settings")
	Settings saveSettings(Caller caller, @PathVariable String client, @RequestBody SettingsRequest body) {
		return admin.saveSettings(caller, client, body.threshold(), body.autoApply(), body.minExamples());
	}

	/** Starts (or joins) a training of the client's model; poll the returned version for progress. */
	@PostMapping("/clients/{client}/training")
	ResponseEntity<ModelVersion> train(Caller caller, @PathVariable String client) {
		ModelVersion version = admin.train(caller, client);
		return ResponseEntity.status(HttpStatus.ACCEPTED)
			.location(URI.create("/api/v1/triage/clients/" + client + "/models/" + version.id())).body(version);
	}

	/** Newest first; {@code cursor} is the last id of the previous page. */
	@GetMapping("/clients/{client}/models")
	ModelPage models(Caller caller, @PathVariable String client, @RequestParam(required = false) Long cursor,
			@RequestParam(required = false) Integer limit) {
		int size = io.tierline.common.Keyset.limit(limit, 20, 100, "limit");
		List<ModelVersion> items = admin.models(caller, client, cursor, size);
		return new ModelPage(items, items.size() == size ? String.valueOf(items.get(items.size() - 1).id()) : null);
	}

	@GetMapping("/clients/{client}/models/{id}")
	ModelVersion model(Caller caller, @PathVariable String client, @PathVariable long id) {
		return admin.model(caller, client, id);
	}

	@GetMapping("/clients/{client}/rules")
	List<Rule> rules(Caller caller, @PathVariable String client) {
		return admin.rules(caller, client);
	}

	@PostMapping("/clients/{client}/rules")
	ResponseEntity<Rule> addRule(Caller caller, @PathVariable String client, @RequestBody TriageAdmin.RuleInput body) {
		Rule rule = admin.addRule(caller, client, body);
		return ResponseEntity.created(URI.create("/api/v1/triage/clients/" + client + "/rules/" + rule.id())).body(rule);
	}

	@PutMapping("/clients/{client}/rules/{id}")
	Rule updateRule(Caller caller, @PathVariable String client, @PathVariable long id, @RequestBody TriageAdmin.RuleInput body) {
		return admin.updateRule(caller, client, id, body);
	}

	@DeleteMapping("/clients/{client}/rules/{id}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void deleteRule(Caller caller, @PathVariable String client, @PathVariable long id) {
		admin.deleteRule(caller, client, id);
	}

	@GetMapping("/clients/{client}/accuracy")
	Suggestions.Accuracy accuracy(Caller caller, @PathVariable String client, @RequestParam(required = false) Integer days) {
		return admin.accuracy(caller, client, days);
	}
}
