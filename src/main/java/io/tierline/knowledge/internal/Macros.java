package io.tierline.knowledge.internal;

import java.util.LinkedHashMap;
import java.util.Map;

import io.tierline.access.Caller;
import io.tierline.common.ForbiddenException;
import io.tierline.common.InvalidInputException;
import io.tierline.knowledge.ArticleKind;
import io.tierline.ticket.EventType;
import io.tierline.ticket.TicketManagement;
import io.tierline.ticket.TicketView;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Applies a published macro to a ticket (SPEC §5 runbook/macro for scripted T1 intents): the
 * reply is posted under the ticket page's rules (a SUPERVISED agent's reply waits for a lead),
 * the fields change as the macro says, and the intent is logged as a {@code MACRO_APPLIED} event.
 */
@Service
public class Macros {

	private final ArticleLibrary library;
	private final TicketManagement tickets;

	Macros(ArticleLibrary library, TicketManagement tickets) {
		this.library = library;
		this.tickets = tickets;
	}

	/** @param replyHeld the reply waits for a lead's approval; @param replyId null when the macro has no reply */
	public record Applied(String ticket, String macro, String intent, Long replyId, boolean replyHeld) {
	}

	@Transactional
	public Applied apply(Caller caller, long macroId, String ticketRef) {
		ArticleDetails macro = library.published(caller, macroId);
		if (macro.kind() != ArticleKind.MACRO || macro.macro() == null) {
			throw InvalidInputException.of("macro", macro.reference() + " is not a macro");
		}
		if (macro.publishedVersion() == null || macro.status() == io.tierline.knowledge.ArticleStatus.ARCHIVED) {
			throw InvalidInputException.of("macro", macro.reference() + " is not published");
		}
		TicketView ticket = tickets.visible(caller, ticketRef);
		if (!tickets.isStaffOn(caller, ticket)) {
			throw new ForbiddenException("Agents apply macros");
		}
		if (!ticket.client().equals(macro.client())) {
			throw InvalidInputException.of("ticket", "is not a ticket of the macro's client");
		}
		MacroSpec spec = macro.macro();
		Long replyId = null;
		boolean held = false;
		if (spec.reply() != null) {
			var reply = tickets.replyPublicly(caller, ticket.number(), spec.reply());
			replyId = reply.messageId();
			held = reply.held();
		}
		if (spec.status() != null || spec.severity() != null || spec.category() != null || spec.tags() != null) {
			tickets.change(caller, ticket.number(), spec.status(), spec.severity(), spec.category(), spec.tags());
		}
		Map<String, Object> data = new LinkedHashMap<>();
		data.put("article", macro.reference());
		data.put("version", macro.shownVersion());
		data.put("intent", spec.intent());
		tickets.recordEvent(caller, ticket.id(), EventType.MACRO_APPLIED, data);
		return new Applied(ticket.number(), macro.reference(), spec.intent(), replyId, held);
	}
}
