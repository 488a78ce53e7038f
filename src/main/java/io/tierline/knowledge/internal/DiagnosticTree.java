package io.tierline.knowledge.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.LongPredicate;
import java.util.regex.Pattern;

import io.tierline.common.InputCheck;
import tools.jackson.databind.json.JsonMapper;

/**
 * SPEC §5 diagnostic tree: questions and checks whose answers lead to the next node, an
 * article, a resolution or an escalation. A node may name the capture field its answer fills
 * in (e.g. {@code operatingSystem}), so an escalation carries it in its environment.
 *
 * @param start the first node's id; null means the first node
 */
public record DiagnosticTree(String start, List<Node> nodes) {

	static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9_-]{0,39}");
	static final Pattern CAPTURE_KEY = Pattern.compile("[a-z][A-Za-z0-9_]{0,39}");
	private static final JsonMapper JSON = JsonMapper.builder().build();

	public enum Outcome {
		NODE, ARTICLE, RESOLUTION, ESCALATION
	}

	/** @param captureKey the escalation environment field this node's answer fills; may be null */
	public record Node(String id, String text, String captureKey, List<Answer> answers) {

		public Node {
			answers = answers == null ? List.of() : List.copyOf(answers);
		}
	}

	/**
	 * @param outcome one of {@link Outcome} (text, so that a wrong one is a field problem)
	 * @param next the node an answer leads to (NODE)
	 * @param article the article it leads to (ARTICLE)
	 * @param text the resolution, or the reason to escalate (may be null for ESCALATION)
	 */
	public record Answer(String label, String outcome, String next, Long article, String text) {

		public Outcome kind() {
			return Outcome.valueOf(outcome);
		}
	}

	public DiagnosticTree {
		nodes = nodes == null ? List.of() : List.copyOf(nodes);
	}

	public Node startNode() {
		return node(start == null ? nodes.get(0).id() : start);
	}

	public Node node(String id) {
		return nodes.stream().filter(n -> n.id().equals(id)).findFirst().orElse(null);
	}

	public String json() {
		return JSON.writeValueAsString(this);
	}

	public static DiagnosticTree parse(String json) {
		return json == null ? null : JSON.readValue(json, DiagnosticTree.class);
	}

	/**
	 * Checks a tree an editor wrote; problems are reported under {@code field} (e.g.
	 * {@code tree.nodes[1].answers[0].next}). {@code articleOfClient} tells whether an article id
	 * is one of the same client's.
	 */
	public DiagnosticTree validated(InputCheck check, String field, LongPredicate articleOfClient) {
		if (nodes.isEmpty() || nodes.size() > 100) {
			check.add(field + ".nodes", "a tree has between 1 and 100 nodes");
			return this;
		}
		Set<String> ids = new HashSet<>();
		for (int i = 0; i < nodes.size(); i++) {
			Node n = nodes.get(i);
			String at = field + ".nodes[" + i + "]";
			check.require(n.id() != null && ID.matcher(n.id()).matches(), at + ".id",
					"must be lower-case letters, digits, - or _ (at most 40)");
			check.require(n.id() == null || ids.add(n.id()), at + ".id", "'" + n.id() + "' appears twice");
			check.require(n.text() != null && !n.text().isBlank() && n.text().length() <= 500, at + ".text",
					"must not be blank (at most 500 characters)");
			check.require(n.captureKey() == null || n.captureKey().isBlank() || CAPTURE_KEY.matcher(n.captureKey()).matches(),
					at + ".captureKey", "must start with a lower-case letter and hold only letters, digits and _");
			check.require(!n.answers().isEmpty() && n.answers().size() <= 12, at + ".answers", "a node has between 1 and 12 answers");
		}
		for (int i = 0; i < nodes.size(); i++) {
			List<Answer> answers = nodes.get(i).answers();
			for (int j = 0; j < answers.size(); j++) {
				answer(answers.get(j), ids, field + ".nodes[" + i + "].answers[" + j + "]", check, articleOfClient);
			}
		}
		check.require(start == null || ids.contains(start), field + ".start", "is not the id of a node");
		if (!check.hasProblems()) {
			noCycle(field, check);
		}
		return this;
	}

	private static void answer(Answer a, Set<String> ids, String at, InputCheck check, LongPredicate articleOfClient) {
		check.require(a.label() != null && !a.label().isBlank() && a.label().length() <= 200, at + ".label",
				"must not be blank (at most 200 characters)");
		Outcome outcome = check.optionalEnum(a.outcome(), Outcome.class, at + ".outcome");
		if (a.outcome() == null || a.outcome().isBlank()) {
			check.add(at + ".outcome", "must be one of NODE, ARTICLE, RESOLUTION, ESCALATION");
		}
		check.require(a.text() == null || a.text().length() <= 2000, at + ".text", "must be at most 2000 characters");
		if (outcome == Outcome.NODE) {
			check.require(a.next() != null && ids.contains(a.next()), at + ".next", "is not the id of a node of this tree");
		}
		else if (outcome == Outcome.ARTICLE) {
			check.require(a.article() != null && articleOfClient.test(a.article()), at + ".article",
					"is not an article of this client");
		}
		else if (outcome == Outcome.RESOLUTION) {
			check.require(a.text() != null && !a.text().isBlank(), at + ".text", "a resolution says what solves it");
		}
	}

	/** A runner must end: no answer may lead back to a node on its own path. */
	private void noCycle(String field, InputCheck check) {
		Map<String, Integer> state = new HashMap<>();
		for (Node n : nodes) {
			if (visit(n, state)) {
				check.add(field + ".nodes", "the answers lead in a circle through node '" + n.id() + "'");
				return;
			}
		}
	}

	private boolean visit(Node n, Map<String, Integer> state) {
		Integer s = state.get(n.id());
		if (s != null) {
			return s == 1;
		}
		state.put(n.id(), 1);
		for (Answer a : n.answers()) {
			if ("NODE".equals(a.outcome()) && visit(node(a.next()), state)) {
				return true;
			}
		}
		state.put(n.id(), 2);
		return false;
	}

	/** The ids of the articles the tree leads to. */
	public List<Long> articles() {
		List<Long> ids = new ArrayList<>();
		nodes.forEach(n -> n.answers().stream().filter(a -> "ARTICLE".equals(a.outcome()) && a.article() != null)
			.forEach(a -> ids.add(a.article())));
		return ids;
	}
}
