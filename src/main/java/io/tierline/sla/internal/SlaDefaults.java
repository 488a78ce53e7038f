package io.tierline.sla.internal;

import io.tierline.access.AccessManagement;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** Writes the SPEC §4 default policy for every client that has none, so admins see and edit real rows. */
@Component
@Order(21)
class SlaDefaults implements ApplicationRunner {

	private final AccessManagement access;
	private final SlaPolicies policies;

	SlaDefaults(AccessManagement access, SlaPolicies policies) {
		this.access = access;
		this.policies = policies;
	}

	@Override
	public void run(ApplicationArguments args) {
		access.clients().forEach(c -> policies.seedDefaults(c.id()));
	}
}
