package io.tierline.knowledge.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.tierline.access.Caller;
import io.tierline.common.ForbiddenException;
import io.tierline.common.InputCheck;
import io.tierline.common.InvalidInputException;
import io.tierline.knowledge.ArticleKind;
import io.tierline.ticket.EventType;
import io.tierline.ticket.TicketManagement;
import io.tierline.ticket.TicketView;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Runs a diagnostic tree: the answers given so far (indexes into each node's answers) lead to
 * the node to ask next, or to the end the last answer reached. Runs are stateless; the path is
 * saved on the ticket as a {@code DIAGNOSTIC_PATH} event when the run ends, and an escalation
 * end carries the answers into the escalation template (steps attempted, environment fields).
 */
@Service
public class TreeRunner {

	private final ArticleLibrary library;
	private final TicketManagement tickets;

	TreeRunner(ArticleLibrary library, TicketManagement tickets) {
		this.library = library;
		this.tickets = tickets;
	}

	/** One answered question. @param captureKey the environment field the answer fills; may be null */
	public record Step(String nodeId, String question, String answer, String captureKey) {
	}

	/**
	 * Where a run stands. While it goes on, {@code node} is the question to ask and {@code end}
	 * is null; once it ended, {@code end} is the answer that ended it and {@code node} is null.
	 *
	 * @param escalation the escalation template's fields the answers fill in; null unless the run ends in an escalation
	 */
	public record Run(ArticleDetails tree, List<Integer> answers, List<Step> path, DiagnosticTree.Node node,
			DiagnosticTree.Answer end, ArticleSummary endArticle, EscalationDraft escalation) {

		public boolean ended() {
			return end != null;
		}
	}

	/** @param environment capture field key → the answer given */
	public record EscalationDraft(List<String> stepsAttempted, Map<String, String> environment, String reason) {

		/** The steps one a line, as the escalate form and a portal request take them. */
		public String stepsText() {
			return String.join("\n", stepsAttempted) + (reason == null ? "" : "\nEscalation: " + reason);
		}
	}

	public Run run(Caller caller, long treeId, List<Integer> answers) {
		ArticleDetails article = library.published(caller, treeId);
		if (article.kind() != ArticleKind.DIAGNOSTIC_TREE || article.tree() == null) {
			throw InvalidInputException.of("article", article.reference() + " is not a diagnostic tree");
		}
		DiagnosticTree tree = article.tree();
		DiagnosticTree.Node node = tree.startNode();
		List<Step> path = new ArrayList<>();
		var check = new InputCheck();
		List<Integer> given = answers == null ? List.of() : answers;
		for (int i = 0; i < given.size(); i++) {
			Integer index = given.get(i);
			if (node == null || index == null || index < 0 || index >= node.answers().size()) {
				check.add("answers[" + i + "]", node == null ? "the run already ended" : "is not an answer of node '" + node.id() + "'");
				check.throwIfInvalid();
			}
			DiagnosticTree.Answer answer = node.answers().get(index);
			path.add(new Step(node.id(), node.text(), answer.label(), blank(node.captureKey()) ? null : node.captureKey()));
			if (answer.kind() != DiagnosticTree.Outcome.NODE) {
				if (i < given.size() - 1) {
					check.add("answers[" + (i + 1) + "]", "the run already ended");
					check.throwIfInvalid();
				}
				return ended(caller, article, given, path, answer);
			}
			node = tree.node(answer.next());
		}
		return new Run(article, given, path, node, null, null, null);
	}

	private Run ended(Caller caller, ArticleDetails article, List<Integer> given, List<Step> path, DiagnosticTree.Answer end) {
		ArticleSummary target = null;
		if (end.kind() == DiagnosticTree.Outcome.ARTICLE) {
			try {
				var a = library.published(caller, end.article());
				target = new ArticleSummary(a.id(), a.reference(), a.client(), a.kind(), a.status(), a.audience(), a.title(),
						a.version(), a.publishedVersion(), a.updatedAt());
			}
			catch (io.tierline.common.NotFoundException hidden) {
				// an internal article a requester may not read: the end still counts, without the link
			}
		}
		EscalationDraft draft = end.kind() == DiagnosticTree.Outcome.ESCALATION ? draft(article, path, end) : null;
		return new Run(article, given, path, null, end, target, draft);
	}

	private static EscalationDraft draft(ArticleDetails article, List<Step> path, DiagnosticTree.Answer end) {
		List<String> steps = new ArrayList<>();
		Map<String, String> environment = new LinkedHashMap<>();
		steps.add("Diagnostic tree " + article.reference() + " (" + article.title() + "):");
		for (Step s : path) {
			steps.add(s.question() + " → " + s.answer());
			if (s.captureKey() != null) {
				environment.put(s.captureKey(), s.answer());
			}
		}
		return new EscalationDraft(steps, environment, end.text());
	}

	/**
	 * Saves an ended run on the ticket as a {@code DIAGNOSTIC_PATH} event. Staff save it on a
	 * ticket they work; a requester on their own ticket.
	 */
	@Transactional
	public Run save(Caller caller, long treeId, List<Integer> answers, String ticketRef) {
		Run run = run(caller, treeId, answers);
		if (!run.ended()) {
			throw InvalidInputException.of("answers", "the run has not reached an end yet");
		}
		TicketView ticket = tickets.visible(caller, ticketRef);
		if (tickets.isStaffOn(caller, ticket)) {
			caller.requireMayChangeTicketsOf(library.clientId(ticket.client()));
		}
		else if (!ticket.requester().email().equalsIgnoreCase(caller.email())) {
			throw new ForbiddenException("Only the ticket's requester or its agents save a diagnostic path on it");
		}
		if (!ticket.client().equals(run.tree().client())) {
			throw InvalidInputException.of("ticket", "is not a ticket of the tree's client");
		}
		tickets.recordEvent(caller, ticket.id(), EventType.DIAGNOSTIC_PATH, data(run));
		return run;
	}

	static Map<String, Object> data(Run run) {
		Map<String, Object> data = new LinkedHashMap<>();
		data.put("article", run.tree().reference());
		data.put("version", run.tree().shownVersion());
		data.put("path", run.path().stream().map(s -> Map.of("question", s.question(), "answer", s.answer())).toList());
		data.put("outcome", run.end().outcome());
		if (run.end().text() != null) {
			data.put("text", run.end().text());
		}
		if (run.end().article() != null) {
			data.put("target", "KB-" + run.end().article());
		}
		return data;
	}

	private static boolean blank(String s) {
		return s == null || s.isBlank();
	}
}
