package io.tierline.access.internal;

import java.time.Clock;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import io.tierline.access.AccessManagement;
import io.tierline.access.Caller;
import io.tierline.access.ClientRef;
import io.tierline.access.OnboardingStage;
import io.tierline.access.Role;
import io.tierline.access.UserRef;
import io.tierline.common.NotFoundException;
import io.tierline.common.Tier;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

@Service
class Directory implements AccessManagement {

	private final JdbcClient jdbc;
	private final Clock clock;
	private final CallerLoader callers;
	private final Map<Long, ClientRef> organizations = new ConcurrentHashMap<>();
	private final CatalogCache categories;
	private final CatalogCache queues;
	private final CatalogCache products;

	private final TransactionTemplate ownTransaction;

	Directory(JdbcClient jdbc, Clock clock, CallerLoader callers, PlatformTransactionManager transactions) {
		this.jdbc = jdbc;
		this.ownTransaction = new TransactionTemplate(transactions);
		this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
		this.clock = clock;
		this.callers = callers;
		this.categories = new CatalogCache(jdbc, "categories");
		this.queues = new CatalogCache(jdbc, "queues");
		this.products = new CatalogCache(jdbc, "products");
	}

	@Override
	public Optional<ClientRef> clientBySlug(String slug) {
		return loadedOrganizations().stream().filter(o -> !o.provider() && o.slug().equalsIgnoreCase(slug)).findFirst();
	}

	@Override
	public ClientRef organization(long id) {
		ClientRef org = organizations.get(id);
		if (org == null) {
			invalidate();
			org = loadedOrganizations().stream().filter(o -> o.id() == id).findFirst()
				.orElseThrow(() -> new NotFoundException("Organization " + id));
		}
		return org;
	}

	@Override
	public Optional<ClientRef> organizationBySlug(String slug) {
		return loadedOrganizations().stream().filter(o -> o.slug().equalsIgnoreCase(slug)).findFirst();
	}

	Optional<ClientRef> provider() {
		return loadedOrganizations().stream().filter(ClientRef::provider).findFirst();
	}

	@Override
	public List<ClientRef> clients() {
		return loadedOrganizations().stream().filter(o -> !o.provider()).toList();
	}

	@Override
	public List<ClientRef> providers() {
		return loadedOrganizations().stream().filter(ClientRef::provider).toList();
	}

	@Override
	public Optional<Long> categoryId(long clientId, String slug) {
		return categories(clientId).stream().filter(c -> c.slug().equalsIgnoreCase(slug)).map(CatalogEntry::id).findFirst();
	}

	@Override
	public String categorySlug(Long id) {
		return id == null ? null : categories.entry(id).slug();
	}

	@Override
	public Optional<Long> queueId(long clientId, String slug) {
		return queues(clientId).stream().filter(q -> q.slug().equalsIgnoreCase(slug)).map(CatalogEntry::id).findFirst();
	}

	@Override
	public Optional<Long> productId(long clientId, String slug) {
		return products.of(clientId).stream().filter(p -> p.slug().equalsIgnoreCase(slug)).map(CatalogEntry::id).findFirst();
	}

	@Override
	public String queueSlug(Long id) {
		return id == null ? null : queues.entry(id).slug();
	}

	@Override
	public List<CatalogEntry> categories(long clientId) {
		return categories.of(clientId);
	}

	@Override
	public List<CatalogEntry> queues(long clientId) {
		return queues.of(clientId);
	}

	@Override
	public Optional<UserRef> userByEmail(String email) {
		return jdbc.sql("select id, email, name, org_id from users where email = ?")
			.param(email.strip().toLowerCase())
			.query(UserRef.class)
			.optional();
	}

	@Override
	public UserRef user(long id) {
		return jdbc.sql("select id, email, name, org_id from users where id = ?").param(id).query(UserRef.class)
			.optional().orElseThrow(() -> new NotFoundException("User " + id));
	}

	/**
	 * The common case (a known requester of this client) is one read in the caller's transaction;
	 * creating the person or the role happens in a transaction of its own, so a race with a
	 * parallel request for the same person cannot abort the caller's.
	 */
	@Override
	public UserRef requesterFor(long clientId, String email, String name) {
		String normalized = email.strip().toLowerCase();
		Optional<UserRef> known = jdbc.sql("""
				select u.id, u.email, u.name, u.org_id from users u join user_roles r on r.user_id = u.id
				where u.email = ? and r.org_id = ? and r.role = 'REQUESTER'""")
			.params(normalized, clientId).query(UserRef.class).optional();
		return known.orElseGet(() -> ownTransaction.execute(status -> becomeRequester(clientId, normalized, name)));
	}

