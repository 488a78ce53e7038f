package io.tierline.knowledge.web;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import io.tierline.knowledge.internal.ArticleDetails;
import io.tierline.knowledge.internal.ArticleInput;
import io.tierline.knowledge.internal.DiagnosticTree;
import io.tierline.knowledge.internal.MacroSpec;

import org.springframework.util.MultiValueMap;

/**
 * The article form's fields and the tree editor's node list. A node's answers are written one a
 * line as {@code label -> target}, where the target is {@code node:ID}, {@code article:KB-12},
 * {@code resolve: what solves it} or {@code escalate: why}.
 */
record ArticleForm(String client, String kind, String audience, String title, String body, String products, String note,
		String fromTicket, String intent, String reply, String status, String severity, String category, String tags,
		List<NodeRow> nodes, String knownIssue) {

	static final int SPARE_NODES = 2;

	record NodeRow(String id, String text, String capture, String answers) {
	}

	static ArticleForm blank(String client, String kind, String title, String body, String fromTicket) {
		return new ArticleForm(client, kind, "INTERNAL", title, body, "", "", fromTicket, "", "", "", "", "", "", spare(new ArrayList<>()),
				"");
	}

	static ArticleForm of(ArticleDetails a) {
		MacroSpec m = a.macro();
		List<NodeRow> rows = new ArrayList<>();
		if (a.tree() != null) {
			a.tree().nodes().forEach(n -> rows.add(new NodeRow(n.id(), n.text(), n.captureKey(),
					String.join("\n", n.answers().stream().map(ArticleForm::line).toList()))));
		}
		return new ArticleForm(a.client(), a.kind().name(), a.audience().name(), a.title(), a.body(), String.join(", ", a.products()),
				"", null, m == null ? "" : m.intent(), m == null ? "" : m.reply(), m == null ? "" : m.status(),
				m == null ? "" : m.severity(), m == null ? "" : m.category(),
				m == null || m.tags() == null ? "" : String.join(", ", m.tags()), spare(rows),
				a.knownIssue() == null ? "" : String.valueOf(a.knownIssue().id()));
	}

	static ArticleForm read(MultiValueMap<String, String> p) {
		List<NodeRow> rows = new ArrayList<>();
		for (int i = 0; p.containsKey("node" + i + ".id"); i++) {
			rows.add(new NodeRow(p.getFirst("node" + i + ".id"), p.getFirst("node" + i + ".text"), p.getFirst("node" + i + ".capture"),
					p.getFirst("node" + i + ".answers")));
		}
		return new ArticleForm(p.getFirst("client"), p.getFirst("kind"), p.getFirst("audience"), p.getFirst("title"),
				p.getFirst("body"), p.getFirst("products"), p.getFirst("note"), p.getFirst("fromTicket"), p.getFirst("intent"),
				p.getFirst("reply"), p.getFirst("status"), p.getFirst("severity"), p.getFirst("category"), p.getFirst("tags"), rows,
				p.getFirst("knownIssue"));
	}

	ArticleInput input() {
		MacroSpec macro = "MACRO".equals(kind) ? new MacroSpec(intent, reply, status, severity, category,
				tags == null || tags.isBlank() ? null : list(tags)) : null;
		return new ArticleInput(client, kind, audience, title, body, list(products), "DIAGNOSTIC_TREE".equals(kind) ? tree() : null,
				macro, note, fromTicket, knownIssue == null || knownIssue.isBlank() ? null : knownIssueId());
	}

	ArticleForm withSpareNodes() {
		return new ArticleForm(client, kind, audience, title, body, products, note, fromTicket, intent, reply, status, severity,
				category, tags, spare(new ArrayList<>(nodes.stream().filter(n -> !empty(n)).toList())), knownIssue);
	}

	/** A number that is not one is sent as -1, which the workflow reports as not a known issue of the client. */
	private Long knownIssueId() {
		try {
			return Long.valueOf(knownIssue.strip());
		}
		catch (NumberFormatException e) {
			return -1L;
		}
	}

	private DiagnosticTree tree() {
		List<DiagnosticTree.Node> out = new ArrayList<>();
		for (NodeRow row : nodes) {
			if (empty(row)) {
				continue;
			}
			List<DiagnosticTree.Answer> answers = new ArrayList<>();
			for (String line : (row.answers() == null ? "" : row.answers()).split("\\R")) {
				if (!line.isBlank()) {
					answers.add(answer(line));
				}
			}
			out.add(new DiagnosticTree.Node(strip(row.id()), strip(row.text()), strip(row.capture()), answers));
		}
		return new DiagnosticTree(null, out);
	}

	/** A line the editor could not read becomes an answer with no outcome, which the tree's check names. */
	static DiagnosticTree.Answer answer(String line) {
		int arrow = line.indexOf("->");
		if (arrow < 0) {
			return new DiagnosticTree.Answer(line.strip(), null, null, null, null);
		}
		String label = line.substring(0, arrow).strip();
		String target = line.substring(arrow + 2).strip();
		int colon = target.indexOf(':');
		String kind = colon < 0 ? target : target.substring(0, colon).strip().toLowerCase();
		String rest = colon < 0 ? "" : target.substring(colon + 1).strip();
		return switch (kind) {
			case "node" -> new DiagnosticTree.Answer(label, "NODE", rest, null, null);
			case "article" -> new DiagnosticTree.Answer(label, "ARTICLE", null, articleId(rest), null);
			case "resolve" -> new DiagnosticTree.Answer(label, "RESOLUTION", null, null, rest);
			case "escalate" -> new DiagnosticTree.Answer(label, "ESCALATION", null, null, rest.isEmpty() ? null : rest);
			default -> new DiagnosticTree.Answer(label, kind.toUpperCase(), null, null, null);
		};
	}

	static String line(DiagnosticTree.Answer a) {
		return a.label() + " -> " + switch (a.outcome()) {
			case "NODE" -> "node:" + a.next();
			case "ARTICLE" -> "article:KB-" + a.article();
			case "RESOLUTION" -> "resolve: " + a.text();
			default -> "escalate: " + (a.text() == null ? "" : a.text());
		};
	}

	private static Long articleId(String ref) {
		String s = ref.toUpperCase().startsWith("KB-") ? ref.substring(3) : ref;
		try {
			return Long.valueOf(s.strip());
		}
		catch (NumberFormatException e) {
			return -1L;
		}
	}

	private static List<NodeRow> spare(List<NodeRow> rows) {
		for (int i = 0; i < SPARE_NODES; i++) {
			rows.add(new NodeRow("", "", "", ""));
		}
		return rows;
	}

	private static boolean empty(NodeRow n) {
		return (n.id() == null || n.id().isBlank()) && (n.text() == null || n.text().isBlank())
				&& (n.answers() == null || n.answers().isBlank());
	}

	private static List<String> list(String csv) {
		return csv == null ? List.of() : Arrays.stream(csv.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
	}

	private static String strip(String s) {
		return s == null || s.isBlank() ? null : s.strip();
	}
}
