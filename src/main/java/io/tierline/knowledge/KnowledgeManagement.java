package io.tierline.knowledge;

import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

import io.tierline.access.AccessManagement;
import io.tierline.knowledge.internal.Article;
import io.tierline.knowledge.internal.ArticleVersion;
import io.tierline.knowledge.internal.Articles;

import org.springframework.stereotype.Service;

/**
 * The knowledge module's API for other modules: published articles as documents, for the
 * search index (rebuilt with {@link #forEachPublished}, kept current by the events in
 * {@link KnowledgeEvents}) and for tier-0 answers.
 */
@Service
public class KnowledgeManagement {

	static final int PAGE = 200;

	private final Articles articles;
	private final AccessManagement access;

	KnowledgeManagement(Articles articles, AccessManagement access) {
		this.articles = articles;
		this.access = access;
	}

	/**
	 * Every readable (published, not archived) article of every client, by id, read a page of
	 * {@value #PAGE} at a time (keyset on id), so a rebuild never holds the library in memory.
	 */
	public void forEachPublished(Consumer<ArticleDocument> consumer) {
		long after = 0;
		while (true) {
			List<Article> page = articles.readableAfter(after, PAGE);
			page.forEach(a -> consumer.accept(document(a)));
			if (page.size() < PAGE) {
				return;
			}
			after = page.get(page.size() - 1).id();
		}
	}

	/** The article as readers see it now; empty when it does not exist or is not readable (never published, archived). */
	public Optional<ArticleDocument> published(long articleId) {
		return articles.find(articleId).filter(Article::readable).map(this::document);
	}

	private ArticleDocument document(Article a) {
		ArticleVersion v = articles.version(a.id(), a.publishedVersion()).orElseThrow();
		return new ArticleDocument(a.id(), a.reference(), a.clientId(), access.organization(a.clientId()).slug(), a.kind(),
				v.audience(), v.version(), v.title(), v.body(), articles.products(a.id()), a.publishedAt());
	}
}
