package io.tierline.access.internal;

import java.util.List;

import io.tierline.access.Caller;
import io.tierline.access.ClientRef;
import io.tierline.access.OnboardingStage;
import io.tierline.access.Role;
import io.tierline.common.ForbiddenException;
import io.tierline.common.Tier;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Admin pages for users, roles, grants, onboarding stages and teams. */
@Controller
class AdminPageController {

	private final AccessAdministration admin;
	private final Teams teams;
	private final Directory directory;

	AdminPageController(AccessAdministration admin, Teams teams, Directory directory) {
		this.admin = admin;
		this.teams = teams;
		this.directory = directory;
	}

	@GetMapping("/admin/users")
	String users(Caller caller, @RequestParam(required = false) String org, @RequestParam(defaultValue = "0") long cursor, Model model) {
		List<ClientRef> orgs = admin.listable(caller);
		if (orgs.isEmpty()) {
			throw new ForbiddenException("Only admins manage people");
		}
		ClientRef selected = org == null ? orgs.get(0) : orgs.stream().filter(o -> o.slug().equals(org)).findFirst().orElse(orgs.get(0));
		List<People.UserRow> rows = admin.users(caller, selected.slug(), cursor, 51);
		model.addAttribute("organizations", orgs);
		model.addAttribute("selected", selected);
		model.addAttribute("users", rows.subList(0, Math.min(50, rows.size())));
		model.addAttribute("nextCursor", rows.size() > 50 ? rows.get(49).id() : null);
		model.addAttribute("roles", Role.values());
		model.addAttribute("mayCreate", admin.administers(caller, selected));
		return "admin/users";
	}

	@PostMapping("/admin/users")
	String create(Caller caller, @RequestParam String org, @RequestParam String email, @RequestParam String name,
			@RequestParam(required = false) String password, @RequestParam(required = false) List<String> roles,
			RedirectAttributes flash) {
		People.UserRow user = admin.create(caller, new AccessAdministration.NewUser(email, name, org,
				password == null || password.isBlank() ? null : password, roles));
		flash.addFlashAttribute("notice", "Created " + user.email());
		return "redirect:/admin/users/" + user.id();
	}

	@GetMapping("/admin/users/{id}")
	String user(Caller caller, @PathVariable long id, Model model) {
		model.addAttribute("user", admin.user(caller, id));
		model.addAttribute("clients", directory.clients());
		model.addAttribute("organizations", admin.administered(caller));
		model.addAttribute("roles", Role.values());
		model.addAttribute("tiers", Tier.values());
		model.addAttribute("stages", OnboardingStage.values());
		return "admin/user";
	}

	@PostMapping("/admin/users/{id}/roles")
	String addRole(Caller caller, @PathVariable long id, @RequestParam String org, @RequestParam String role) {
		admin.addRole(caller, id, org, role);
		return "redirect:/admin/users/" + id;
	}

	@PostMapping("/admin/users/{id}/roles/remove")
	String removeRole(Caller caller, @PathVariable long id, @RequestParam String org, @RequestParam String role) {
		admin.removeRole(caller, id, org, role);
		return "redirect:/admin/users/" + id;
	}

	@PostMapping("/admin/users/{id}/grants")
	String addGrant(Caller caller, @PathVariable long id, @RequestParam String client, @RequestParam String tier,
			@RequestParam(required = false) String queue, @RequestParam(required = false) String category) {
		admin.addGrant(caller, id, new AccessAdministration.NewGrant(client, blank(queue), blank(category), tier));
		return "redirect:/admin/users/" + id;
	}

	@PostMapping("/admin/grants/{grantId}/remove")
	String removeGrant(Caller caller, @PathVariable long grantId, @RequestParam long userId) {
		admin.removeGrant(caller, grantId);
		return "redirect:/admin/users/" + userId;
	}

	@PostMapping("/admin/users/{id}/stages")
	String stage(Caller caller, @PathVariable long id, @RequestParam String client, @RequestParam String stage) {
		admin.setStage(caller, id, client, stage);
		return "redirect:/admin/users/" + id;
	}

	@GetMapping("/admin/teams")
	String teams(Caller caller, Model model) {
		List<ClientRef> orgs = admin.administered(caller);
		if (orgs.isEmpty()) {
			throw new ForbiddenException("Only admins manage teams");
		}
		model.addAttribute("teams", teams.list(caller));
		model.addAttribute("organizations", orgs);
		return "admin/teams";
	}

	@PostMapping("/admin/teams")
	String createTeam(Caller caller, @RequestParam String org, @RequestParam String name, @RequestParam String kind) {
		teams.create(caller, new Teams.NewTeam(org, name, kind));
		return "redirect:/admin/teams";
	}

	@PostMapping("/admin/teams/{id}/members")
	String addMember(Caller caller, @PathVariable long id, @RequestParam String email) {
		teams.addMember(caller, id, email);
		return "redirect:/admin/teams";
	}

	@PostMapping("/admin/teams/{id}/members/{userId}/remove")
	String removeMember(Caller caller, @PathVariable long id, @PathVariable long userId) {
		teams.removeMember(caller, id, userId);
		return "redirect:/admin/teams";
	}

	private static String blank(String value) {
		return value == null || value.isBlank() ? null : value;
	}
}
