package io.tierline.access.internal;

import java.time.Clock;
import java.util.List;
import java.util.Map;

import io.tierline.access.OnboardingStage;
import io.tierline.access.Role;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Demo organizations and people (README lists the logins; password {@code demo}). Runs only in
 * demo mode and only on an empty directory.
 */
@Component
@Order(10)
@ConditionalOnProperty(name = "tierline.demo.enabled", havingValue = "true")
class DemoDirectory implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(DemoDirectory.class);
	static final List<String> CATEGORIES = List.of("authentication", "integrations", "billing", "performance", "data-import");

	private final JdbcClient jdbc;
	private final PasswordEncoder encoder;
	private final Clock clock;
	private final Directory directory;

	DemoDirectory(JdbcClient jdbc, PasswordEncoder encoder, Clock clock, Directory directory) {
		this.jdbc = jdbc;
		this.encoder = encoder;
		this.clock = clock;
		this.directory = directory;
	}

	@Override
	@Transactional
	public void run(ApplicationArguments args) {
		if (jdbc.sql("select count(*) from organizations where slug = 'northwind'").query(Long.class).single() > 0) {
			return;
		}
		long northwind = organization("northwind", "Northwind Support", "PROVIDER", null);
		long acme = organization("acme", "Acme Cloud", "CLIENT", "ACME");
		long globex = organization("globex", "Globex Retail", "CLIENT", "GLOBEX");
		for (long client : List.of(acme, globex)) {
			CATEGORIES.forEach(c -> catalog("categories", client, c, title(c)));
			catalog("queues", client, "support", "Support");
		}
		catalog("queues", acme, "billing", "Billing desk");
		catalog("products", acme, "acme-cloud", "Acme Cloud");
		catalog("products", globex, "globex-pos", "Globex POS");

		String hash = encoder.encode("demo");
		user("admin@northwind.test", "Nadia Admin", northwind, hash, Map.of(northwind, Role.PROVIDER_ADMIN));
		long lead = user("lead@northwind.test", "Leo Lead", northwind, hash, Map.of(northwind, Role.TEAM_LEAD));
		long t1 = user("t1@northwind.test", "Tara Tier1", northwind, hash, Map.of(northwind, Role.AGENT));
		long t2 = user("t2@northwind.test", "Theo Tier2", northwind, hash, Map.of(northwind, Role.AGENT));
		long t2acme = user("t2-acme@northwind.test", "Ada Acme-T2", northwind, hash, Map.of(northwind, Role.AGENT));
		long shadow = user("shadow@northwind.test", "Sid Shadow", northwind, hash, Map.of(northwind, Role.AGENT));
		long supervised = user("supervised@northwind.test", "Sue Supervised", northwind, hash, Map.of(northwind, Role.AGENT));
		long eng = user("eng@acme.test", "Eli Engineer", acme, hash, Map.of(acme, Role.AGENT));
		user("admin@acme.test", "Alma Acme-Admin", acme, hash, Map.of(acme, Role.CLIENT_ADMIN));
		user("auditor@acme.test", "Otto Auditor", acme, hash, Map.of(acme, Role.AUDITOR));
		user("kb@acme.test", "Kira Knowledge-Reviewer", acme, hash, Map.of(acme, Role.KNOWLEDGE_REVIEWER));
		user("admin@globex.test", "Gina Globex-Admin", globex, hash, Map.of(globex, Role.CLIENT_ADMIN));
		user("dana@customer.test", "Dana Customer", acme, hash, Map.of(acme, Role.REQUESTER));
		user("sam@shopper.test", "Sam Shopper", globex, hash, Map.of(globex, Role.REQUESTER));

		grant(t1, acme, "T1");
		grant(t1, globex, "T1");
		for (long agent : List.of(t2, lead)) {
			for (long client : List.of(acme, globex)) {
				grant(agent, client, "T1");
				grant(agent, client, "T2");
			}
		}
		grant(t2acme, acme, "T1");
		grant(t2acme, acme, "T2");
		grant(shadow, acme, "T1");
		grant(supervised, acme, "T1");
		grant(eng, acme, "T3");
		stage(shadow, acme, OnboardingStage.SHADOW);
		stage(supervised, acme, OnboardingStage.SUPERVISED);

		team(northwind, "Northwind Tier 1", "EXTERNAL", t1, shadow, supervised);
		team(northwind, "Northwind Tier 2", "EXTERNAL", t2, t2acme, lead);
		team(acme, "Acme Engineering", "INTERNAL", eng);
		directory.invalidate();
		log.info("Demo directory created: provider northwind, clients acme and globex; password for every demo login is 'demo'");
	}

	private long organization(String slug, String name, String kind, String prefix) {
		jdbc.sql("insert into organizations (slug, name, kind, ticket_prefix, created_at) values (?, ?, ?, ?, ?)")
			.params(slug, name, kind, prefix, clock.instant()).update();
		return jdbc.sql("select id from organizations where slug = ?").param(slug).query(Long.class).single();
	}

	private void catalog(String table, long client, String slug, String name) {
		jdbc.sql("insert into " + table + " (client_id, slug, name) values (?, ?, ?)").params(client, slug, name).update();
	}

	private long user(String email, String name, long org, String hash, Map<Long, Role> roles) {
		jdbc.sql("insert into users (email, name, org_id, password_hash, active, created_at) values (?, ?, ?, ?, true, ?)")
			.params(email, name, org, hash, clock.instant()).update();
		long id = jdbc.sql("select id from users where email = ?").param(email).query(Long.class).single();
		roles.forEach((orgId, role) -> jdbc.sql("insert into user_roles (user_id, org_id, role) values (?, ?, ?)")
			.params(id, orgId, role.name()).update());
		return id;
	}

	private void grant(long user, long client, String tier) {
		jdbc.sql("insert into grants (user_id, client_id, tier) values (?, ?, ?)").params(user, client, tier).update();
	}

	private void stage(long user, long client, OnboardingStage stage) {
		jdbc.sql("insert into agent_clients (user_id, client_id, stage) values (?, ?, ?)").params(user, client, stage.name()).update();
	}

	private void team(long org, String name, String kind, long... members) {
		jdbc.sql("insert into teams (org_id, name, kind) values (?, ?, ?)").params(org, name, kind).update();
		long team = jdbc.sql("select id from teams where org_id = ? and name = ?").params(org, name).query(Long.class).single();
		for (long member : members) {
			jdbc.sql("insert into team_members (team_id, user_id) values (?, ?)").params(team, member).update();
		}
	}

	private static String title(String slug) {
		return Character.toUpperCase(slug.charAt(0)) + slug.substring(1).replace('-', ' ');
	}
}
