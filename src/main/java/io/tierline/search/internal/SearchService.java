package io.tierline.search.internal;

import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.tierline.access.AccessManagement;
import io.tierline.access.Caller;
import io.tierline.access.ClientRef;
import io.tierline.common.ForbiddenException;
import io.tierline.common.InputCheck;
import io.tierline.search.SearchDocument;
import io.tierline.search.SearchDocument.Audience;
import io.tierline.search.SearchDocument.Type;

import org.springframework.stereotype.Service;

/**
 * Search and similarity as a caller may use them: parameters checked (422), the index filtered
 * to the caller's clients, and every hit checked again by its source before it is shown.
 */
@Service
public class SearchService {

	static final String PUBLISHED = "PUBLISHED";

	private final HybridSearch engine;
	private final SearchScope scope;
	private final Sources sources;
	private final AccessManagement access;
	private final Reindexer reindexer;

	SearchService(HybridSearch engine, SearchScope scope, Sources sources, AccessManagement access, Reindexer reindexer) {
		this.engine = engine;
		this.scope = scope;
		this.sources = sources;
		this.access = access;
		this.reindexer = reindexer;
	}

	/** Only {@code q} is required; {@code client}, {@code type}, {@code audience}, {@code product} and {@code limit} may be null. */
	public record Question(String client, String q, String type, String audience, String product, Integer limit) {
	}

	/** Only {@code text} is required; {@code client}, {@code type} and {@code limit} may be null. */
	public record SimilarQuestion(String client, String text, String type, Integer limit) {
	}

	/** One hit; {@code title} and {@code snippet} are HTML-escaped text with {@code <mark>} around the matched words. */
	public record Result(String type, long id, String client, String title, String snippet, String status, double score, String url,
			Instant updatedAt) {
	}

	public record Results(String q, List<Result> items) {
	}

	/** @param score the cosine similarity of the embeddings, -1..1 */
	public record Similar(String type, long id, String client, String title, double score, String url) {
	}

	public record SimilarResults(List<Similar> items) {
	}

	public Results search(Caller caller, Question question) {
		var check = new InputCheck();
		String q = check.text(question.q(), "q", 500, true);
		var reach = scope.of(caller);
		IndexFilter filter = filter(check, reach, question.client(), question.type(), question.audience(), question.product());
		int limit = limit(check, question.limit(), 10);
		check.throwIfInvalid();
		if (filter.clientIds().isEmpty()) {
			return new Results(q, List.of());
		}
		var hits = engine.search(q, filter, limit, gate(caller, reach));
		return new Results(q, hits.stream().map(h -> result(h, reach.requesterOnly())).toList());
	}

	public SimilarResults similar(Caller caller, SimilarQuestion question) {
		var check = new InputCheck();
		String text = check.text(question.text(), "text", 20_000, true);
		var reach = scope.of(caller);
		IndexFilter filter = filter(check, reach, question.client(), question.type(), null, null);
		int limit = limit(check, question.limit(), 5);
		check.throwIfInvalid();
		if (filter.clientIds().isEmpty()) {
			return new SimilarResults(List.of());
		}
		var hits = engine.similar(text, filter, limit, gate(caller, reach));
		return new SimilarResults(hits.stream()
			.map(h -> new Similar(h.type().wire(), h.id(), slug(h.clientId()), h.title(), round(h.score()), url(h.type(), h.id(), reach.requesterOnly())))
			.toList());
	}

	/**
	 * Hits of one type within one client, as a staff caller may see them (the same two checks as
	 * {@link #search}); nothing when the client is not among the caller's.
	 *
	 * @param similar embeddings only (as {@link #similar}), else the hybrid ranking
	 * @param status null for any
	 */
	public List<HybridSearch.Hit> forStaff(Caller caller, long clientId, String text, Type type, String status, boolean similar,
			int limit) {
		var reach = scope.of(caller);
		if (reach.requesterOnly() || !reach.clientIds().contains(clientId) || text == null || text.isBlank()) {
			return List.of();
		}
		var filter = new IndexFilter(Set.of(clientId), Set.of(type), null, status, null);
		return similar ? engine.similar(text, filter, limit, gate(caller, reach)) : engine.search(text, filter, limit, gate(caller, reach));
	}

