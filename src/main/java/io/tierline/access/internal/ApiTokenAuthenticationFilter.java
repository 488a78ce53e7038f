package io.tierline.access.internal;

import java.io.IOException;
import java.util.List;
import java.util.Set;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * {@code Authorization: Bearer tl_…} for integrations. Scopes: {@code read} for GET, {@code write}
 * for changes, {@code admin} for /api/v1/admin, {@code audit} for /api/v1/audit.
 */
class ApiTokenAuthenticationFilter extends OncePerRequestFilter {

	private final ApiTokens tokens;
	private final TierlineUserDetailsService users;
	private final ProblemResponses problems;
	private final SecurityContextRepository requestContexts = new RequestAttributeSecurityContextRepository();

	ApiTokenAuthenticationFilter(ApiTokens tokens, TierlineUserDetailsService users, ProblemResponses problems) {
		this.tokens = tokens;
		this.users = users;
		this.problems = problems;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String header = request.getHeader("Authorization");
		if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
			chain.doFilter(request, response);
			return;
		}
		var owner = tokens.owner(header.substring(7).strip());
		if (owner.isEmpty()) {
			problems.write(response, 401, "Unauthorized", "The API token is unknown or revoked");
			return;
		}
		String needed = neededScope(request);
		if (!owner.get().scopes().contains(needed)) {
			problems.write(response, 403, "Forbidden", "The API token lacks the '" + needed + "' scope");
			return;
		}
		var principal = new TierlineUser(owner.get().userId(), "token", "", true);
		SecurityContext context = SecurityContextHolder.createEmptyContext();
		context.setAuthentication(new TokenAuthentication(principal, owner.get().scopes()));
		SecurityContextHolder.setContext(context);
		// kept on the request as HTTP Basic does: a streamed download ends in an async dispatch this
		// filter does not see, and without it that dispatch was refused after the body was sent
		requestContexts.saveContext(context, request, response);
		try {
			chain.doFilter(request, response);
		}
		finally {
			SecurityContextHolder.clearContext();
		}
	}

	static String neededScope(HttpServletRequest request) {
		String path = request.getRequestURI().substring(request.getContextPath().length());
		if (path.startsWith("/api/v1/admin")) {
			return "admin";
		}
		if (path.startsWith("/api/v1/audit")) {
			return "audit";
		}
		String method = request.getMethod();
		return method.equals("GET") || method.equals("HEAD") || method.equals("OPTIONS") ? "read" : "write";
	}

	static final class TokenAuthentication extends AbstractAuthenticationToken {

		private final TierlineUser principal;
		private final Set<String> scopes;

		TokenAuthentication(TierlineUser principal, Set<String> scopes) {
			super(List.of(new SimpleGrantedAuthority("ROLE_USER")));
			this.principal = principal;
			this.scopes = scopes;
			setAuthenticated(true);
		}

		Set<String> scopes() {
			return scopes;
		}

		@Override
		public Object getCredentials() {
			return "";
		}

		@Override
		public TierlineUser getPrincipal() {
			return principal;
		}
	}
}
