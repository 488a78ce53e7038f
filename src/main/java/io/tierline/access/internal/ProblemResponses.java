package io.tierline.access.internal;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.stereotype.Component;

/** Problem details written by security filters, which run before Spring MVC's advice. */
@Component
class ProblemResponses {

	private final JsonMapper json;

	ProblemResponses(JsonMapper json) {
		this.json = json;
	}

	void write(HttpServletResponse response, int status, String title, String detail) throws IOException {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("type", "https://tierline.io/problems/" + status);
		body.put("title", title);
		body.put("status", status);
		body.put("detail", detail);
		response.setStatus(status);
		if (status == 401) {
			response.setHeader("WWW-Authenticate", "Basic realm=\"Tierline\", Bearer");
		}
		response.setContentType("application/problem+json");
		response.getWriter().write(json.writeValueAsString(body));
	}
}
