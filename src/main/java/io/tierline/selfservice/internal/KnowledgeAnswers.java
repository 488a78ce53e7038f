package io.tierline.selfservice.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import io.tierline.knowledge.ArticleKind;
import io.tierline.knowledge.Audience;
import io.tierline.knowledge.KnowledgeManagement;
import io.tierline.search.SearchManagement;
import io.tierline.selfservice.SelfServiceAnswers;
import io.tierline.selfservice.SuggestedAnswer;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.web.util.HtmlUtils;

/**
 * The assistant's answers: the client's public, published articles found by the search module's
 * hybrid ranking (words and meaning), each with its best passage as plain text and the requester's
 * page for it. A published diagnostic tree is offered as a {@code TREE} to run. The knowledge module
 * is asked once more per answer, so an article archived or made internal a moment ago is never offered.
 */
@Component
class KnowledgeAnswers implements SelfServiceAnswers {

	private final SearchManagement search;
	private final KnowledgeManagement knowledge;
	private final double floor;

	KnowledgeAnswers(SearchManagement search, KnowledgeManagement knowledge,
			@Value("${tierline.selfservice.answer-floor:0.3}") double floor) {
		this.search = search;
		this.knowledge = knowledge;
		this.floor = floor;
	}

	/**
	 * The ranking always has a nearest article; an answer is offered only when the question and the
	 * article's title and passage are close in meaning (cosine of their embeddings at least the floor),
	 * so an off-topic question gets "found nothing" and the way to an agent instead of noise.
	 */
	@Override
	public List<SuggestedAnswer> answer(long clientId, String question, int limit) {
		List<SuggestedAnswer> found = search.publicArticles(clientId, question, limit).stream()
			.flatMap(p -> answer(clientId, p).stream())
			.toList();
		if (found.isEmpty() || floor <= -1) {
			return found;
		}
		List<Double> close = search.similarities(question, found.stream().map(a -> a.title() + ". " + a.passage()).toList());
		List<SuggestedAnswer> kept = new ArrayList<>();
		for (int i = 0; i < found.size(); i++) {
			if (close.get(i) >= floor) {
				kept.add(found.get(i));
			}
		}
		return kept;
	}

	private Optional<SuggestedAnswer> answer(long clientId, SearchManagement.PublicPassage p) {
		return knowledge.published(p.articleId())
			.filter(a -> a.clientId() == clientId && a.audience() == Audience.PUBLIC)
			.map(a -> a.kind() == ArticleKind.DIAGNOSTIC_TREE
					? new SuggestedAnswer("TREE", a.articleId(), a.title(), plain(p.passage()), "/help/" + a.articleId() + "/run", p.score())
					: new SuggestedAnswer("ARTICLE", a.articleId(), a.title(), plain(p.passage()), "/help/" + a.articleId(), p.score()));
	}

	/** The highlighted snippet (escaped HTML with {@code <mark>}) as the plain text it quotes. */
	static String plain(String snippet) {
		if (snippet == null) {
			return "";
		}
		return HtmlUtils.htmlUnescape(snippet.replace("<mark>", "").replace("</mark>", "")).strip();
	}
}
