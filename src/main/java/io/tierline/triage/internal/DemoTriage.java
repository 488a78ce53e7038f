package io.tierline.triage.internal;

import java.util.List;

import io.tierline.access.AccessManagement;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Demo triage: a few keyword rules per client and a first model trained in the background from
 * the demo tickets. Runs after the demo tickets, only in demo mode and only once.
 */
@Component
@Order(40)
@ConditionalOnProperty(name = { "tierline.demo.enabled", "tierline.triage.demo" }, havingValue = "true", matchIfMissing = false)
class DemoTriage implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(DemoTriage.class);

	private final AccessManagement access;
	private final TriageRules rules;
	private final TriageModels models;
	private final ModelTraining training;

	DemoTriage(AccessManagement access, TriageRules rules, TriageModels models, ModelTraining training) {
		this.access = access;
		this.rules = rules;
		this.models = models;
		this.training = training;
	}

	@Override
	public void run(ApplicationArguments args) {
		for (String slug : List.of("acme", "globex")) {
			var client = access.clientBySlug(slug).orElse(null);
			if (client == null || !rules.of(client.id()).isEmpty() || !models.list(client.id(), null, 1).isEmpty()) {
				continue;
			}
			rules.insert(new TriageRules.Rule(0, client.id(), "invoice", "billing", slug.equals("acme") ? "billing" : "support", null, 10));
			rules.insert(new TriageRules.Rule(0, client.id(), "password", "authentication", "support", null, 20));
			rules.insert(new TriageRules.Rule(0, client.id(), "import", "data-import", "support", null, 30));
			training.request(client.id(), "DEMO", null);
			log.info("Demo triage rules for {}; first model training in the background", slug);
		}
	}
}
