package io.tierline.search;

import java.util.Collection;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

import io.tierline.access.Caller;

/**
 * A module whose documents are searchable implements this as a Spring bean (one per
 * {@link SearchDocument.Type}); the index reads it whole when it is rebuilt, and reads single
 * documents when a change names only an id ({@link SearchIndexing#changed}). A bean annotated
 * {@link org.springframework.context.annotation.Fallback @Fallback} gives way to another source of
 * the same type.
 */
public interface SearchSource {

	SearchDocument.Type type();

	/** How many documents {@link #forEach} will give, for the rebuild's progress bar (an estimate is fine). */
	long count();

	/** Every document that should be searchable now, read in pages (never the whole table at once). */
	void forEach(Consumer<SearchDocument> action);

	/** The document as it should be indexed now; empty when it should not be searchable (deleted, unpublished). */
	Optional<SearchDocument> find(long id);

	/**
	 * The second check after the index's client filter: which of these ids the caller may see.
	 * Requesters are never asked about anything but PUBLIC, PUBLISHED articles of their own client.
	 */
	Set<Long> visibleTo(Caller caller, Collection<Long> ids);
}
