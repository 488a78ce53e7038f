package io.tierline.assist.web;

import io.tierline.access.Caller;
import io.tierline.assist.internal.AgentAssist;
import io.tierline.assist.internal.Assistance;
import io.tierline.assist.internal.AssistUsage;
import io.tierline.assist.internal.ReplyDrafting;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Agent assist over HTTP (issue 8, docs/assist.md); rights are decided in the services. */
@RestController
class AssistApiController {

	private final AgentAssist assist;
	private final ReplyDrafting drafting;
	private final AssistUsage usage;

	AssistApiController(AgentAssist assist, ReplyDrafting drafting, AssistUsage usage) {
		this.assist = assist;
		this.drafting = drafting;
		this.usage = usage;
	}

	@GetMapping("/api/v1/tickets/{ref}/assist")
	Assistance forTicket(Caller caller, @PathVariable String ref) {
		return assist.forTicket(caller, ref);
	}

	@PostMapping("/api/v1/tickets/{ref}/assist/draft-reply")
	ReplyDrafting.Draft draftReply(Caller caller, @PathVariable String ref) {
		return drafting.draft(caller, ref);
	}

	@PostMapping("/api/v1/assist/suggestions/{id}/use")
	AssistUsage.Used use(Caller caller, @PathVariable long id) {
		return usage.use(caller, id);
	}

	@PostMapping("/api/v1/assist/suggestions/{id}/note")
	AssistUsage.Used addAsNote(Caller caller, @PathVariable long id) {
		return usage.addAsNote(caller, id);
	}

	@GetMapping("/api/v1/assist/usage")
	AssistUsage.Report report(Caller caller, @RequestParam(required = false) String client, @RequestParam(required = false) Integer days) {
		return usage.report(caller, client, days);
	}
}
