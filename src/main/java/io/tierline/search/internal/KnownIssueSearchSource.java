package io.tierline.search.internal;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;

import io.tierline.access.Caller;
import io.tierline.escalation.KnownIssueCorpus;
import io.tierline.escalation.KnownIssueText;
import io.tierline.search.SearchDocument;
import io.tierline.search.SearchSource;

import org.springframework.stereotype.Component;

/**
 * Known issues: title, symptoms and workaround, for agents only (INTERNAL). A client's library is
 * read by everybody who works for the client (SPEC §3), which is what the second check asks.
 */
@Component
class KnownIssueSearchSource implements SearchSource {

	private final KnownIssueCorpus issues;

	KnownIssueSearchSource(KnownIssueCorpus issues) {
		this.issues = issues;
	}

	@Override
	public SearchDocument.Type type() {
		return SearchDocument.Type.KNOWN_ISSUE;
	}

	@Override
	public long count() {
		return issues.count();
	}

	@Override
	public void forEach(Consumer<SearchDocument> action) {
		issues.forEach(k -> action.accept(document(k)));
	}

	@Override
	public Optional<SearchDocument> find(long id) {
		return issues.find(id).map(KnownIssueSearchSource::document);
	}

	@Override
	public Set<Long> visibleTo(Caller caller, Collection<Long> ids) {
		return ids.stream()
			.filter(id -> issues.find(id).filter(k -> caller.readsWholeClient(k.clientId()) || caller.worksFor(k.clientId())).isPresent())
			.collect(Collectors.toSet());
	}

	static SearchDocument document(KnownIssueText k) {
		String body = join(k.symptoms(), k.workaround());
		return new SearchDocument(k.id(), SearchDocument.Type.KNOWN_ISSUE, k.clientId(), SearchDocument.Audience.INTERNAL,
				k.status().name(), k.productId() == null ? List.of() : List.of(k.productId()), k.title(), body, k.updatedAt());
	}

	private static String join(String symptoms, String workaround) {
		return (symptoms == null ? "" : symptoms) + (workaround == null || workaround.isBlank() ? "" : "\nWorkaround: " + workaround);
	}
}
