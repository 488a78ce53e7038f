package io.tierline.knowledge.web;

import java.net.URI;
import java.util.List;

import io.tierline.access.Caller;
import io.tierline.common.Keyset;
import io.tierline.knowledge.internal.ArticleDetails;
import io.tierline.knowledge.internal.ArticleInput;
import io.tierline.knowledge.internal.ArticleLibrary;
import io.tierline.knowledge.internal.ArticleSummary;
import io.tierline.knowledge.internal.ArticleVersion;
import io.tierline.knowledge.internal.ArticleWorkflow;
import io.tierline.knowledge.internal.Articles;
import io.tierline.knowledge.internal.Macros;
import io.tierline.knowledge.internal.TreeRunner;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The knowledge base over HTTP (SPEC §5); rights are decided in the services. */
@RestController
@RequestMapping("/api/v1/articles")
class ArticleApiController {

	private final ArticleLibrary library;
	private final ArticleWorkflow workflow;
	private final TreeRunner runner;
	private final Macros macros;

	ArticleApiController(ArticleLibrary library, ArticleWorkflow workflow, TreeRunner runner, Macros macros) {
		this.library = library;
		this.workflow = workflow;
		this.runner = runner;
		this.macros = macros;
	}

	record ArticlePage(List<ArticleSummary> items, String nextCursor) {
	}

	record Note(String note) {
	}

	record RunRequest(List<Integer> answers, String ticket) {
	}

	record ApplyRequest(String ticket) {
	}

	/**
	 * Newest change first. Staff see every article of their clients; a requester only the
	 * public, published articles of their own client. {@code q} filters titles.
	 */
	@GetMapping
	ArticlePage list(Caller caller, @RequestParam(required = false) String client, @RequestParam(required = false) String status,
			@RequestParam(required = false) String kind, @RequestParam(required = false) String product,
			@RequestParam(required = false) String q, @RequestParam(required = false) String cursor,
			@RequestParam(required = false) Integer limit) {
		Articles.Page page = library.list(caller, new ArticleLibrary.Query(client, status, kind, product, q),
				!library.readsAsStaff(caller), Keyset.decode(cursor, "cursor"), Keyset.limit(limit, 50, 200, "limit"));
		return new ArticlePage(page.items(), page.nextCursor());
	}

	@PostMapping
	ResponseEntity<ArticleDetails> create(Caller caller, @RequestBody ArticleInput body) {
		var article = library.get(caller, workflow.create(caller, body).id());
		return ResponseEntity.created(URI.create("/api/v1/articles/" + article.id())).body(article);
	}

	@GetMapping("/{id}")
	ArticleDetails get(Caller caller, @PathVariable long id) {
		return library.get(caller, id);
	}

	/** A new revision (a proposed edit when the article is published). */
	@PutMapping("/{id}")
	ArticleDetails revise(Caller caller, @PathVariable long id, @RequestBody ArticleInput body) {
		workflow.revise(caller, id, body);
		return library.get(caller, id);
	}

	@PostMapping("/{id}/submit")
	ArticleDetails submit(Caller caller, @PathVariable long id, @RequestBody(required = false) Note body) {
		workflow.submit(caller, id, note(body));
		return library.get(caller, id);
	}

	@PostMapping("/{id}/publish")
	ArticleDetails publish(Caller caller, @PathVariable long id, @RequestBody(required = false) Note body) {
		workflow.publish(caller, id, note(body));
		return library.get(caller, id);
	}

	@PostMapping("/{id}/reject")
	ArticleDetails reject(Caller caller, @PathVariable long id, @RequestBody(required = false) Note body) {
		workflow.reject(caller, id, note(body));
		return library.get(caller, id);
	}

	@PostMapping("/{id}/archive")
	ArticleDetails archive(Caller caller, @PathVariable long id, @RequestBody(required = false) Note body) {
		workflow.archive(caller, id, note(body));
		return library.get(caller, id);
	}

	@PostMapping("/{id}/restore")
	ArticleDetails restore(Caller caller, @PathVariable long id, @RequestBody(required = false) Note body) {
		workflow.restore(caller, id, note(body));
		return library.get(caller, id);
	}

	@GetMapping("/{id}/versions")
	List<ArticleVersion> versions(Caller caller, @PathVariable long id) {
		return library.versions(caller, id);
	}

	@GetMapping("/{id}/history")
	List<Articles.Transition> history(Caller caller, @PathVariable long id) {
		return library.transitions(caller, id);
	}

	/** A line diff of two versions' bodies, as rows and as HTML. */
	@GetMapping("/{id}/diff")
	ArticleLibrary.Diff diff(Caller caller, @PathVariable long id, @RequestParam int from, @RequestParam int to) {
		return library.diff(caller, id, from, to);
	}

	/**
	 * One step of a diagnostic tree: the answers so far lead to the next question or to an end.
	 * With {@code ticket}, an ended run is saved on the ticket as a DIAGNOSTIC_PATH event.
	 */
	@PostMapping("/{id}/run")
	TreeRunView run(Caller caller, @PathVariable long id, @RequestBody RunRequest body) {
		boolean save = body.ticket() != null && !body.ticket().isBlank();
		var run = save ? runner.save(caller, id, body.answers(), body.ticket()) : runner.run(caller, id, body.answers());
		return TreeRunView.of(run, save);
	}

	/** Applies a published macro to a ticket: its reply, its field changes, and MACRO_APPLIED with the intent. */
	@PostMapping("/{id}/apply")
	Macros.Applied apply(Caller caller, @PathVariable long id, @RequestBody ApplyRequest body) {
		return macros.apply(caller, id, body.ticket());
	}

	private static String note(Note body) {
		return body == null ? null : body.note();
	}
}
