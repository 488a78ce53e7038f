package io.tierline.access.internal;

import java.net.URI;
import java.util.List;

import io.tierline.access.Caller;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Personal API tokens; the secret is in the answer to POST and nowhere else, ever. */
@RestController
class TokenApiController {

	private final ApiTokens tokens;

	TokenApiController(ApiTokens tokens) {
		this.tokens = tokens;
	}

	record NewToken(String name, List<String> scopes) {
	}

	@PostMapping("/api/v1/tokens")
	ResponseEntity<ApiTokens.IssuedToken> issue(Caller caller, @RequestBody NewToken body) {
		var issued = tokens.issue(caller, body.name(), body.scopes());
		return ResponseEntity.created(URI.create("/api/v1/tokens/" + issued.id())).body(issued);
	}

	@GetMapping("/api/v1/tokens")
	List<ApiTokens.TokenInfo> list(Caller caller) {
		return tokens.list(caller);
	}

	@DeleteMapping("/api/v1/tokens/{id}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void revoke(Caller caller, @PathVariable long id) {
		tokens.revoke(caller, id);
	}

}
