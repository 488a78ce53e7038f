package io.tierline.routing.web;

import java.net.URI;
import java.util.List;
import java.util.Map;

import io.tierline.access.Caller;
import io.tierline.common.ForbiddenException;
import io.tierline.routing.DecisionTimeSummary;
import io.tierline.routing.RoutingManagement;
import io.tierline.routing.internal.QueueLoads;
import io.tierline.routing.internal.RoutingAdmin;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Routing over HTTP (issue 9): queue settings, agents' availability and skills, the live load. Rights are decided in the services. */
@RestController
@RequestMapping("/api/v1/routing")
class RoutingApiController {

	private final RoutingAdmin admin;
	private final QueueLoads loads;
	private final RoutingManagement routing;

	RoutingApiController(RoutingAdmin admin, QueueLoads loads, RoutingManagement routing) {
		this.admin = admin;
		this.loads = loads;
		this.routing = routing;
	}

	record NewQueue(String slug, String name) {
	}

	@GetMapping("/clients/{client}/queues")
	List<RoutingAdmin.QueueView> queues(Caller caller, @PathVariable String client) {
		return admin.queues(caller, client);
	}

	@PostMapping("/clients/{client}/queues")
	ResponseEntity<RoutingAdmin.QueueView> createQueue(Caller caller, @PathVariable String client, @RequestBody NewQueue body) {
		var queue = admin.createQueue(caller, client, body.slug(), body.name());
		return ResponseEntity.created(URI.create("/api/v1/routing/clients/" + client + "/queues/" + queue.slug())).body(queue);
	}

	@GetMapping("/clients/{client}/queues/{queue}")
	RoutingAdmin.QueueView queue(Caller caller, @PathVariable String client, @PathVariable String queue) {
		return admin.queue(caller, client, queue);
	}

	@PutMapping("/clients/{client}/queues/{queue}")
	RoutingAdmin.QueueView configure(Caller caller, @PathVariable String client, @PathVariable String queue,
			@RequestBody RoutingAdmin.QueueInput body) {
		return admin.configure(caller, client, queue, body);
	}

	@GetMapping("/clients/{client}/load")
	QueueLoads.ClientLoad load(Caller caller, @PathVariable String client) {
		return loads.of(caller, client);
	}

	@GetMapping("/agents")
	List<RoutingAdmin.AgentView> agents(Caller caller) {
		return admin.agents(caller);
	}

	@GetMapping("/agents/{email}")
	RoutingAdmin.AgentView agent(Caller caller, @PathVariable String email) {
		return admin.agent(caller, email);
	}

	@PutMapping("/agents/{email}/availability")
	RoutingAdmin.AgentView availability(Caller caller, @PathVariable String email, @RequestBody RoutingAdmin.AvailabilityInput body) {
		return admin.setAvailability(caller, email, body);
	}

	@PutMapping("/agents/{email}/skills")
	RoutingAdmin.AgentView skills(Caller caller, @PathVariable String email, @RequestBody List<RoutingAdmin.SkillInput> body) {
		return admin.setSkills(caller, email, body);
	}

	/** Assignment decision times since start (the benchmark reads them); provider admins only. */
	@GetMapping("/decision-times")
	DecisionTimeSummary decisionTimes(Caller caller) {
		if (!caller.isProviderAdmin()) {
			throw new ForbiddenException("Provider admins read decision times");
		}
		return routing.decisionTimes();
	}

	@org.springframework.web.bind.annotation.DeleteMapping("/decision-times")
	ResponseEntity<Void> resetDecisionTimes(Caller caller) {
		if (!caller.isProviderAdmin()) {
			throw new ForbiddenException("Provider admins reset decision times");
		}
		routing.resetDecisionTimes();
		return ResponseEntity.noContent().build();
	}
}
