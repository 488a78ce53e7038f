package io.tierline.ticket.internal;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Per-client ticket numbers (ACME-1042) from one database sequence per client: sequences never
 * block concurrent creations the way a counter row would, at the price of a gap when a
 * creation rolls back.
 */
@Component
class TicketNumbers {

	private static final long FIRST = 1001;

	private final JdbcClient jdbc;
	private final Set<Long> ready = ConcurrentHashMap.newKeySet();

	private final TransactionTemplate ownTransaction;

	TicketNumbers(JdbcClient jdbc, PlatformTransactionManager transactions) {
		this.jdbc = jdbc;
		this.ownTransaction = new TransactionTemplate(transactions);
		this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
	}

	long next(long clientId) {
		if (!ready.contains(clientId)) {
			ensureSequence(clientId);
		}
		return jdbc.sql("select nextval('" + sequence(clientId) + "')").query(Long.class).single();
	}

	/** {@code count} numbers in one round trip, for a batch of imported tickets (SPEC §14). */
	java.util.List<Long> next(long clientId, int count) {
		if (!ready.contains(clientId)) {
			ensureSequence(clientId);
		}
		return jdbc.sql("select nextval('" + sequence(clientId) + "') from generate_series(1, ?)").param(count)
			.query(Long.class).list();
	}

	/** In a transaction of its own, so a race with another node cannot abort the caller's. */
	private void ensureSequence(long clientId) {
		try {
			ownTransaction.executeWithoutResult(s -> jdbc.sql("create sequence if not exists " + sequence(clientId)
					+ " start with " + FIRST).update());
		}
		catch (DataAccessException createdConcurrently) {
			// another transaction created it between our check and our create
		}
		ready.add(clientId);
	}

	private static String sequence(long clientId) {
		return "ticket_number_" + clientId;
	}
}
