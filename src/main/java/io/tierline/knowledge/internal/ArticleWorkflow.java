package io.tierline.knowledge.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.tierline.access.AccessManagement;
import io.tierline.access.Caller;
import io.tierline.access.ClientRef;
import io.tierline.common.AuditEvent;
import io.tierline.common.InputCheck;
import io.tierline.common.NotFoundException;
import io.tierline.knowledge.ArticleKind;
import io.tierline.knowledge.ArticleStatus;
import io.tierline.knowledge.Audience;
import io.tierline.knowledge.KnowledgeEvents.ArticleArchived;
import io.tierline.knowledge.KnowledgeEvents.ArticleChanged;
import io.tierline.knowledge.KnowledgeEvents.ArticlePublished;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Writing articles and moving them through the SPEC §5 workflow. Each revision is a kept
 * version; each move is a kept transition, an audit entry and an event for the search index.
 */
@Service
public class ArticleWorkflow {

	private final Articles articles;
	private final ArticleAccess rights;
	private final AccessManagement access;
	private final KnowledgeLinks links;
	private final ApplicationEventPublisher events;
	private final Clock clock;
	private final io.tierline.escalation.KnownIssueManagement knownIssues;

	ArticleWorkflow(Articles articles, ArticleAccess rights, AccessManagement access, KnowledgeLinks links,
			ApplicationEventPublisher events, Clock clock, io.tierline.escalation.KnownIssueManagement knownIssues) {
		this.knownIssues = knownIssues;
		this.articles = articles;
		this.rights = rights;
		this.access = access;
		this.links = links;
		this.events = events;
		this.clock = clock;
	}

	/** A new article as a draft, version 1; from a ticket, the ticket records that it created it. */
	@Transactional
	public Article create(Caller caller, ArticleInput input) {
		var check = new InputCheck();
		ClientRef client = check.lookup(input.client(), slug -> access.clientBySlug(slug)
			.filter(c -> rights.reading(caller, c.id()) == ArticleAccess.Reading.STAFF), "client", "client");
		if (input.client() == null || input.client().isBlank()) {
			check.add("client", "must not be blank");
		}
		ArticleKind kind = check.enumValue(input.kind(), ArticleKind.class, "kind", null);
		Content content = content(check, input, client, kind);
		Long knownIssue = knownIssue(caller, check, input, client, kind);
		check.throwIfInvalid();
		rights.requireDraft(caller, client.id());
		if (input.fromTicket() != null && !input.fromTicket().isBlank()) {
			links.requireLinkable(caller, input.fromTicket(), client.id());
		}
		Instant now = clock.instant();
		Article draft = Article.draft(client.id(), kind, content.audience(), content.title(), caller.userId(), now);
		draft.linkKnownIssue(knownIssue);
		Article article = articles.insert(draft);
		save(caller, article, content, input.note(), now);
		articles.recordTransition(article, null, caller.userId(), input.note(), now);
		changed(caller, article, "ARTICLE_CREATED", now);
		if (input.fromTicket() != null && !input.fromTicket().isBlank()) {
			links.link(caller, input.fromTicket(), article, KnowledgeLinks.Action.CREATED);
		}
		return article;
	}

	/** A new revision; a published article stays readable at its published version until the revision is published. */
	@Transactional
	public Article revise(Caller caller, long id, ArticleInput input) {
		Article article = staffArticle(caller, id);
		var check = new InputCheck();
		ClientRef client = access.organization(article.clientId());
		Content content = content(check, input, client, article.kind());
		Long knownIssue = knownIssue(caller, check, input, client, article.kind());
		check.throwIfInvalid();
		rights.requireDraft(caller, article.clientId());
		Instant now = clock.instant();
		ArticleStatus from = article.status();
		article.revise(content.audience(), content.title(), now);
		article.linkKnownIssue(knownIssue);
		save(caller, article, content, input.note(), now);
		if (from != article.status()) {
			articles.recordTransition(article, from, caller.userId(), input.note(), now);
		}
		changed(caller, article, "ARTICLE_REVISED", now);
		return article;
	}

	@Transactional
	public Article submit(Caller caller, long id, String note) {
		Article article = staffArticle(caller, id);
		rights.requireDraft(caller, article.clientId());
		return move(caller, article, note, () -> article.submit(clock.instant()));
	}

	@Transactional
	public Article publish(Caller caller, long id, String note) {
		Article article = staffArticle(caller, id);
		rights.requireReview(caller, article.clientId());
		move(caller, article, note, () -> article.publish(clock.instant()));
		events.publishEvent(new ArticlePublished(article.id(), article.clientId(), article.version(), article.kind(),
				article.audience(), article.publishedAt()));
		return article;
	}

	/** Back to the author as a draft; the reviewer says why. */
	@Transactional
	public Article reject(Caller caller, long id, String note) {
		Article article = staffArticle(caller, id);
		rights.requireReview(caller, article.clientId());
		var check = new InputCheck();
		check.text(note, "note", 500, true);
		check.throwIfInvalid();
		return move(caller, article, note, () -> article.reject(clock.instant()));
	}

