package io.tierline.channel.phone;

import java.net.URI;
import java.util.List;

import io.tierline.access.Caller;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** A ticket's call log for staff: calls the telephony system reported and calls agents logged by hand. */
@RestController
class CallApiController {

	private final CallLog log;

	CallApiController(CallLog log) {
		this.log = log;
	}

	@GetMapping("/api/v1/tickets/{id}/calls")
	List<CallLog.LoggedCall> calls(Caller caller, @PathVariable String id) {
		return log.calls(caller, id);
	}

	@PostMapping("/api/v1/tickets/{id}/calls")
	ResponseEntity<CallLog.LoggedCall> log(Caller caller, @PathVariable String id, @RequestBody CallLog.ManualCall call) {
		return ResponseEntity.created(URI.create("/api/v1/tickets/" + id + "/calls")).body(log.log(caller, id, call));
	}
}