	private UserRef becomeRequester(long clientId, String normalized, String name) {
		UserRef user = userByEmail(normalized).orElseGet(() -> insertRequester(clientId, normalized, name));
		try {
			jdbc.sql("insert into user_roles (user_id, org_id, role) select ?, ?, ? where not exists "
					+ "(select 1 from user_roles where user_id = ? and org_id = ? and role = ?)")
				.params(user.id(), clientId, Role.REQUESTER.name(), user.id(), clientId, Role.REQUESTER.name())
				.update();
		}
		catch (DuplicateKeyException concurrentlyAdded) {
			// another request made them a requester of this client at the same moment
		}
		callers.evict(user.id());
		return user;
	}

	private UserRef insertRequester(long clientId, String email, String name) {
		String displayName = name == null || name.isBlank() ? email.substring(0, email.indexOf('@')) : name.strip();
		try {
			jdbc.sql("insert into users (email, name, org_id, active, created_at) values (?, ?, ?, true, ?)")
				.params(email, displayName, clientId, clock.instant())
				.update();
		}
		catch (DuplicateKeyException concurrentlyCreated) {
			// created by a parallel request for the same person: use theirs
		}
		return userByEmail(email).orElseThrow();
	}

	@Override
	public List<UserRef> assignableAgents(long clientId, Long queueId, Long categoryId, Tier tier) {
		return jdbc.sql("""
				select distinct u.id, u.email, u.name, u.org_id from grants g join users u on u.id = g.user_id
				left join agent_clients ac on ac.user_id = g.user_id and ac.client_id = g.client_id
				where g.client_id = ? and (g.tier = ? or (g.tier = 'T3' and ? = 'T4')) and u.active
				  and (g.queue_id is null or g.queue_id = ?) and (g.category_id is null or g.category_id = ?)
				  and (ac.stage is null or ac.stage <> ?)
				order by u.name""")
			.params(clientId, tier.name(), tier.name(), queueId, categoryId, OnboardingStage.SHADOW.name())
			.query(UserRef.class)
			.list();
	}

	static final String AUTOMATION_EMAIL = "automation@tierline.invalid";

	@Override
	public UserRef automationUser() {
		var existing = userByEmail(AUTOMATION_EMAIL);
		if (existing.isPresent()) {
			return existing.get();
		}
		long org = providers().stream().findFirst().or(() -> clients().stream().findFirst()).orElseThrow().id();
		try {
			// no password hash: nobody signs in as it
			jdbc.sql("insert into users (email, name, org_id, active, created_at) values (?, ?, ?, false, ?)")
				.params(AUTOMATION_EMAIL, "Tierline (automatic)", org, clock.instant()).update();
		}
		catch (DuplicateKeyException concurrentlyCreated) {
			// another node or request made it first
		}
		return userByEmail(AUTOMATION_EMAIL).orElseThrow();
	}

	@Override
	public List<UserRef> teamLeadsOf(long clientId) {
		return jdbc.sql("""
				select u.id, u.email, u.name, u.org_id from users u
				where u.active and exists (select 1 from user_roles r where r.user_id = u.id and r.role = 'TEAM_LEAD')
				  and exists (select 1 from grants g where g.user_id = u.id and g.client_id = ?)
				order by u.name""")
			.param(clientId)
			.query(UserRef.class)
			.list();
	}

	@Override
	public Caller callerFor(long userId) {
		return callers.load(userId, null);
	}

	@Override
	public CatalogEntry addQueue(long clientId, String slug, String name) {
		if (queueId(clientId, slug).isPresent()) {
			throw new io.tierline.common.ConflictException("slug", "The client has a queue " + slug + " already");
		}
		jdbc.sql("insert into queues (client_id, slug, name) values (?, ?, ?)").params(clientId, slug, name).update();
		queues.clear();
		return queues(clientId).stream().filter(q -> q.slug().equals(slug)).findFirst().orElseThrow();
	}

	void invalidate() {
		organizations.clear();
		categories.clear();
		queues.clear();
		products.clear();
	}

	private List<ClientRef> loadedOrganizations() {
		if (organizations.isEmpty()) {
			jdbc.sql("select id, slug, name, kind = 'PROVIDER' as provider, ticket_prefix, reopen_window_days from organizations order by id")
				.query(ClientRef.class)
				.list()
				.forEach(o -> organizations.put(o.id(), o));
		}
		return organizations.values().stream().sorted(Comparator.comparing(ClientRef::id)).toList();
	}
}
