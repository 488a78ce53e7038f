package io.tierline.routing.internal;

import java.time.Clock;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import io.tierline.access.AccessManagement;
import io.tierline.access.ClientRef;
import io.tierline.routing.AgentStatus;
import io.tierline.routing.RoutingStrategy;
import io.tierline.routing.SkillKind;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Demo routing: acme's billing desk routes by skills and is co-worked by Northwind's tier 1 and
 * tier 2 teams; the demo agents are available around the clock with skills of their own. Acme's
 * support queue stays manual (the demo tickets keep their hand-made assignments).
 */
@Component
@Order(45)
@ConditionalOnProperty(name = "tierline.demo.enabled", havingValue = "true")
class DemoRouting implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(DemoRouting.class);

	private final AccessManagement access;
	private final QueueSettings queues;
	private final Agents agents;
	private final JdbcClient jdbc;
	private final Clock clock;

	DemoRouting(AccessManagement access, QueueSettings queues, Agents agents, JdbcClient jdbc, Clock clock) {
		this.access = access;
		this.queues = queues;
		this.agents = agents;
		this.jdbc = jdbc;
		this.clock = clock;
	}

	@Override
	@Transactional
	public void run(ApplicationArguments args) {
		ClientRef acme = access.clientBySlug("acme").orElse(null);
		if (acme == null || jdbc.sql("select count(*) from routing_queues").query(Long.class).single() > 0) {
			return;
		}
		Long billing = access.queueId(acme.id(), "billing").orElse(null);
		if (billing == null) {
			return;
		}
		List<Long> teams = jdbc.sql("select id from teams where name in ('Northwind Tier 1', 'Northwind Tier 2') order by id").query(Long.class).list();
		queues.save(new QueueRouting(billing, acme.id(), RoutingStrategy.SKILLS, false, true, teams), clock.instant());
		Map<String, List<Skill>> skills = Map.of(
				"t1@northwind.test", List.of(new Skill(SkillKind.LANGUAGE, "en", 4), new Skill(SkillKind.CATEGORY, "billing", 3)),
				"t2@northwind.test", List.of(new Skill(SkillKind.LANGUAGE, "de", 5), new Skill(SkillKind.LANGUAGE, "en", 3)),
				"t2-acme@northwind.test", List.of(new Skill(SkillKind.CATEGORY, "billing", 5), new Skill(SkillKind.PRODUCT, "acme-cloud", 4)),
				"lead@northwind.test", List.of(new Skill(SkillKind.LANGUAGE, "en", 5)),
				"supervised@northwind.test", List.of(new Skill(SkillKind.LANGUAGE, "fr", 4)),
				"shadow@northwind.test", List.of(new Skill(SkillKind.LANGUAGE, "de", 5)));
		skills.forEach((email, list) -> access.userByEmail(email).ifPresent(u -> {
			agents.save(new Availability(u.id(), AgentStatus.AVAILABLE, email.startsWith("lead") ? 8 : 20, ZoneId.of("UTC"), LocalTime.MIDNIGHT,
					LocalTime.MIDNIGHT, "1234567"), clock.instant());
			agents.replaceSkills(u.id(), list);
		}));
		log.info("Demo routing: acme/billing routes by skills; demo agents available around the clock");
	}
}
