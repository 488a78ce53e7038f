package io.tierline.ticket.internal;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import io.tierline.access.AccessManagement;
import io.tierline.masking.Masked;
import io.tierline.ticket.EventType;
import io.tierline.ticket.TicketHistory.ImportedTicket;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Writes a batch of imported histories (SPEC §14) with a handful of statements: the ticket rows,
 * then their messages, then all their events — by COPY on PostgreSQL ({@link CopyRows}), as
 * multi-row inserts elsewhere ({@link RowInserts}). The caller holds the transaction. Text passes
 * the secrets screen like any inbound text (SPEC §6).
 */
@Component
public class HistoryWriter {

	private final JdbcTemplate jdbc;
	private final org.springframework.context.ApplicationEventPublisher events;
	private final TicketNumbers numbers;
	private final SecretScreen screen;
	private final HistoryReader reader;
	private final AccessManagement access;
	private final JsonMapper json;
	private final DatabaseProduct database;

	HistoryWriter(JdbcTemplate jdbc, org.springframework.context.ApplicationEventPublisher events, TicketNumbers numbers, SecretScreen screen, HistoryReader reader,
			AccessManagement access, JsonMapper json, DatabaseProduct database) {
		this.jdbc = jdbc;
		this.events = events;
		this.numbers = numbers;
		this.screen = screen;
		this.reader = reader;
		this.access = access;
		this.json = json;
		this.database = database;
	}

	/** PostgreSQL only: H2 keeps its selectivity statistics itself and its ANALYZE reads whole tables. */
	public void analyze() {
		if (postgres()) {
			jdbc.execute("analyze tickets, messages, ticket_events");
		}
	}

	/** As {@link #analyze()}, for the tickets table alone (the one an import's duplicate check reads). */
	public void analyzeTickets() {
		if (postgres()) {
			jdbc.execute("analyze tickets");
		}
	}

	/**
	 * PostgreSQL: waits until every batch committed before is on disk. A transaction with an id
	 * commits synchronously, and its commit record follows theirs in the WAL.
	 */
	public void durable() {
		if (postgres()) {
			jdbc.queryForObject("select txid_current()", Long.class);
		}
	}

	private boolean postgres() {
		return database.postgres();
	}

	private List<Long> insertReturningIds(String table, String columns, List<Object[]> rows) {
		if (postgres()) {
			return CopyRows.copyWithIds(jdbc, table, columns, rows);
		}
		return RowInserts.insertReturningIds(jdbc, "insert into " + table + " (" + columns + ")", columnCount(columns), rows);
	}

	private void insert(String table, String columns, List<Object[]> rows) {
		if (postgres()) {
			CopyRows.copy(jdbc, table, columns, rows);
		}
		else {
			RowInserts.insert(jdbc, "insert into " + table + " (" + columns + ")", columnCount(columns), rows);
		}
	}

	private static int columnCount(String columns) {
		return columns.split(",").length;
	}

	/** One imported ticket on its way in. */
	private record Pending(ImportedTicket ticket, HistoryReplay replay, Masked subject) {
	}

	public void store(List<ImportedTicket> batch) {
		if (batch.isEmpty()) {
			return;
		}
		if (postgres()) {
			// the batch's commit does not wait for its WAL to reach the disk: durable() at the end of the run does, once for all
			jdbc.execute("set local synchronous_commit to off");
		}
		List<Pending> pending = batch.stream().map(t -> new Pending(t, HistoryReplay.of(t), screen.mask(t.subject()))).toList();
		Map<Long, List<Pending>> byClient = pending.stream().collect(Collectors.groupingBy(p -> p.ticket().clientId(),
				LinkedHashMap::new, Collectors.toList()));
		byClient.forEach((clientId, tickets) -> storeForClient(clientId, tickets));
	}

	private void storeForClient(long clientId, List<Pending> tickets) {
		List<Long> numbered = numbers.next(clientId, tickets.size());
		List<Object[]> rows = new ArrayList<>();
		for (int i = 0; i < tickets.size(); i++) {
			rows.add(ticketRow(tickets.get(i), numbered.get(i)));
		}
		List<Long> ticketIds = insertReturningIds("tickets", """
				client_id, number, requester_id, subject, masked_kinds, channel, severity, category_id, \
				tier, assignee_id, status, external_id, created_at, updated_at, solved_at, version""", rows);
		Map<String, Long> ids = new HashMap<>();
		for (int i = 0; i < tickets.size(); i++) {
			ids.put(tickets.get(i).ticket().externalId(), ticketIds.get(i));
		}
		linkFollowUps(clientId, tickets, ids);
		Map<Long, List<Long>> messageIds = insertMessages(tickets, ids);
		insertEvents(clientId, tickets, ids, messageIds);
		events.publishEvent(new io.tierline.ticket.TicketEvents.TicketsImported(clientId, List.copyOf(ticketIds)));
	}

