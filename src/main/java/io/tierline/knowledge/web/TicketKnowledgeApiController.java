package io.tierline.knowledge.web;

import io.tierline.access.Caller;
import io.tierline.common.InputCheck;
import io.tierline.knowledge.internal.ArticleAccess;
import io.tierline.knowledge.internal.KnowledgeLinks;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** SPEC §5 knowledge contribution from a ticket: "link to article updated". */
@RestController
class TicketKnowledgeApiController {

	private final KnowledgeLinks links;
	private final ArticleAccess rights;

	TicketKnowledgeApiController(KnowledgeLinks links, ArticleAccess rights) {
		this.links = links;
		this.rights = rights;
	}

	/** @param action {@code UPDATED} (default) or {@code CREATED} */
	record LinkRequest(String article, String action) {
	}

	record Linked(String ticket, String article, String action) {
	}

	@PostMapping("/api/v1/tickets/{ref}/knowledge-links")
	@ResponseStatus(HttpStatus.CREATED)
	Linked link(Caller caller, @PathVariable String ref, @RequestBody LinkRequest body) {
		var check = new InputCheck();
		var action = check.enumValue(body.action(), KnowledgeLinks.Action.class, "action", KnowledgeLinks.Action.UPDATED);
		check.throwIfInvalid();
		var article = links.linkUpdated(caller, ref, body.article(), rights, action);
		return new Linked(ref, article.reference(), action.name());
	}
}
