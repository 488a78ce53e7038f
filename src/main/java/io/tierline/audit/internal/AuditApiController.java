package io.tierline.audit.internal;

import java.util.List;
import java.util.Map;

import io.tierline.access.Caller;
import io.tierline.common.Keyset;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

@RestController
@RequestMapping("/api/v1/audit")
class AuditApiController {

	private final AuditReading audit;

	AuditApiController(AuditReading audit) {
		this.audit = audit;
	}

	@GetMapping
	AuditReading.AuditPage list(Caller caller, @RequestParam String org, @RequestParam(required = false) Long ticket,
			@RequestParam(required = false) String cursor, @RequestParam(required = false) Integer limit) {
		return audit.page(caller, org, ticket, cursor, Keyset.limit(limit, 100, 1000, "limit"));
	}

	/** Whether each readable organization's chain is intact, or where it first breaks. */
	@GetMapping("/verify")
	Map<String, Object> verify(Caller caller, @RequestParam(required = false) String org) {
		List<AuditReading.VerifyReport> reports = audit.verify(caller, org);
		boolean valid = reports.stream().allMatch(AuditReading.VerifyReport::valid);
		return Map.of("valid", valid, "organizations", reports);
	}

	@GetMapping("/export")
	ResponseEntity<StreamingResponseBody> export(Caller caller, @RequestParam String org,
			@RequestParam(defaultValue = "csv") String format) {
		audit.organization(caller, org);
		boolean jsonl = "jsonl".equalsIgnoreCase(format);
		if (!jsonl && !"csv".equalsIgnoreCase(format)) {
			throw io.tierline.common.InvalidInputException.of("format", "must be csv or jsonl");
		}
		return ResponseEntity.ok()
			.contentType(jsonl ? MediaType.parseMediaType("application/jsonl") : MediaType.parseMediaType("text/csv"))
			.header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"audit-" + org + (jsonl ? ".jsonl" : ".csv") + "\"")
			.body(out -> audit.export(caller, org, format, out));
	}
}