	/** Starts a rebuild of this node's index: provider admins only. */
	public Reindexer.Progress reindex(Caller caller) {
		requireAdmin(caller);
		return reindexer.start();
	}

	public Reindexer.Progress progress(Caller caller) {
		requireAdmin(caller);
		return reindexer.progress();
	}

	/** The clients the caller may narrow a search to (for the page's filter). */
	public List<ClientRef> clients(Caller caller) {
		return scope.of(caller).clients();
	}

	private static void requireAdmin(Caller caller) {
		if (!caller.isProviderAdmin()) {
			throw new ForbiddenException("Only a provider admin may rebuild the search index");
		}
	}

	private IndexFilter filter(InputCheck check, SearchScope.Reach reach, String clientSlug, String typeName, String audienceName,
			String productSlug) {
		// a client the caller may not search is as unknown to them as one that does not exist
		ClientRef client = check.lookup(clientSlug,
				slug -> reach.clients().stream().filter(c -> c.slug().equalsIgnoreCase(slug)).findFirst(), "client", "client");
		Type type = check.optionalEnum(typeName, Type.class, "type");
		Audience audience = check.optionalEnum(audienceName, Audience.class, "audience");
		Long productId = null;
		if (productSlug != null && !productSlug.isBlank()) {
			check.require(client != null || clientSlug != null, "product", "needs a client");
			if (client != null) {
				productId = check.lookup(productSlug, slug -> access.productId(client.id(), slug), "product", "product");
			}
		}
		Set<Long> clients = client == null ? reach.clientIds() : Set.of(client.id());
		if (reach.requesterOnly()) {
			check.require(type == null || type == Type.ARTICLE, "type", "requesters search articles only");
			check.require(audience == null || audience == Audience.PUBLIC, "audience", "requesters search public articles only");
			return new IndexFilter(clients, Set.of(Type.ARTICLE), Audience.PUBLIC, PUBLISHED, productId);
		}
		return new IndexFilter(clients, type == null ? Set.of() : Set.of(type), audience, null, productId);
	}

	private static int limit(InputCheck check, Integer limit, int fallback) {
		check.require(limit == null || (limit >= 1 && limit <= 50), "limit", "must be between 1 and 50");
		return limit == null || limit < 1 || limit > 50 ? fallback : limit;
	}

	/** The second check: each source says which of its hits the caller may see; a type without a source shows nothing. */
	private HybridSearch.Gate gate(Caller caller, SearchScope.Reach reach) {
		return ids -> {
			Set<String> visible = new HashSet<>();
			for (Map.Entry<Type, List<Long>> e : ids.entrySet()) {
				if (reach.requesterOnly() && e.getKey() != Type.ARTICLE) {
					continue;
				}
				sources.of(e.getKey()).ifPresent(source -> source.visibleTo(caller, e.getValue())
					.forEach(id -> visible.add(LuceneIndex.key(e.getKey(), id))));
			}
			return visible;
		};
	}

	private Result result(HybridSearch.Hit h, boolean requester) {
		return new Result(h.type().wire(), h.id(), slug(h.clientId()), h.title(), h.snippet(), h.status(), round(h.score()),
				url(h.type(), h.id(), requester), Instant.ofEpochMilli(h.updatedAtMillis()));
	}

	private String slug(long clientId) {
		return access.organization(clientId).slug();
	}

	private static double round(double score) {
		return Math.round(score * 10_000) / 10_000.0;
	}

	/** Where a person reads the document (articles live in the knowledge module's pages: staff's and requesters'). */
	static String url(Type type, long id, boolean requester) {
		return switch (type) {
			case TICKET -> "/tickets/" + id;
			case KNOWN_ISSUE -> "/known-issues/" + id;
			case ARTICLE -> requester ? "/help/" + id : "/knowledge/" + id;
		};
	}
}
