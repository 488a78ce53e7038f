package io.tierline.exchange;

import java.io.IOException;

import io.tierline.access.Caller;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.ResponseBody;

/**
 * The import page: a JSON Lines file is sent as the raw body (any size, no multipart limit) with
 * an upload progress bar, then the job's own progress bar is polled with htmx until it is done.
 */
@Controller
class ImportPageController {

	private final ImportJobs jobs;

	ImportPageController(ImportJobs jobs) {
		this.jobs = jobs;
	}

	@GetMapping("/admin/import")
	String page(Caller caller, Model model) {
		model.addAttribute("jobs", jobs.recent(caller));
		return "exchange/import";
	}

	/** Called by the page's script; answers the job's page address. */
	@PostMapping("/admin/import/upload")
	@ResponseBody
	String upload(Caller caller, @RequestHeader(name = "X-File-Name", required = false) String fileName,
			HttpServletRequest request) throws IOException {
		return "/admin/import/" + jobs.start(caller, fileName, request.getInputStream()).id();
	}

	@GetMapping("/admin/import/{id}")
	String job(Caller caller, @PathVariable long id, Model model) {
		model.addAttribute("job", jobs.get(caller, id));
		return "exchange/job";
	}

	@GetMapping("/admin/import/{id}/progress")
	String progress(Caller caller, @PathVariable long id, Model model) {
		model.addAttribute("job", jobs.get(caller, id));
		return "exchange/job :: progress";
	}
}
