package io.tierline.search;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.tierline.access.Caller;
import io.tierline.search.SearchDocument.Audience;
import io.tierline.search.SearchDocument.Type;
import io.tierline.search.internal.Embeddings;
import io.tierline.search.internal.HybridSearch;
import io.tierline.search.internal.IndexFilter;
import io.tierline.search.internal.SearchService;
import io.tierline.search.internal.Sources;

import org.springframework.stereotype.Service;

/**
 * Search for other modules acting on a requester's behalf without a {@code Caller} (the tier-0
 * assistant): only ever the <em>public, published articles of one client</em> — the index filter
 * says so, and every candidate is read again from its source and dropped unless it is still public,
 * published and of that client (the index may lag a change by a moment). Also the embedding
 * similarity of two texts, for "same topic" questions.
 */
@Service
public class SearchManagement {

	static final String PUBLISHED = "PUBLISHED";

	private final HybridSearch engine;
	private final Sources sources;
	private final Embeddings embeddings;
	private final SearchService staffSearch;

	SearchManagement(HybridSearch engine, Sources sources, Embeddings embeddings, SearchService staffSearch) {
		this.engine = engine;
		this.sources = sources;
		this.embeddings = embeddings;
		this.staffSearch = staffSearch;
	}

	/**
	 * A hit as a staff caller may see it.
	 *
	 * @param snippet HTML-escaped text with {@code <mark>} around the matched words (empty for similarity hits)
	 * @param score the fused score of the hybrid ranking, or the cosine similarity (−1…1) for similarity
	 */
	public record StaffHit(Type type, long id, String title, String snippet, String status, double score) {
	}

	/**
	 * The documents of one type and client most similar in meaning to {@code text} (embeddings
	 * only), among those the caller may see; empty when the caller does not work for the client.
	 */
	public List<StaffHit> similarForStaff(Caller caller, long clientId, String text, Type type, int limit) {
		return staff(staffSearch.forStaff(caller, clientId, cap(text), type, null, true, limit));
	}

	/** The hybrid ranking (words and meaning) over one type and client, as {@link #similarForStaff}; {@code status} null for any. */
	public List<StaffHit> searchForStaff(Caller caller, long clientId, String text, Type type, String status, int limit) {
		return staff(staffSearch.forStaff(caller, clientId, cap(text), type, status, false, limit));
	}

	private static String cap(String text) {
		return text != null && text.length() > 2000 ? text.substring(0, 2000) : text;
	}

	private static List<StaffHit> staff(List<HybridSearch.Hit> hits) {
		return hits.stream().map(h -> new StaffHit(h.type(), h.id(), h.title(), h.snippet() == null ? "" : h.snippet(), h.status(), h.score()))
			.toList();
	}

	/**
	 * A public article's best passage for a question.
	 *
	 * @param passage HTML-escaped text with {@code <mark>} around the matched words (as in the search API)
	 * @param score the hybrid ranking's fused score (reciprocal rank fusion; higher is better)
	 */
	public record PublicPassage(long articleId, String title, String passage, double score) {
	}

	/** The client's public, published articles that best answer {@code question}, best first (hybrid ranking). */
	public List<PublicPassage> publicArticles(long clientId, String question, int limit) {
		if (question == null || question.isBlank() || limit < 1) {
			return List.of();
		}
		var filter = new IndexFilter(Set.of(clientId), Set.of(Type.ARTICLE), Audience.PUBLIC, PUBLISHED, null);
		String text = question.length() > 500 ? question.substring(0, 500) : question;
		return engine.search(text, filter, Math.min(limit, 20), gate(clientId)).stream()
			.map(h -> new PublicPassage(h.id(), h.title(), h.snippet(), h.score()))
			.toList();
	}

	/** Cosine similarity (−1…1) of the two texts' sentence embeddings (all-MiniLM-L6-v2, in process). */
	public double similarity(String a, String b) {
		return cosine(embeddings.embed(a), embeddings.embed(b));
	}

	/** {@link #similarity} of {@code text} with each of {@code others}, embedding {@code text} once. */
	public List<Double> similarities(String text, List<String> others) {
		float[] x = embeddings.embed(text);
		return others.stream().map(o -> cosine(x, embeddings.embed(o))).toList();
	}

	private static double cosine(float[] x, float[] y) {
		double dot = 0;
		double nx = 0;
		double ny = 0;
		for (int i = 0; i < x.length; i++) {
			dot += x[i] * y[i];
			nx += x[i] * x[i];
			ny += y[i] * y[i];
		}
		return nx == 0 || ny == 0 ? 0 : dot / Math.sqrt(nx * ny);
	}

	/** The second check without a caller: the article source must still call it public, published and of the client. */
	private HybridSearch.Gate gate(long clientId) {
		return ids -> {
			Set<String> visible = new HashSet<>();
			for (Map.Entry<Type, List<Long>> e : ids.entrySet()) {
				if (e.getKey() != Type.ARTICLE) {
					continue;
				}
				sources.of(Type.ARTICLE).ifPresent(source -> e.getValue().forEach(id -> source.find(id)
					.filter(d -> d.clientId() == clientId && d.audience() == Audience.PUBLIC && PUBLISHED.equals(d.status()))
					.ifPresent(d -> visible.add(Type.ARTICLE.name() + ":" + id))));
			}
			return visible;
		};
	}
}
