package io.tierline.search.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import io.tierline.search.SearchDocument;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.SortedDocValues;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.FuzzyQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.KnnFloatVectorQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopScoreDocCollectorManager;
import org.apache.lucene.search.uhighlight.DefaultPassageFormatter;
import org.apache.lucene.search.uhighlight.UnifiedHighlighter;
import org.springframework.stereotype.Component;
import org.springframework.web.util.HtmlUtils;

/**
 * The ranking (SPEC §4): BM25 over title and body with typo tolerance, and nearest neighbours of
 * the query's embedding, fused by reciprocal rank; highlighted snippets for the hits kept.
 */
@Component
public class HybridSearch {

	/** Reciprocal rank fusion's damping constant (Cormack et al. 2009). */
	static final int RRF_K = 60;
	/** Neighbours less similar than this (cosine) are noise, not meaning: they do not enter the fusion. */
	static final float MIN_COSINE = 0.35f;
	/** A word this rare is likely a typo: it is also matched within one or two edits. */
	private static final int RARE = 2;
	private static final int MAX_TERMS = 32;
	/** Corrections considered per word: the closest ones, by edit distance then frequency. */
	private static final int MAX_EXPANSIONS = 16;

	private final SearchIndex index;
	private final Embeddings embeddings;

	public HybridSearch(SearchIndex index, Embeddings embeddings) {
		this.index = index;
		this.embeddings = embeddings;
	}

	/** One ranked document; {@code title} and {@code snippet} are HTML with {@code <mark>} around matches. */
	public record Hit(SearchDocument.Type type, long id, long clientId, String status, String title, String snippet, double score,
			long updatedAtMillis, int docId) {
	}

	/** Ids of a type, as candidates for the second access check. */
	public interface Gate extends Function<Map<SearchDocument.Type, List<Long>>, Set<String>> {
	}

	public List<Hit> search(String text, IndexFilter filter, int limit, Gate gate) {
		float[] vector = embeddings.embed(text);
		int candidates = Math.max(30, limit * 3);
		return index.current().withSearcher(searcher -> {
			Query filterQuery = filter.query();
			Query textQuery = textQuery(searcher.getIndexReader(), index.current().analyzer(), text);
			Map<Integer, Double> fused = new LinkedHashMap<>();
			if (textQuery != null) {
				// the fuzzy clauses become the terms they match once, for the ranking and the highlighter alike
				textQuery = searcher.rewrite(textQuery);
				BooleanQuery bm25 = new BooleanQuery.Builder().add(textQuery, BooleanClause.Occur.MUST)
					.add(filterQuery, BooleanClause.Occur.FILTER).build();
				// no exact hit count wanted: block-max WAND may skip documents that cannot reach the top from the start
				fuse(fused, searcher.search(bm25, new TopScoreDocCollectorManager(candidates, null, candidates)).scoreDocs, 0);
			}
			fuse(fused, searcher.search(new KnnFloatVectorQuery(LuceneIndex.VECTOR, vector, candidates, filterQuery), candidates).scoreDocs,
					(1 + MIN_COSINE) / 2);
			List<Map.Entry<Integer, Double>> ranked = new ArrayList<>(fused.entrySet());
			ranked.sort(Map.Entry.<Integer, Double>comparingByValue(Comparator.reverseOrder()));
			List<Hit> hits = allowed(searcher, ranked, gate, limit);
			return textQuery == null ? hits : highlighted(searcher, textQuery, hits);
		});
	}

	/** Nearest neighbours only: {@code score} is the cosine similarity of the embeddings. */
	public List<Hit> similar(String text, IndexFilter filter, int limit, Gate gate) {
		float[] vector = embeddings.embed(text);
		int candidates = Math.max(20, limit * 3);
		return index.current().withSearcher(searcher -> {
			ScoreDoc[] docs = searcher.search(new KnnFloatVectorQuery(LuceneIndex.VECTOR, vector, candidates, filter.query()), candidates).scoreDocs;
			List<Map.Entry<Integer, Double>> ranked = new ArrayList<>();
			for (ScoreDoc d : docs) {
				ranked.add(Map.entry(d.doc, 2.0 * d.score - 1));
			}
			return allowed(searcher, ranked, gate, limit);
		});
	}

	private static void fuse(Map<Integer, Double> fused, ScoreDoc[] docs, float minScore) {
		for (int rank = 0; rank < docs.length; rank++) {
			if (docs[rank].score >= minScore) {
				fused.merge(docs[rank].doc, 1.0 / (RRF_K + rank + 1), Double::sum);
			}
		}
	}