	private Object[] ticketRow(Pending p, long number) {
		ImportedTicket t = p.ticket();
		HistoryReplay r = p.replay();
		String subject = p.subject().text().length() > 300 ? p.subject().text().substring(0, 300) : p.subject().text();
		return new Object[] { t.clientId(), number, t.requesterId(), subject, SecretScreen.column(p.subject()), t.channel().name(),
				t.severity().name(), t.categoryId(), r.tier.name(), r.assigneeId, r.status.name(), t.externalId(),
				utc(t.createdAt()), utc(r.updatedAt), utc(r.solvedAt), 0 };
	}

	/** A follow-up names its original by external id: stored before, or earlier in this batch. */
	private void linkFollowUps(long clientId, List<Pending> tickets, Map<String, Long> ids) {
		List<Pending> followUps = tickets.stream().filter(p -> p.ticket().followUpOf() != null).toList();
		if (followUps.isEmpty()) {
			return;
		}
		Map<String, Long> originals = new HashMap<>(reader.known(access.organization(clientId),
				followUps.stream().map(p -> p.ticket().followUpOf()).toList()));
		originals.putAll(ids);
		List<Object[]> links = new ArrayList<>();
		for (Pending p : followUps) {
			Long original = originals.get(p.ticket().followUpOf());
			if (original != null) {
				links.add(new Object[] { original, ids.get(p.ticket().externalId()) });
				p.replay().rows.get(0).data().put("followUpOf", original);
			}
		}
		jdbc.batchUpdate("update tickets set follow_up_of = ? where id = ?", links);
	}

	/** @return per ticket id, the ids of its messages in the order of its events */
	private Map<Long, List<Long>> insertMessages(List<Pending> tickets, Map<String, Long> ids) {
		List<Object[]> rows = new ArrayList<>();
		List<Long> rowTickets = new ArrayList<>();
		for (Pending p : tickets) {
			long ticketId = ids.get(p.ticket().externalId());
			for (HistoryReplay.Row e : p.replay().rows) {
				if (e.type() == EventType.MESSAGE) {
					Masked body = screen.mask(e.body());
					rows.add(new Object[] { ticketId, e.actorId(), e.data().get("visibility"), e.data().get("kind"), body.text(),
							SecretScreen.column(body), Messages.State.SENT.name(), utc(e.at()) });
					rowTickets.add(ticketId);
				}
			}
		}
		if (rows.isEmpty()) {
			return Map.of();
		}
		List<Long> messageIds = insertReturningIds("messages",
				"ticket_id, author_id, visibility, kind, body, masked_kinds, state, created_at", rows);
		Map<Long, List<Long>> byTicket = new HashMap<>();
		for (int i = 0; i < messageIds.size(); i++) {
			byTicket.computeIfAbsent(rowTickets.get(i), k -> new ArrayList<>()).add(messageIds.get(i));
		}
		return byTicket;
	}

	private void insertEvents(long clientId, List<Pending> tickets, Map<String, Long> ids, Map<Long, List<Long>> messageIds) {
		List<Object[]> rows = new ArrayList<>();
		for (Pending p : tickets) {
			long ticketId = ids.get(p.ticket().externalId());
			var messages = messageIds.getOrDefault(ticketId, List.of()).iterator();
			for (HistoryReplay.Row e : p.replay().rows) {
				if (e.type() == EventType.MESSAGE) {
					e.data().put("messageId", messages.next());
				}
				rows.add(new Object[] { ticketId, clientId, e.type().name(), e.actorId(), utc(e.at()),
						e.data().isEmpty() ? null : FlatJson.write(e.data(), json) });
			}
		}
		insert("ticket_events", "ticket_id, client_id, type, actor_id, at, data", rows);
	}

	private static OffsetDateTime utc(Instant at) {
		return at == null ? null : OffsetDateTime.ofInstant(at, ZoneOffset.UTC);
	}
}
