/**
 * Search (SPEC §4): one Lucene index per node over published articles, solved tickets and known
 * issues, ranked by BM25 fused with in-process sentence embeddings, filtered by the caller's
 * grants. Other modules feed it through {@link io.tierline.search.SearchSource} (for rebuilds) and
 * {@link io.tierline.search.SearchIndexing} (for changes); every node follows the durable
 * {@code search_index_log}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Search")
package io.tierline.search;
