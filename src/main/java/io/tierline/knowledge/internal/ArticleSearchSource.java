package io.tierline.knowledge.internal;

import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

import io.tierline.access.Caller;
import io.tierline.knowledge.KnowledgeEvents.ArticleArchived;
import io.tierline.knowledge.KnowledgeEvents.ArticleChanged;
import io.tierline.knowledge.KnowledgeEvents.ArticlePublished;
import io.tierline.search.SearchDocument;
import io.tierline.search.SearchIndexing;
import io.tierline.search.SearchSource;
import org.jsoup.Jsoup;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Articles in search (SPEC §4): the <em>published</em> version of every readable article (published,
 * not archived), as plain text, with the published version's audience and status {@code PUBLISHED}.
 * A proposed edit leaves the indexed version alone until it is published. The second access check is
 * the knowledge module's own read rule ({@link ArticleAccess}): staff of the client read every
 * readable article, its requesters only the public ones.
 * <p>
 * The events are handled synchronously, inside the transaction that changed the article, so the
 * index log row commits (or rolls back) with the change.
 */
@Component
class ArticleSearchSource implements SearchSource {

	static final String PUBLISHED = "PUBLISHED";
	private static final int PAGE = 200;

	private final Articles articles;
	private final ArticleAccess rights;
	private final MarkdownRenderer markdown;
	private final SearchIndexing indexing;

	ArticleSearchSource(Articles articles, ArticleAccess rights, MarkdownRenderer markdown, SearchIndexing indexing) {
		this.articles = articles;
		this.rights = rights;
		this.markdown = markdown;
		this.indexing = indexing;
	}

	@EventListener
	void on(ArticlePublished published) {
		indexing.changed(SearchDocument.Type.ARTICLE, published.articleId());
	}

	@EventListener
	void on(ArticleArchived archived) {
		indexing.remove(SearchDocument.Type.ARTICLE, archived.articleId());
	}

	/** A revision written or moved: what readers see is unchanged, except after a restore (no longer published). */
	@EventListener
	void on(ArticleChanged changed) {
		indexing.changed(SearchDocument.Type.ARTICLE, changed.articleId());
	}

	@Override
	public SearchDocument.Type type() {
		return SearchDocument.Type.ARTICLE;
	}

	@Override
	public long count() {
		return articles.countReadable();
	}

	@Override
	public void forEach(Consumer<SearchDocument> action) {
		long after = 0;
		while (true) {
			List<Article> page = articles.readableAfter(after, PAGE);
			page.forEach(a -> document(a).ifPresent(action));
			if (page.size() < PAGE) {
				return;
			}
			after = page.get(page.size() - 1).id();
		}
	}

	@Override
	public Optional<SearchDocument> find(long id) {
		return articles.find(id).flatMap(this::document);
	}

	@Override
	public Set<Long> visibleTo(Caller caller, Collection<Long> ids) {
		Set<Long> visible = new HashSet<>();
		for (long id : ids) {
			articles.find(id).filter(Article::readable).ifPresent(a -> {
				var reading = rights.reading(caller, a.clientId());
				if (reading == ArticleAccess.Reading.STAFF || (reading == ArticleAccess.Reading.READER && publicVersion(a))) {
					visible.add(id);
				}
			});
		}
		return visible;
	}

	private boolean publicVersion(Article a) {
		return articles.version(a.id(), a.publishedVersion()).filter(v -> v.audience() == io.tierline.knowledge.Audience.PUBLIC)
			.isPresent();
	}

	private Optional<SearchDocument> document(Article a) {
		if (!a.readable()) {
			return Optional.empty();
		}
		return articles.version(a.id(), a.publishedVersion()).map(v -> new SearchDocument(a.id(), SearchDocument.Type.ARTICLE,
				a.clientId(), SearchDocument.Audience.valueOf(v.audience().name()), PUBLISHED, articles.productIds(a.id()), v.title(),
				plain(v.body()), a.publishedAt()));
	}

	/** The rendered Markdown's text, a line per block, so snippets read as sentences and carry no markup. */
	private String plain(String body) {
		var html = Jsoup.parseBodyFragment(markdown.html(body));
		html.select("p, li, h1, h2, h3, h4, h5, h6, pre, tr").forEach(e -> e.appendText("\n"));
		return html.body().wholeText().replaceAll("[ \\t]*\\n[\\s]*", "\n").strip();
	}
}
