package io.tierline.search;

import io.tierline.search.internal.IndexLog;
import io.tierline.search.internal.Sources;

import org.springframework.stereotype.Service;

/**
 * How other modules keep the search index current. Each call appends to the durable
 * {@code search_index_log} in the caller's transaction, so the change reaches every node's index
 * exactly when (and only if) the caller's change commits.
 */
@Service
public class SearchIndexing {

	private final IndexLog log;
	private final Sources sources;

	SearchIndexing(IndexLog log, Sources sources) {
		this.log = log;
		this.sources = sources;
	}

	/** Reads the document from its {@link SearchSource} again and indexes it, or removes it when the source has none. */
	public void changed(SearchDocument.Type type, long id) {
		sources.of(type).flatMap(source -> source.find(id))
			.ifPresentOrElse(this::index, () -> remove(type, id));
	}

	/** Makes the document searchable as given (replacing an earlier version). */
	public void index(SearchDocument document) {
		log.upsert(document);
	}

	/** As {@link #index} for each of the documents, in one round trip. */
	public void indexAll(SearchDocument.Type type, java.util.List<Long> ids) {
		log.readAll(type, ids);
	}

	/** Takes the document out of every node's index; removing one that is not there changes nothing. */
	public void remove(SearchDocument.Type type, long id) {
		log.delete(type, id);
	}
}
