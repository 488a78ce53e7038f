package io.tierline.ticket.web;

import java.util.List;

import io.tierline.access.Caller;
import io.tierline.ticket.internal.Conversation;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** SPEC §1: replies of SUPERVISED agents wait here for a lead's decision. */
@RestController
class ApprovalApiController {

	private final Conversation conversation;

	ApprovalApiController(Conversation conversation) {
		this.conversation = conversation;
	}

	@GetMapping("/api/v1/approvals")
	List<TicketApiController.MessageView> held(Caller caller) {
		return conversation.held(caller).stream().map(m -> TicketApiController.MessageView.of(m, List.of())).toList();
	}

	record Decision(Boolean approved, String note) {
	}

	@PostMapping("/api/v1/messages/{id}/approval")
	TicketApiController.MessageView decide(Caller caller, @PathVariable long id, @RequestBody Decision decision) {
		if (decision.approved() == null) {
			throw io.tierline.common.InvalidInputException.of("approved", "must be true or false");
		}
		return TicketApiController.MessageView.of(conversation.review(caller, id, decision.approved(), decision.note()), List.of());
	}
}
