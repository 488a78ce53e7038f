package io.tierline.audit.internal;

import io.tierline.access.Caller;
import io.tierline.access.ClientRef;
import io.tierline.common.ForbiddenException;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;

@Controller
class AuditPageController {

	private final AuditReading audit;

	AuditPageController(AuditReading audit) {
		this.audit = audit;
	}

	@GetMapping("/audit")
	String page(Caller caller, @RequestParam(required = false) String org, @RequestParam(required = false) String cursor,
			@RequestHeader(value = "HX-Request", required = false) String htmx, Model model) {
		var orgs = audit.readableOrganizations(caller);
		if (orgs.isEmpty()) {
			throw new ForbiddenException("Only admins and auditors read the audit log");
		}
		ClientRef selected = org == null ? orgs.get(0) : audit.organization(caller, org);
		model.addAttribute("organizations", orgs);
		model.addAttribute("selected", selected);
		model.addAttribute("page", audit.page(caller, selected.slug(), null, cursor, 50));
		return htmx != null ? "audit/log :: rows" : "audit/log";
	}

	@GetMapping("/audit/verify")
	String verify(Caller caller, @RequestParam String org, Model model) {
		model.addAttribute("report", audit.verify(caller, org).get(0));
		return "audit/log :: verify";
	}
}
