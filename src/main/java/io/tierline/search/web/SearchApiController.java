package io.tierline.search.web;

import io.tierline.access.Caller;
import io.tierline.search.internal.Reindexer;
import io.tierline.search.internal.SearchService;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Search, similarity and the re-index command over HTTP (SPEC §4); rights are decided in the service. */
@RestController
@RequestMapping("/api/v1")
class SearchApiController {

	private final SearchService search;

	SearchApiController(SearchService search) {
		this.search = search;
	}

	/** Hybrid ranking over what the caller may read: {@code ?q=vpn+drops&client=acme&type=ticket&product=vpn&audience=internal&limit=10}. */
	@GetMapping("/search")
	SearchService.Results search(Caller caller, @RequestParam(required = false) String q, @RequestParam(required = false) String client,
			@RequestParam(required = false) String type, @RequestParam(required = false) String audience,
			@RequestParam(required = false) String product, @RequestParam(required = false) Integer limit) {
		return search.search(caller, new SearchService.Question(client, q, type, audience, product, limit));
	}

	/** Documents whose meaning is nearest the text: {@code {"client":"acme","text":"…","type":"ticket","limit":5}}. */
	@PostMapping("/similar")
	SearchService.SimilarResults similar(Caller caller, @RequestBody SearchService.SimilarQuestion body) {
		return search.similar(caller, body);
	}

	/** Rebuilds this node's index from the database; follow {@code GET /api/v1/search/reindex}. */
	@PostMapping("/search/reindex")
	ResponseEntity<Reindexer.Progress> reindex(Caller caller) {
		return ResponseEntity.status(HttpStatus.ACCEPTED).body(search.reindex(caller));
	}

	@GetMapping("/search/reindex")
	Reindexer.Progress progress(Caller caller) {
		return search.progress(caller);
	}
}
