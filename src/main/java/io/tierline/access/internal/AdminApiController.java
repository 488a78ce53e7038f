package io.tierline.access.internal;

import java.net.URI;
import java.util.List;
import java.util.Map;

import io.tierline.access.Caller;
import io.tierline.common.Keyset;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** People, roles, grants, onboarding stages and teams. */
@RestController
@RequestMapping("/api/v1/admin")
class AdminApiController {

	private final AccessAdministration admin;
	private final Teams teams;

	AdminApiController(AccessAdministration admin, Teams teams) {
		this.admin = admin;
		this.teams = teams;
	}

	record UserPage(List<People.UserRow> items, String nextCursor) {
	}

	@GetMapping("/users")
	UserPage users(Caller caller, @RequestParam(required = false) String org, @RequestParam(defaultValue = "0") long cursor,
			@RequestParam(required = false) Integer limit) {
		int size = Keyset.limit(limit, 50, 200, "limit");
		List<People.UserRow> rows = admin.users(caller, org, cursor, size + 1);
		String next = rows.size() > size ? String.valueOf(rows.get(size - 1).id()) : null;
		return new UserPage(rows.subList(0, Math.min(size, rows.size())), next);
	}

	@PostMapping("/users")
	ResponseEntity<People.UserRow> create(Caller caller, @RequestBody AccessAdministration.NewUser body) {
		People.UserRow user = admin.create(caller, body);
		return ResponseEntity.created(URI.create("/api/v1/admin/users/" + user.id())).body(user);
	}

	@GetMapping("/users/{id}")
	People.UserRow user(Caller caller, @PathVariable long id) {
		return admin.user(caller, id);
	}

	record RoleChange(String org, String role) {
	}

	@PostMapping("/users/{id}/roles")
	People.UserRow addRole(Caller caller, @PathVariable long id, @RequestBody RoleChange body) {
		admin.addRole(caller, id, body.org(), body.role());
		return admin.user(caller, id);
	}

	@DeleteMapping("/users/{id}/roles")
	People.UserRow removeRole(Caller caller, @PathVariable long id, @RequestParam String org, @RequestParam String role) {
		admin.removeRole(caller, id, org, role);
		return admin.user(caller, id);
	}

	@PostMapping("/users/{id}/grants")
	ResponseEntity<People.UserRow> addGrant(Caller caller, @PathVariable long id, @RequestBody AccessAdministration.NewGrant body) {
		admin.addGrant(caller, id, body);
		return ResponseEntity.status(HttpStatus.CREATED).body(admin.user(caller, id));
	}

	@DeleteMapping("/grants/{grantId}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void removeGrant(Caller caller, @PathVariable long grantId) {
		admin.removeGrant(caller, grantId);
	}

	record StageChange(String stage) {
	}

	@PutMapping("/users/{id}/stages/{client}")
	People.UserRow stage(Caller caller, @PathVariable long id, @PathVariable String client, @RequestBody StageChange body) {
		admin.setStage(caller, id, client, body.stage());
		return admin.user(caller, id);
	}

	record PasswordChange(String password) {
	}

	@PutMapping("/users/{id}/password")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void password(Caller caller, @PathVariable long id, @RequestBody PasswordChange body) {
		admin.setPassword(caller, id, body.password());
	}

	@GetMapping("/teams")
	List<Teams.TeamRow> teams(Caller caller) {
		return teams.list(caller);
	}

	@PostMapping("/teams")
	ResponseEntity<Map<String, Long>> createTeam(Caller caller, @RequestBody Teams.NewTeam body) {
		long id = teams.create(caller, body);
		return ResponseEntity.created(URI.create("/api/v1/admin/teams/" + id)).body(Map.of("id", id));
	}

	record MemberChange(String email) {
	}

	@PostMapping("/teams/{id}/members")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void addMember(Caller caller, @PathVariable long id, @RequestBody MemberChange body) {
		teams.addMember(caller, id, body.email());
	}

	@DeleteMapping("/teams/{id}/members/{userId}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void removeMember(Caller caller, @PathVariable long id, @PathVariable long userId) {
		teams.removeMember(caller, id, userId);
	}
}
