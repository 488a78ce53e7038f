package io.tierline.search.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import io.tierline.search.SearchDocument;

import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermInSetQuery;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.util.BytesRef;

/**
 * What a search may return, as a Lucene filter: always narrowed to the caller's clients (the
 * first of two checks; the sources check every hit again).
 *
 * @param clientIds never empty (an empty set matches nothing and is answered without the index)
 * @param types empty means every type
 * @param audience null means both
 * @param status null means any
 * @param productId null means any
 */
public record IndexFilter(Set<Long> clientIds, Set<SearchDocument.Type> types, SearchDocument.Audience audience,
		String status, Long productId) {

	Query query() {
		BooleanQuery.Builder filter = new BooleanQuery.Builder();
		filter.add(new TermInSetQuery(LuceneIndex.CLIENT, refs(clientIds.stream().map(String::valueOf).toList())),
				BooleanClause.Occur.FILTER);
		if (!types.isEmpty()) {
			filter.add(new TermInSetQuery(LuceneIndex.TYPE, refs(types.stream().map(Enum::name).toList())), BooleanClause.Occur.FILTER);
		}
		if (audience != null) {
			filter.add(new TermQuery(new Term(LuceneIndex.AUDIENCE, audience.name())), BooleanClause.Occur.FILTER);
		}
		if (status != null) {
			filter.add(new TermQuery(new Term(LuceneIndex.STATUS, status)), BooleanClause.Occur.FILTER);
		}
		if (productId != null) {
			filter.add(new TermQuery(new Term(LuceneIndex.PRODUCT, productId.toString())), BooleanClause.Occur.FILTER);
		}
		return filter.build();
	}

	private static List<BytesRef> refs(List<String> values) {
		List<BytesRef> refs = new ArrayList<>();
		values.forEach(v -> refs.add(new BytesRef(v)));
		return refs;
	}
}
