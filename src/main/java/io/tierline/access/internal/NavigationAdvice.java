package io.tierline.access.internal;

import io.tierline.access.Caller;
import io.tierline.access.Role;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** What the page header shows: who is signed in and which sections they may open. */
@ControllerAdvice
class NavigationAdvice {

	private final CallerLoader callers;

	NavigationAdvice(CallerLoader callers) {
		this.callers = callers;
	}

	record Nav(String name, String email, boolean staff, boolean requester, boolean admin, boolean auditor, boolean approver) {
	}

	@ModelAttribute("nav")
	Nav nav(HttpServletRequest request) {
		Authentication auth = SecurityContextHolder.getContext().getAuthentication();
		if (request.getRequestURI().startsWith("/api/") || auth == null || !(auth.getPrincipal() instanceof TierlineUser user)) {
			return null;
		}
		Caller c = callers.load(user.userId(), null);
		boolean admin = c.isProviderAdmin() || c.hasAnywhere(Role.CLIENT_ADMIN);
		return new Nav(c.name(), c.email(), c.isStaff(), c.hasAnywhere(Role.REQUESTER), admin,
				admin || c.hasAnywhere(Role.AUDITOR), c.isProviderAdmin() || c.hasAnywhere(Role.TEAM_LEAD) || c.hasAnywhere(Role.CLIENT_ADMIN));
	}
}
