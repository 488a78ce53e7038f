package io.tierline.exchange;

import java.io.IOException;
import java.net.URI;

import io.tierline.access.Caller;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * SPEC §14 over the API: {@code POST /api/v1/import/tickets} with a JSON Lines body of any size,
 * and {@code GET /api/v1/export/tickets?client=&from=&to=} answering JSON Lines.
 */
@RestController
class ExchangeApiController {

	static final String JSON_LINES = "application/x-ndjson";

	private final HistoryImport imports;
	private final HistoryExport exports;
	private final ImportJobs jobs;

	ExchangeApiController(HistoryImport imports, HistoryExport exports, ImportJobs jobs) {
		this.imports = imports;
		this.exports = exports;
		this.jobs = jobs;
	}

	/** The body is read as a stream, whatever its content type (send it as application/x-ndjson). */
	@PostMapping("/api/v1/import/tickets")
	ImportReport importTickets(Caller caller, HttpServletRequest request) throws IOException {
		return imports.run(caller, request.getInputStream());
	}

	/**
	 * The same import in the background: the body is kept, the answer (202) is the job, and
	 * {@code GET /api/v1/import/jobs/{id}} tells its progress and, once done, its report.
	 */
	@PostMapping("/api/v1/import/jobs")
	ResponseEntity<ImportJob> startImport(Caller caller, @RequestParam(required = false) String fileName,
			HttpServletRequest request) throws IOException {
		ImportJob job = jobs.start(caller, fileName, request.getInputStream());
		return ResponseEntity.accepted().location(URI.create("/api/v1/import/jobs/" + job.id())).body(job);
	}

	@GetMapping("/api/v1/import/jobs/{id}")
	ImportJob importJob(Caller caller, @PathVariable long id) {
		return jobs.get(caller, id);
	}

	/**
	 * Written to the response as it is read, on the request's own thread: an export of any size
	 * is not cut by the timeout of an asynchronous response.
	 */
	@GetMapping("/api/v1/export/tickets")
	void exportTickets(Caller caller, @RequestParam String client, @RequestParam(required = false) String from,
			@RequestParam(required = false) String to, HttpServletResponse response) throws IOException {
		send(exports, caller, client, from, to, response);
	}

	static void send(HistoryExport exports, Caller caller, String client, String from, String to,
			HttpServletResponse response) throws IOException {
		var window = ExportWindow.of(from, to);
		var ref = exports.exportable(caller, client);
		response.setContentType(JSON_LINES);
		response.setCharacterEncoding("UTF-8");
		response.setHeader(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"tickets-" + ref.slug() + ".jsonl\"");
		exports.write(ref, window.from(), window.to(), response.getOutputStream());
	}
}
