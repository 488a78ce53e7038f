package io.tierline.access.internal;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.tierline.access.Caller;
import io.tierline.access.ClientRef;
import io.tierline.access.OnboardingStage;
import io.tierline.access.Role;
import io.tierline.common.AuditEvent;
import io.tierline.common.ForbiddenException;
import io.tierline.common.InputCheck;
import io.tierline.common.InvalidInputException;
import io.tierline.common.NotFoundException;
import io.tierline.common.Tier;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Administration of people and their access (SPEC §1). A provider admin administers the
 * provider's people and their grants on any client; a client admin administers their own
 * organization and every grant on it (they co-manage who works their tickets).
 */
@Service
class AccessAdministration {

	private final People people;
	private final Directory directory;
	private final CallerLoader callers;
	private final CachedPasswordAuthenticationProvider passwords;
	private final PasswordEncoder encoder;
	private final ApplicationEventPublisher events;
	private final Clock clock;

	AccessAdministration(People people, Directory directory, CallerLoader callers, CachedPasswordAuthenticationProvider passwords,
			PasswordEncoder encoder, ApplicationEventPublisher events, Clock clock) {
		this.people = people;
		this.directory = directory;
		this.callers = callers;
		this.passwords = passwords;
		this.encoder = encoder;
		this.events = events;
		this.clock = clock;
	}

	record NewUser(String email, String name, String org, String password, List<String> roles) {
	}

	record NewGrant(String client, String queue, String category, String tier) {
	}

	/** Organizations whose people the caller administers. */
	List<ClientRef> administered(Caller caller) {
		List<ClientRef> all = new ArrayList<>();
		all.add(directory.organization(caller.homeOrgId()));
		all.addAll(directory.clients());
		return all.stream().distinct().filter(o -> administers(caller, o)).toList();
	}

	/** A client admin may also list the provider's people, to grant them access to their client. */
	List<People.UserRow> users(Caller caller, String orgSlug, long afterId, int limit) {
		ClientRef org = orgSlug == null || orgSlug.isBlank() ? directory.organization(caller.homeOrgId())
				: directory.organizationBySlug(orgSlug).orElseThrow(() -> InvalidInputException.of("org", "unknown organization '" + orgSlug + "'"));
		if (administers(caller, org)) {
			return people.page(org.id(), afterId, limit);
		}
		if (!coManages(caller, org)) {
			requireAdministers(caller, org);
		}
		return people.page(org.id(), afterId, limit).stream().map(u -> onlyClientsOf(caller, u)).toList();
	}

	/** Organizations whose people the caller may list: those they administer, and the provider for client admins. */
	List<ClientRef> listable(Caller caller) {
		List<ClientRef> orgs = new ArrayList<>(administered(caller));
		directory.provider().filter(p -> coManages(caller, p)).ifPresent(orgs::add);
		return orgs.stream().distinct().toList();
	}

	People.UserRow user(Caller caller, long userId) {
		People.UserRow user = people.find(userId).orElseThrow(() -> new NotFoundException("User " + userId));
		ClientRef home = directory.organization(user.orgId());
		if (!administers(caller, home) && !coManages(caller, home) && !sharesClientWith(caller, user)) {
			throw new NotFoundException("User " + userId);
		}
		return administers(caller, home) ? user : onlyClientsOf(caller, user);
	}

	/**
	 * What a client admin may see of a provider agent: the grants and stages on their own clients,
	 * never which other clients the agent works for (SPEC §1: no cross-client leakage).
	 */
	private static People.UserRow onlyClientsOf(Caller caller, People.UserRow u) {
		return new People.UserRow(u.id(), u.email(), u.name(), u.orgId(), u.org(), u.active(), u.createdAt(), u.roles(),
				u.grants().stream().filter(g -> caller.isClientAdmin(g.clientId())).toList(),
				u.stages().stream().filter(st -> caller.isClientAdmin(st.clientId())).toList());
	}

