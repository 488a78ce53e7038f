package io.tierline.channel.phone;

import java.io.IOException;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.stream.Collectors;

import io.tierline.access.ClientRef;
import io.tierline.common.InvalidInputException;
import jakarta.servlet.http.HttpServletRequest;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * The telephony webhooks (docs/phone.md). No session or token: the client's HMAC signature is the
 * authentication. Bad input is a 400 naming the field, because a telephony system must not retry it.
 */
@RestController
class PhoneWebhookController {

	static final int MAX_BODY = 64 * 1024;

	private final DeliveryGate gate;
	private final PhoneIntake intake;
	private final JsonMapper json;

	PhoneWebhookController(DeliveryGate gate, PhoneIntake intake, JsonMapper json) {
		this.gate = gate;
		this.intake = intake;
		this.json = json;
	}

	@PostMapping("/api/v1/channels/phone/{client}/calls")
	ResponseEntity<Map<String, Object>> call(@PathVariable String client, HttpServletRequest request,
			@RequestHeader(value = "X-Tierline-Timestamp", required = false) String timestamp,
			@RequestHeader(value = "X-Tierline-Signature", required = false) String signature) throws IOException {
		return receive(client, Medium.CALL, request, timestamp, signature, CallReport::read, intake::call);
	}

	@PostMapping("/api/v1/channels/sms/{client}/messages")
	ResponseEntity<Map<String, Object>> sms(@PathVariable String client, HttpServletRequest request,
			@RequestHeader(value = "X-Tierline-Timestamp", required = false) String timestamp,
			@RequestHeader(value = "X-Tierline-Signature", required = false) String signature) throws IOException {
		return receive(client, Medium.SMS, request, timestamp, signature, SmsReport::read, intake::sms);
	}

	private <R> ResponseEntity<Map<String, Object>> receive(String slug, Medium medium, HttpServletRequest request,
			String timestamp, String signature, Function<JsonNode, R> reader, BiFunction<ClientRef, R, PhoneIntake.Landing> store)
			throws IOException {
		byte[] body = request.getInputStream().readNBytes(MAX_BODY + 1);
		if (body.length > MAX_BODY) {
			throw InvalidInputException.of("body", "must be at most " + MAX_BODY + " bytes");
		}
		ClientRef client = gate.admit(slug, medium, timestamp, signature, body);
		R report = reader.apply(parse(body));
		PhoneIntake.Landing landing;
		try {
			landing = store.apply(client, report);
		}
		catch (DuplicateKeyException concurrentRetry) {
			// the same delivery arrived twice at once; the first one's ticket is the answer
			landing = store.apply(client, report);
		}
		return ResponseEntity.status(landing.outcome() == PhoneIntake.Outcome.NEW_TICKET ? HttpStatus.CREATED : HttpStatus.OK)
			.body(answer(landing));
	}

	private JsonNode parse(byte[] body) {
		try {
			JsonNode node = json.readTree(body);
			if (node == null || !node.isObject()) {
				throw InvalidInputException.of("body", "must be a JSON object");
			}
			return node;
		}
		catch (JacksonException e) {
			throw InvalidInputException.of("body", "is not valid JSON");
		}
	}

	private static Map<String, Object> answer(PhoneIntake.Landing landing) {
		Map<String, Object> answer = new LinkedHashMap<>();
		answer.put("ticket", landing.ticket());
		answer.put("ticketId", landing.ticketId());
		answer.put("outcome", landing.outcome());
		answer.put("replayed", landing.outcome() == PhoneIntake.Outcome.DUPLICATE);
		return answer;
	}

	@ExceptionHandler(InvalidInputException.class)
	ProblemDetail invalid(InvalidInputException e) {
		ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "Invalid input",
				e.problems().stream().map(p -> p.field() + " " + p.message()).collect(Collectors.joining("; ")));
		problem.setProperty("errors", e.problems());
		return problem;
	}

	@ExceptionHandler(UnsignedDelivery.class)
	ProblemDetail unsigned(UnsignedDelivery e) {
		return problem(HttpStatus.UNAUTHORIZED, "Unauthorized", e.getMessage());
	}

	private static ProblemDetail problem(HttpStatus status, String title, String detail) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
		problem.setTitle(title);
		problem.setType(URI.create("https://tierline.io/problems/" + status.value()));
		return problem;
	}
}