	@Transactional
	public Article archive(Caller caller, long id, String note) {
		Article article = staffArticle(caller, id);
		rights.requireReview(caller, article.clientId());
		move(caller, article, note, () -> article.archive(clock.instant()));
		events.publishEvent(new ArticleArchived(article.id(), article.clientId(), article.updatedAt()));
		return article;
	}

	@Transactional
	public Article restore(Caller caller, long id, String note) {
		Article article = staffArticle(caller, id);
		rights.requireReview(caller, article.clientId());
		return move(caller, article, note, () -> article.restore(clock.instant()));
	}

	private Article move(Caller caller, Article article, String note, Runnable transition) {
		var check = new InputCheck();
		String cleanNote = check.text(note, "note", 500, false);
		check.throwIfInvalid();
		ArticleStatus from = article.status();
		transition.run();
		articles.update(article);
		articles.recordTransition(article, from, caller.userId(), cleanNote, article.updatedAt());
		if (article.status() != ArticleStatus.PUBLISHED && article.status() != ArticleStatus.ARCHIVED) {
			events.publishEvent(new ArticleChanged(article.id(), article.clientId(), article.version(), article.status(),
					article.publishedVersion(), article.updatedAt()));
		}
		audit(caller, article, "ARTICLE_" + article.status().name(), Map.of("status", from));
		return article;
	}

	private Article staffArticle(Caller caller, long id) {
		Article article = rights.readable(caller, articles.findForUpdate(id).orElse(null), id);
		if (rights.reading(caller, article.clientId()) != ArticleAccess.Reading.STAFF) {
			throw new NotFoundException("Article " + id);
		}
		return article;
	}

	record Content(Audience audience, String title, String body, List<Long> products, String spec) {
	}

	private Content content(InputCheck check, ArticleInput input, ClientRef client, ArticleKind kind) {
		Audience audience = check.enumValue(input.audience(), Audience.class, "audience", Audience.INTERNAL);
		String title = check.text(input.title(), "title", 200, true);
		check.text(input.note(), "note", 500, false);
		boolean structured = kind == ArticleKind.DIAGNOSTIC_TREE || kind == ArticleKind.MACRO;
		String body = check.text(input.body(), "body", 100_000, !structured);
		List<Long> products = new ArrayList<>();
		List<String> slugs = input.products() == null ? List.of() : input.products();
		for (int i = 0; i < slugs.size(); i++) {
			Long product = client == null ? null
					: check.lookup(slugs.get(i), s -> access.productId(client.id(), s), "products[" + i + "]", "product");
			if (product != null && !products.contains(product)) {
				products.add(product);
			}
		}
		return new Content(audience, title, body == null ? "" : body, products, spec(check, input, client, kind));
	}

	/** SPEC §5: a known-issue article is linked to the §3 library entry it explains, of the same client. */
	private Long knownIssue(Caller caller, InputCheck check, ArticleInput input, ClientRef client, ArticleKind kind) {
		if (input.knownIssue() == null) {
			return null;
		}
		check.require(kind == ArticleKind.KNOWN_ISSUE, "knownIssue", "only a KNOWN_ISSUE article links to a known issue");
		boolean ours = client != null && knownIssues.visible(caller, input.knownIssue()).filter(k -> k.clientId() == client.id()).isPresent();
		check.require(ours, "knownIssue", "is not a known issue of this client");
		return input.knownIssue();
	}

	private String spec(InputCheck check, ArticleInput input, ClientRef client, ArticleKind kind) {
		if (kind == ArticleKind.DIAGNOSTIC_TREE) {
			if (input.tree() == null) {
				check.add("tree", "a diagnostic tree needs its nodes");
				return null;
			}
			long clientId = client == null ? -1 : client.id();
			return input.tree().validated(check, "tree", a -> articles.find(a).filter(x -> x.clientId() == clientId).isPresent())
				.json();
		}
		if (kind == ArticleKind.MACRO) {
			if (input.macro() == null) {
				check.add("macro", "a macro needs its actions");
				return null;
			}
			return input.macro().validated(check, "macro",
					c -> client != null && access.categoryId(client.id(), c).isPresent()).json();
		}
		return null;
	}

	private void save(Caller caller, Article article, Content content, String note, Instant now) {
		articles.insertVersion(article.id(), article.version(), content.title(), content.body(), content.audience(), content.spec(),
				caller.userId(), note == null || note.isBlank() ? null : note.strip(), now);
		articles.replaceProducts(article.id(), content.products());
		articles.update(article);
	}

	private void changed(Caller caller, Article article, String action, Instant now) {
		events.publishEvent(new ArticleChanged(article.id(), article.clientId(), article.version(), article.status(),
				article.publishedVersion(), now));
		audit(caller, article, action, null);
	}

	private void audit(Caller caller, Article article, String action, Object before) {
		events.publishEvent(new AuditEvent(article.clientId(), caller.userId(), caller.email(), action, null, article.reference(),
				before, Map.of("status", article.status(), "version", article.version())));
	}
}
