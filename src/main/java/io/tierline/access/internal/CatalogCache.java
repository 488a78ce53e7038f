package io.tierline.access.internal;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.tierline.access.AccessManagement.CatalogEntry;
import io.tierline.common.NotFoundException;

import org.springframework.jdbc.core.simple.JdbcClient;

/** One client catalogue table (queues, categories) held in memory: it is small and read on every ticket. */
final class CatalogCache {

	private final JdbcClient jdbc;
	private final String table;
	private final Map<Long, List<CatalogEntry>> byClient = new ConcurrentHashMap<>();
	private final Map<Long, CatalogEntry> byId = new ConcurrentHashMap<>();

	CatalogCache(JdbcClient jdbc, String table) {
		this.jdbc = jdbc;
		this.table = table;
	}

	List<CatalogEntry> of(long clientId) {
		return byClient.computeIfAbsent(clientId, this::load);
	}

	CatalogEntry entry(long id) {
		CatalogEntry entry = byId.get(id);
		if (entry == null) {
			long clientId = jdbc.sql("select client_id from " + table + " where id = ?").param(id).query(Long.class)
				.optional().orElseThrow(() -> new NotFoundException(table + " entry " + id));
			byClient.remove(clientId);
			of(clientId);
			entry = byId.get(id);
		}
		return entry;
	}

	void clear() {
		byClient.clear();
		byId.clear();
	}

	private List<CatalogEntry> load(long clientId) {
		List<CatalogEntry> entries = jdbc.sql("select id, slug, name from " + table + " where client_id = ? order by name")
			.param(clientId)
			.query(CatalogEntry.class)
			.list();
		entries.forEach(e -> byId.put(e.id(), e));
		return entries;
	}
}