	@Transactional
	People.UserRow create(Caller caller, NewUser input) {
		var check = new InputCheck();
		String email = check.text(input.email(), "email", 320, true);
		check.require(email == null || email.matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+"), "email", "must be an e-mail address");
		String name = check.text(input.name(), "name", 200, true);
		ClientRef org = check.lookup(input.org(), directory::organizationBySlug, "org", "organization");
		check.require(input.org() != null, "org", "must not be blank");
		check.require(input.password() == null || input.password().length() >= 10, "password", "must be at least 10 characters");
		List<Role> roles = (input.roles() == null ? List.<String>of() : input.roles()).stream()
			.map(r -> check.enumValue(r, Role.class, "roles", null)).toList();
		check.throwIfInvalid();
		requireAdministers(caller, org);
		roles.forEach(r -> requireMayGrantRole(caller, org, r));
		long id;
		try {
			id = people.insert(email.toLowerCase(), name, org.id(), input.password() == null ? null : encoder.encode(input.password()),
					clock.instant());
		}
		catch (DuplicateKeyException e) {
			throw InvalidInputException.of("email", "is already taken");
		}
		roles.forEach(r -> people.addRole(id, org.id(), r));
		audit(caller, org.id(), "USER_CREATED", "user:" + email, Map.of("email", email, "roles", roles));
		return people.find(id).orElseThrow();
	}

	@Transactional
	void addRole(Caller caller, long userId, String orgSlug, String roleName) {
		People.UserRow user = user(caller, userId);
		var check = new InputCheck();
		ClientRef org = check.lookup(orgSlug, directory::organizationBySlug, "org", "organization");
		Role role = check.enumValue(roleName, Role.class, "role", null);
		check.throwIfInvalid();
		requireAdministers(caller, org);
		requireMayGrantRole(caller, org, role);
		people.addRole(user.id(), org.id(), role);
		changed(caller, org.id(), user, "ROLE_ADDED", Map.of("org", org.slug(), "role", role));
	}

	@Transactional
	void removeRole(Caller caller, long userId, String orgSlug, String roleName) {
		People.UserRow user = user(caller, userId);
		ClientRef org = directory.organizationBySlug(orgSlug).orElseThrow(() -> InvalidInputException.of("org", "unknown organization"));
		requireAdministers(caller, org);
		Role role = new InputCheck().enumValue(roleName, Role.class, "role", null);
		people.removeRole(user.id(), org.id(), role);
		changed(caller, org.id(), user, "ROLE_REMOVED", Map.of("org", org.slug(), "role", role));
	}

	@Transactional
	long addGrant(Caller caller, long userId, NewGrant input) {
		People.UserRow user = user(caller, userId);
		var check = new InputCheck();
		ClientRef client = check.lookup(input.client(), directory::clientBySlug, "client", "client");
		check.require(input.client() != null, "client", "must not be blank");
		Tier tier = check.enumValue(input.tier(), Tier.class, "tier", null);
		Long queue = client == null ? null : check.lookup(input.queue(), s -> directory.queueId(client.id(), s), "queue", "queue");
		Long category = client == null ? null : check.lookup(input.category(), s -> directory.categoryId(client.id(), s), "category", "category");
		check.throwIfInvalid();
		requireMayGrantOn(caller, client, user);
		long id = people.addGrant(user.id(), client.id(), queue, category, tier);
		changed(caller, client.id(), user, "GRANT_ADDED", Map.of("grant", id, "client", client.slug(), "tier", tier,
				"queue", String.valueOf(input.queue()), "category", String.valueOf(input.category())));
		return id;
	}

	@Transactional
	void removeGrant(Caller caller, long grantId) {
		People.GrantRow grant = people.grant(grantId).orElseThrow(() -> new NotFoundException("Grant " + grantId));
		People.UserRow user = user(caller, grant.userId());
		ClientRef client = directory.organization(grant.clientId());
		requireMayGrantOn(caller, client, user);
		people.removeGrant(grantId);
		changed(caller, client.id(), user, "GRANT_REMOVED", Map.of("grant", grantId, "client", client.slug(), "tier", grant.tier()));
	}

	@Transactional
	void setStage(Caller caller, long userId, String clientSlug, String stageName) {
		People.UserRow user = user(caller, userId);
		var check = new InputCheck();
		ClientRef client = check.lookup(clientSlug, directory::clientBySlug, "client", "client");
		OnboardingStage stage = check.enumValue(stageName, OnboardingStage.class, "stage", null);
		check.throwIfInvalid();
		requireMayGrantOn(caller, client, user);
		OnboardingStage before = people.stage(user.id(), client.id());
		people.setStage(user.id(), client.id(), stage);
		events.publishEvent(new AuditEvent(client.id(), caller.userId(), caller.email(), "STAGE_CHANGED", null, "user:" + user.email(),
				before == null ? null : Map.of("stage", before), Map.of("stage", stage)));
		callers.evict(user.id());
	}

	@Transactional
	void setPassword(Caller caller, long userId, String password) {
		People.UserRow user = userId == caller.userId() ? people.find(userId).orElseThrow() : user(caller, userId);
		if (password == null || password.length() < 10) {
			throw InvalidInputException.of("password", "must be at least 10 characters");
		}
		people.setPassword(user.id(), encoder.encode(password));
		passwords.forget(user.id());
		audit(caller, user.orgId(), "PASSWORD_CHANGED", "user:" + user.email(), null);
	}

	boolean administers(Caller caller, ClientRef org) {
		return caller.hasScope("admin") && (org.provider() ? caller.isProviderAdmin() : caller.isClientAdmin(org.id()));
	}

	/** SPEC §1 co-management: a client admin sees the provider's agents, who may work their tickets. */
	private static boolean coManages(Caller caller, ClientRef org) {
		return org.provider() && caller.hasAnywhere(Role.CLIENT_ADMIN) && caller.hasScope("admin");
	}

	private void requireAdministers(Caller caller, ClientRef org) {
		if (!administers(caller, org)) {
			throw new ForbiddenException("You do not administer " + org.name());
		}
	}

	private void requireMayGrantRole(Caller caller, ClientRef org, Role role) {
		if ((role == Role.PROVIDER_ADMIN) != org.provider() && role == Role.PROVIDER_ADMIN) {
			throw InvalidInputException.of("roles", "PROVIDER_ADMIN exists only in the provider organization");
		}
		if (role == Role.CLIENT_ADMIN && org.provider()) {
			throw InvalidInputException.of("roles", "CLIENT_ADMIN exists only in client organizations");
		}
	}

	/** Who may say who works a client's tickets: that client's admin, or the provider admin for the provider's agents. */
	private void requireMayGrantOn(Caller caller, ClientRef client, People.UserRow user) {
		boolean providerAgent = directory.organization(user.orgId()).provider();
		boolean allowed = caller.hasScope("admin") && (caller.isClientAdmin(client.id()) || (caller.isProviderAdmin() && providerAgent)
				|| (caller.isProviderAdmin() && user.orgId() == client.id()));
		if (!allowed) {
			throw new ForbiddenException("You cannot change access to " + client.name() + " for this person");
		}
	}

	/** A client admin co-manages who works their tickets, so they see the provider's agents. */
	private boolean sharesClientWith(Caller caller, People.UserRow user) {
		return people.grantsOf(user.id()).stream().anyMatch(g -> caller.isClientAdmin(g.clientId()));
	}

	private void changed(Caller caller, long orgId, People.UserRow user, String action, Map<String, Object> after) {
		audit(caller, orgId, action, "user:" + user.email(), after);
		callers.evict(user.id());
	}

	private void audit(Caller caller, long orgId, String action, String target, Object after) {
		events.publishEvent(new AuditEvent(orgId, caller.userId(), caller.email(), action, null, target, null, after));
	}

}
