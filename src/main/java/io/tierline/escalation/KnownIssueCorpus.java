package io.tierline.escalation;

import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

import io.tierline.escalation.internal.KnownIssue;
import io.tierline.escalation.internal.KnownIssues;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Known issues as text, for modules that index them (search). Reads without access checks: the
 * library is readable by everybody who works for the issue's client, which an index filters by.
 */
@Service
public class KnownIssueCorpus {

	private final KnownIssues issues;
	private final JdbcClient jdbc;

	KnownIssueCorpus(KnownIssues issues, JdbcClient jdbc) {
		this.issues = issues;
		this.jdbc = jdbc;
	}

	/** Empty when the issue does not exist (any more). */
	public Optional<KnownIssueText> find(long knownIssueId) {
		return issues.find(knownIssueId).map(KnownIssueCorpus::text);
	}

	/** Every known issue, read a page of ids at a time. */
	public void forEach(Consumer<KnownIssueText> action) {
		long after = 0;
		while (true) {
			List<Long> ids = jdbc.sql("select id from known_issues where id > ? order by id limit 200").param(after)
				.query(Long.class).list();
			if (ids.isEmpty()) {
				return;
			}
			ids.forEach(id -> find(id).ifPresent(action));
			after = ids.get(ids.size() - 1);
		}
	}

	public long count() {
		return jdbc.sql("select count(*) from known_issues").query(Long.class).single();
	}

	private static KnownIssueText text(KnownIssue k) {
		return new KnownIssueText(k.id(), k.clientId(), k.title(), k.symptoms(), k.workaround(), k.status(), k.productId(),
				k.updatedAt());
	}
}
