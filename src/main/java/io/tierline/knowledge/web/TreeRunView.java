package io.tierline.knowledge.web;

import java.util.List;

import io.tierline.knowledge.internal.TreeRunner;

/**
 * A diagnostic tree run as the API answers it: the question to ask next with its answers, or the
 * end reached; {@code escalation} holds the escalation template fields the answers fill in.
 */
record TreeRunView(String article, String title, int version, List<Integer> answers, List<TreeRunner.Step> path,
		Question next, boolean ended, String outcome, String text, String targetArticle,
		TreeRunner.EscalationDraft escalation, boolean saved) {

	record Question(String id, String text, List<String> answers) {
	}

	static TreeRunView of(TreeRunner.Run run, boolean saved) {
		Question next = run.node() == null ? null
				: new Question(run.node().id(), run.node().text(), run.node().answers().stream().map(a -> a.label()).toList());
		return new TreeRunView(run.tree().reference(), run.tree().title(), run.tree().shownVersion(), run.answers(), run.path(),
				next, run.ended(), run.ended() ? run.end().outcome() : null, run.ended() ? run.end().text() : null,
				run.endArticle() == null ? null : run.endArticle().reference(), run.escalation(), saved);
	}
}
