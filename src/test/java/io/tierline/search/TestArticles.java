package io.tierline.search;

import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.stream.Collectors;

import io.tierline.access.Caller;
import io.tierline.access.Role;

import org.springframework.context.annotation.Fallback;
import org.springframework.stereotype.Component;

/**
 * Articles for the search tests while the knowledge module is elsewhere: kept in memory, indexed
 * through {@link SearchIndexing} as the knowledge module will, visible by the rule SPEC §4 gives
 * (staff of the client; requesters only PUBLIC, PUBLISHED articles of their own client).
 * {@link Fallback}: a real article source replaces it.
 */
@Component
@Fallback
public class TestArticles implements SearchSource {

	private final Map<Long, SearchDocument> articles = new ConcurrentHashMap<>();
	private final SearchIndexing indexing;

	TestArticles(SearchIndexing indexing) {
		this.indexing = indexing;
	}

	public void publish(SearchDocument article) {
		articles.put(article.id(), article);
		indexing.index(article);
	}

	@Override
	public SearchDocument.Type type() {
		return SearchDocument.Type.ARTICLE;
	}

	@Override
	public long count() {
		return articles.size();
	}

	@Override
	public void forEach(Consumer<SearchDocument> action) {
		articles.values().forEach(action);
	}

	@Override
	public Optional<SearchDocument> find(long id) {
		return Optional.ofNullable(articles.get(id));
	}

	@Override
	public Set<Long> visibleTo(Caller caller, Collection<Long> ids) {
		return ids.stream().map(articles::get).filter(a -> a != null && visible(caller, a)).map(SearchDocument::id)
			.collect(Collectors.toSet());
	}

	private static boolean visible(Caller caller, SearchDocument a) {
		if (caller.isStaff()) {
			return caller.readsWholeClient(a.clientId()) || caller.worksFor(a.clientId());
		}
		return caller.has(Role.REQUESTER, a.clientId()) && a.audience() == SearchDocument.Audience.PUBLIC
				&& "PUBLISHED".equals(a.status());
	}
}