	/**
	 * The best {@code limit} candidates that pass the gate (the second access check), in rank order.
	 * Candidates are checked a window at a time from doc values; stored text is read for the kept hits only.
	 */
	private static List<Hit> allowed(IndexSearcher searcher, List<Map.Entry<Integer, Double>> ranked, Gate gate, int limit)
			throws IOException {
		List<Map.Entry<Integer, Double>> kept = new ArrayList<>();
		int window = Math.max(10, limit * 2);
		for (int from = 0; from < ranked.size() && kept.size() < limit; from += window) {
			List<Map.Entry<Integer, Double>> slice = ranked.subList(from, Math.min(ranked.size(), from + window));
			Map<SearchDocument.Type, List<Long>> ids = new LinkedHashMap<>();
			List<String> keys = new ArrayList<>();
			for (var entry : slice) {
				String key = keyOf(searcher, entry.getKey());
				keys.add(key);
				int colon = key.indexOf(':');
				ids.computeIfAbsent(SearchDocument.Type.valueOf(key.substring(0, colon)), t -> new ArrayList<>())
					.add(Long.parseLong(key.substring(colon + 1)));
			}
			Set<String> visible = gate.apply(ids);
			for (int i = 0; i < slice.size() && kept.size() < limit; i++) {
				if (visible.contains(keys.get(i))) {
					kept.add(slice.get(i));
				}
			}
		}
		var stored = searcher.storedFields();
		List<Hit> hits = new ArrayList<>();
		for (var entry : kept) {
			Document d = stored.document(entry.getKey());
			hits.add(new Hit(SearchDocument.Type.valueOf(d.get(LuceneIndex.TYPE)), d.getField(LuceneIndex.ID).numericValue().longValue(),
					Long.parseLong(d.get(LuceneIndex.CLIENT)), d.get(LuceneIndex.STATUS), HtmlUtils.htmlEscape(d.get(LuceneIndex.TITLE)),
					plainSnippet(d.get(LuceneIndex.BODY)), entry.getValue(), d.getField(LuceneIndex.UPDATED).numericValue().longValue(),
					entry.getKey()));
		}
		return hits;
	}

	/** {@code TYPE:id} of a document, from its doc values (no stored text is decompressed). */
	private static String keyOf(IndexSearcher searcher, int docId) throws IOException {
		List<LeafReaderContext> leaves = searcher.getIndexReader().leaves();
		LeafReaderContext leaf = leaves.get(ReaderUtil.subIndex(docId, leaves));
		SortedDocValues key = leaf.reader().getSortedDocValues(LuceneIndex.KEY);
		if (key == null || !key.advanceExact(docId - leaf.docBase)) {
			throw new IllegalStateException("document " + docId + " has no key");
		}
		return key.lookupOrd(key.ordValue()).utf8ToString();
	}

	private List<Hit> highlighted(IndexSearcher searcher, Query textQuery, List<Hit> hits)
			throws IOException {
		if (hits.isEmpty()) {
			return hits;
		}
		int[] docIds = new int[hits.size()];
		for (int i = 0; i < hits.size(); i++) {
			docIds[i] = hits.get(i).docId();
		}
		UnifiedHighlighter highlighter = UnifiedHighlighter.builder(searcher, index.current().analyzer())
			.withFormatter(new DefaultPassageFormatter("<mark>", "</mark>", " … ", true))
			.withMaxLength(30_000)
			.withHighlightPhrasesStrictly(false)
			.build();
		// textQuery is rewritten already (fuzzy clauses as the terms they matched): the highlighter looks up terms, walks no automata
		Map<String, String[]> marked = highlighter.highlightFields(new String[] { LuceneIndex.TITLE, LuceneIndex.BODY }, textQuery,
				docIds, new int[] { 1, 2 });
		List<Hit> result = new ArrayList<>();
		for (int i = 0; i < hits.size(); i++) {
			Hit h = hits.get(i);
			String title = marked.get(LuceneIndex.TITLE)[i];
			String snippet = marked.get(LuceneIndex.BODY)[i];
			result.add(new Hit(h.type(), h.id(), h.clientId(), h.status(), title == null ? h.title() : title,
					snippet == null ? h.snippet() : snippet, h.score(), h.updatedAtMillis(), h.docId()));
		}
		return result;
	}

	/**
	 * Each word as the index analysed it, matched exactly (in the title it counts double); a rare
	 * word also within one edit (up to six letters) or two. Null when the text has no word.
	 */
	static Query textQuery(IndexReader reader, Analyzer analyzer, String text) throws IOException {
		Set<String> terms = terms(analyzer, text);
		if (terms.isEmpty()) {
			return null;
		}
		BooleanQuery.Builder query = new BooleanQuery.Builder();
		for (String t : terms) {
			query.add(new BoostQuery(new TermQuery(new Term(LuceneIndex.TITLE, t)), 2f), BooleanClause.Occur.SHOULD);
			query.add(new TermQuery(new Term(LuceneIndex.BODY, t)), BooleanClause.Occur.SHOULD);
			int edits = t.length() <= 3 ? 0 : t.length() <= 7 ? 1 : 2;
			boolean rare = reader.docFreq(new Term(LuceneIndex.BODY, t)) + reader.docFreq(new Term(LuceneIndex.TITLE, t)) <= RARE;
			if (edits > 0 && rare) {
				query.add(new BoostQuery(fuzzy(LuceneIndex.TITLE, t, edits), 1.2f), BooleanClause.Occur.SHOULD);
				query.add(new BoostQuery(fuzzy(LuceneIndex.BODY, t, edits), 0.6f), BooleanClause.Occur.SHOULD);
			}
		}
		return query.build();
	}

	/** The first letter is rarely the mistyped one: fixing it makes the automaton walk a small part of the terms. */
	private static Query fuzzy(String field, String term, int edits) {
		return new FuzzyQuery(new Term(field, term), edits, 1, MAX_EXPANSIONS, true);
	}

	private static Set<String> terms(Analyzer analyzer, String text) {
		Set<String> terms = new LinkedHashSet<>();
		try (TokenStream tokens = analyzer.tokenStream(LuceneIndex.BODY, text)) {
			CharTermAttribute term = tokens.addAttribute(CharTermAttribute.class);
			tokens.reset();
			while (tokens.incrementToken() && terms.size() < MAX_TERMS) {
				terms.add(term.toString());
			}
			tokens.end();
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		return terms;
	}

	private static String plainSnippet(String body) {
		String start = body == null ? "" : body.length() > 240 ? body.substring(0, 240) + " …" : body;
		return HtmlUtils.htmlEscape(start);
	}
}
