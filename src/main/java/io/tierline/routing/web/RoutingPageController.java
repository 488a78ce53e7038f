package io.tierline.routing.web;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import io.tierline.access.Caller;
import io.tierline.common.InvalidInputException;
import io.tierline.common.NotFoundException;
import io.tierline.routing.AgentStatus;
import io.tierline.routing.RoutingManagement;
import io.tierline.routing.RoutingStrategy;
import io.tierline.routing.internal.QueueLoads;
import io.tierline.routing.internal.RoutingAdmin;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Routing pages (issue 9): queue settings, agents' capacity, hours and skills, and the live load of
 * a client's queues (htmx refreshes it every five seconds). The API is {@link RoutingApiController}.
 */
@Controller
class RoutingPageController {

	private final RoutingAdmin admin;
	private final QueueLoads loads;
	private final RoutingManagement routing;

	RoutingPageController(RoutingAdmin admin, QueueLoads loads, RoutingManagement routing) {
		this.admin = admin;
		this.loads = loads;
		this.routing = routing;
	}

	@GetMapping("/routing")
	String queues(Caller caller, @RequestParam(required = false) String client, Model model) {
		var clients = admin.clients(caller);
		if (clients.isEmpty()) {
			throw new NotFoundException("No client's routing is yours to see");
		}
		String slug = client != null ? client : clients.get(0).slug();
		model.addAttribute("clients", clients);
		model.addAttribute("client", admin.client(caller, slug));
		model.addAttribute("queues", admin.queues(caller, slug));
		model.addAttribute("strategies", RoutingStrategy.values());
		return "routing/queues";
	}

	@PostMapping("/routing/queues")
	String configure(Caller caller, @RequestParam String client, @RequestParam String queue, @RequestParam String strategy,
			@RequestParam(defaultValue = "false") boolean dedicated, @RequestParam(defaultValue = "false") boolean reassignOnBreach,
			@RequestParam(defaultValue = "") String teams) {
		admin.configure(caller, client, queue, new RoutingAdmin.QueueInput(strategy, dedicated, reassignOnBreach, names(teams)));
		return "redirect:/routing?client=" + client;
	}

	@PostMapping("/routing/queues/new")
	String createQueue(Caller caller, @RequestParam String client, @RequestParam String slug, @RequestParam String name) {
		admin.createQueue(caller, client, slug, name);
		return "redirect:/routing?client=" + client;
	}

	/** The live view: whole on first load, the table alone for htmx's refresh. */
	@GetMapping("/routing/load")
	String load(Caller caller, @RequestParam(required = false) String client, Model model,
			@RequestHeader(name = "HX-Request", required = false) String htmx) {
		var clients = admin.clients(caller);
		if (clients.isEmpty()) {
			throw new NotFoundException("No client's routing is yours to see");
		}
		String slug = client != null ? client : clients.get(0).slug();
		model.addAttribute("clients", clients);
		model.addAttribute("load", loads.of(caller, slug));
		model.addAttribute("times", routing.decisionTimes());
		return htmx != null ? "routing/load :: table" : "routing/load";
	}

	@GetMapping("/routing/agents")
	String agents(Caller caller, Model model) {
		model.addAttribute("agents", admin.agents(caller));
		model.addAttribute("statuses", AgentStatus.values());
		return "routing/agents";
	}

	@PostMapping("/routing/agents/{email}")
	String saveAgent(Caller caller, @PathVariable String email, @RequestParam String status, @RequestParam Integer capacity,
			@RequestParam String timeZone, @RequestParam String shiftStart, @RequestParam String shiftEnd, @RequestParam String workDays,
			@RequestParam(defaultValue = "") String skills, Model model) {
		admin.setAvailability(caller, email, new RoutingAdmin.AvailabilityInput(status, capacity, timeZone, shiftStart, shiftEnd, workDays));
		admin.setSkills(caller, email, skills(skills));
		return "redirect:/routing/agents";
	}

	/** {@code LANGUAGE:de:4, CATEGORY:billing:3} as typed on the agents page. */
	static List<RoutingAdmin.SkillInput> skills(String text) {
		List<RoutingAdmin.SkillInput> skills = new ArrayList<>();
		for (String part : text.split(",")) {
			if (part.isBlank()) {
				continue;
			}
			String[] p = part.strip().split(":");
			if (p.length != 3 || !p[2].strip().matches("\\d")) {
				throw new InvalidInputException(List.of(new io.tierline.common.FieldProblem("skills",
						"write each skill as KIND:skill:level, e.g. LANGUAGE:de:4")));
			}
			skills.add(new RoutingAdmin.SkillInput(p[0].strip().toUpperCase(), p[1].strip(), Integer.valueOf(p[2].strip())));
		}
		return skills;
	}

	private static List<String> names(String teams) {
		return Arrays.stream(teams.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
	}
}
