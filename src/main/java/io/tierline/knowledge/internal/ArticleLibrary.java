package io.tierline.knowledge.internal;

import java.util.List;

import io.tierline.access.AccessManagement;
import io.tierline.access.Caller;
import io.tierline.access.ClientRef;
import io.tierline.common.InputCheck;
import io.tierline.common.Keyset;
import io.tierline.common.NotFoundException;
import io.tierline.knowledge.ArticleKind;
import io.tierline.knowledge.ArticleStatus;

import org.springframework.stereotype.Service;

/** Reading the knowledge base: lists, an article as the caller may see it, its versions and their diffs. */
@Service
public class ArticleLibrary {

	private final Articles articles;
	private final ArticleAccess rights;
	private final AccessManagement access;
	private final MarkdownRenderer markdown;
	private final io.tierline.escalation.KnownIssueManagement knownIssues;

	ArticleLibrary(Articles articles, ArticleAccess rights, AccessManagement access, MarkdownRenderer markdown,
			io.tierline.escalation.KnownIssueManagement knownIssues) {
		this.knownIssues = knownIssues;
		this.articles = articles;
		this.rights = rights;
		this.access = access;
		this.markdown = markdown;
	}

	/** A list request; every part may be null. {@code q} filters titles. */
	public record Query(String client, String status, String kind, String product, String q) {
	}

	/**
	 * Staff see every article of the clients they work for; requesters only the public,
	 * published articles of their own clients ({@code asReader} asks for that view even of staff).
	 */
	public Articles.Page list(Caller caller, Query query, boolean asReader, Keyset after, int limit) {
		var check = new InputCheck();
		ArticleAccess.Reading reading = asReader ? null : ArticleAccess.Reading.STAFF;
		List<ClientRef> clients = asReader
				? access.clients().stream().filter(c -> !c.provider() && rights.reading(caller, c.id()) != ArticleAccess.Reading.NONE).toList()
				: rights.clientsReadAs(caller, reading);
		List<Long> ids = clients.stream().filter(c -> query.client() == null || query.client().isBlank()
				|| c.slug().equals(query.client().strip())).map(ClientRef::id).toList();
		ArticleStatus status = asReader ? null : check.optionalEnum(query.status(), ArticleStatus.class, "status");
		ArticleKind kind = check.optionalEnum(query.kind(), ArticleKind.class, "kind");
		String product = check.text(query.product(), "product", 100, false);
		String text = check.text(query.q(), "q", 200, false);
		check.throwIfInvalid();
		return articles.list(new Articles.Filter(ids, asReader, status, kind, text, product), after, limit);
	}

	public long clientId(String slug) {
		return access.clientBySlug(slug).orElseThrow().id();
	}

	/** Whether the caller reads any client's library as staff (else only as a requester). */
	public boolean readsAsStaff(Caller caller) {
		return !rights.clientsReadAs(caller, ArticleAccess.Reading.STAFF).isEmpty();
	}

	/** The article as the caller sees it: staff the newest revision, requesters the published version. */
	public ArticleDetails get(Caller caller, long id) {
		Article article = rights.readable(caller, articles.find(id).orElse(null), id);
		boolean staff = rights.reading(caller, article.clientId()) == ArticleAccess.Reading.STAFF;
		int shown = staff ? article.version() : article.publishedVersion();
		ArticleVersion v = articles.version(id, shown).orElseThrow();
		if (!staff && v.audience() != io.tierline.knowledge.Audience.PUBLIC) {
			throw new NotFoundException("Article " + id);
		}
		return details(caller, article, v, staff);
	}

	/** The published version, for running a tree or applying a macro; staff fall back to the newest revision of a draft. */
	public ArticleDetails published(Caller caller, long id) {
		Article article = rights.readable(caller, articles.find(id).orElse(null), id);
		boolean staff = rights.reading(caller, article.clientId()) == ArticleAccess.Reading.STAFF;
		if (!article.readable() && !staff) {
			throw new NotFoundException("Article " + id);
		}
		int shown = article.readable() ? article.publishedVersion() : article.version();
		ArticleVersion v = articles.version(id, shown).orElseThrow();
		if (!staff && v.audience() != io.tierline.knowledge.Audience.PUBLIC) {
			throw new NotFoundException("Article " + id);
		}
		return details(caller, article, v, staff);
	}

	public List<ArticleVersion> versions(Caller caller, long id) {
		staffArticle(caller, id);
		return articles.versions(id, 200);
	}

	public List<Articles.Transition> transitions(Caller caller, long id) {
		staffArticle(caller, id);
		return articles.transitions(id);
	}

	public record Diff(int from, int to, String titleBefore, String titleAfter, List<VersionDiff.Line> lines, String html) {
	}

	/** A line diff of the bodies of two versions (staff only: older versions may never have been public). */
	public Diff diff(Caller caller, long id, int from, int to) {
		staffArticle(caller, id);
		var check = new InputCheck();
		ArticleVersion a = articles.version(id, from).orElse(null);
		ArticleVersion b = articles.version(id, to).orElse(null);
		check.require(a != null, "from", "is not a version of this article");
		check.require(b != null, "to", "is not a version of this article");
		check.throwIfInvalid();
		String before = a.body() + (a.spec() == null ? "" : "\n" + a.spec());
		String after = b.body() + (b.spec() == null ? "" : "\n" + b.spec());
		return new Diff(from, to, a.title(), b.title(), VersionDiff.lines(before, after), VersionDiff.html(before, after));
	}

	/** Published articles of a kind for the ticket page (macros, trees), for the caller as staff of the client. */
	public List<ArticleSummary> usable(Caller caller, long clientId, ArticleKind kind) {
		if (rights.reading(caller, clientId) == ArticleAccess.Reading.NONE) {
			return List.of();
		}
		return articles.readableOfKind(clientId, kind, 100);
	}

	private Article staffArticle(Caller caller, long id) {
		Article article = rights.readable(caller, articles.find(id).orElse(null), id);
		if (rights.reading(caller, article.clientId()) != ArticleAccess.Reading.STAFF) {
			throw new NotFoundException("Article " + id);
		}
		return article;
	}

	private ArticleDetails details(Caller caller, Article a, ArticleVersion v, boolean staff) {
		boolean mayEdit = staff && rights.mayDraft(caller, a.clientId());
		boolean mayReview = staff && rights.mayReview(caller, a.clientId());
		return new ArticleDetails(a.id(), a.reference(), access.organization(a.clientId()).slug(), a.kind(),
				staff ? a.status() : ArticleStatus.PUBLISHED, v.audience(), v.title(), staff ? a.version() : v.version(),
				v.version(), a.publishedVersion(), a.publishedAt(), articles.products(a.id()), v.body(), markdown.html(v.body()),
				a.kind() == ArticleKind.DIAGNOSTIC_TREE ? DiagnosticTree.parse(v.spec()) : null,
				a.kind() == ArticleKind.MACRO ? MacroSpec.parse(v.spec()) : null, a.updatedAt(), mayEdit, mayReview,
				staff && a.knownIssueId() != null ? knownIssues.visible(caller, a.knownIssueId()).orElse(null) : null);
	}
}
