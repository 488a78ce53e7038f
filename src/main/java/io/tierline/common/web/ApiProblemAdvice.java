package io.tierline.common.web;

import java.net.URI;
import java.util.List;
import java.util.stream.Collectors;

import io.tierline.common.ConflictException;
import io.tierline.common.FieldProblem;
import io.tierline.common.ForbiddenException;
import io.tierline.common.InvalidInputException;
import io.tierline.common.NotFoundException;
import tools.jackson.core.JacksonException;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingRequestHeaderException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.support.MissingServletRequestPartException;

/** Every API error is an RFC 9457 problem detail; field errors are listed under {@code errors}. */
@Order(Ordered.HIGHEST_PRECEDENCE)
@RestControllerAdvice(annotations = RestController.class)
class ApiProblemAdvice {

	private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(ApiProblemAdvice.class);

	@ExceptionHandler(InvalidInputException.class)
	ProblemDetail invalid(InvalidInputException e) {
		return withErrors(HttpStatus.UNPROCESSABLE_CONTENT, "Invalid input", e.problems());
	}

	@ExceptionHandler(MethodArgumentNotValidException.class)
	ProblemDetail beanValidation(MethodArgumentNotValidException e) {
		List<FieldProblem> problems = e.getBindingResult().getFieldErrors().stream()
			.map(f -> new FieldProblem(f.getField(), f.getDefaultMessage()))
			.toList();
		return withErrors(HttpStatus.UNPROCESSABLE_CONTENT, "Invalid input", problems);
	}

	@ExceptionHandler(HttpMessageNotReadableException.class)
	ProblemDetail unreadable(HttpMessageNotReadableException e) {
		if (e.getCause() instanceof JacksonException jackson && !jackson.getPath().isEmpty()) {
			String field = jackson.getPath().stream()
				.map(r -> r.getPropertyName() != null ? r.getPropertyName() : "[" + r.getIndex() + "]")
				.collect(Collectors.joining("."));
			return withErrors(HttpStatus.BAD_REQUEST, "Malformed request body",
					List.of(new FieldProblem(field, "has the wrong type or format")));
		}
		return problem(HttpStatus.BAD_REQUEST, "Malformed request body", "The body is not valid JSON for this endpoint");
	}

	@ExceptionHandler(MethodArgumentTypeMismatchException.class)
	ProblemDetail typeMismatch(MethodArgumentTypeMismatchException e) {
		return withErrors(HttpStatus.UNPROCESSABLE_CONTENT, "Invalid input",
				List.of(new FieldProblem(e.getName(), "has the wrong type or format")));
	}

	@ExceptionHandler(MissingServletRequestParameterException.class)
	ProblemDetail missingParameter(MissingServletRequestParameterException e) {
		return withErrors(HttpStatus.UNPROCESSABLE_CONTENT, "Invalid input",
				List.of(new FieldProblem(e.getParameterName(), "is required")));
	}

	@ExceptionHandler(MissingServletRequestPartException.class)
	ProblemDetail missingPart(MissingServletRequestPartException e) {
		return withErrors(HttpStatus.UNPROCESSABLE_CONTENT, "Invalid input",
				List.of(new FieldProblem(e.getRequestPartName(), "is required")));
	}

	@ExceptionHandler(MissingRequestHeaderException.class)
	ProblemDetail missingHeader(MissingRequestHeaderException e) {
		return withErrors(HttpStatus.UNPROCESSABLE_CONTENT, "Invalid input",
				List.of(new FieldProblem(e.getHeaderName(), "header is required")));
	}

	@ExceptionHandler(MaxUploadSizeExceededException.class)
	ProblemDetail tooLarge(MaxUploadSizeExceededException e) {
		return withErrors(HttpStatus.CONTENT_TOO_LARGE, "Attachment too large",
				List.of(new FieldProblem("file", "exceeds the upload size limit")));
	}

	@ExceptionHandler(NotFoundException.class)
	ProblemDetail notFound(NotFoundException e) {
		return problem(HttpStatus.NOT_FOUND, "Not found", e.getMessage());
	}

	@ExceptionHandler(ForbiddenException.class)
	ProblemDetail forbidden(ForbiddenException e) {
		return problem(HttpStatus.FORBIDDEN, "Forbidden", e.getMessage());
	}

	@ExceptionHandler(ConflictException.class)
	ProblemDetail conflict(ConflictException e) {
		return withErrors(HttpStatus.CONFLICT, "Conflict", List.of(new FieldProblem(e.field(), e.getMessage())));
	}

	@ExceptionHandler(HttpRequestMethodNotSupportedException.class)
	ProblemDetail method(HttpRequestMethodNotSupportedException e) {
		return problem(HttpStatus.METHOD_NOT_ALLOWED, "Method not allowed", e.getMessage());
	}

	@ExceptionHandler(HttpMediaTypeNotSupportedException.class)
	ProblemDetail mediaType(HttpMediaTypeNotSupportedException e) {
		return problem(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "Unsupported media type", e.getMessage());
	}

	/** Anything unforeseen: logged with its stack trace, answered without it. */
	@ExceptionHandler(Exception.class)
	ProblemDetail unexpected(Exception e) throws Exception {
		if (e instanceof org.springframework.web.ErrorResponse known) {
			return known.getBody();
		}
		if (e instanceof org.springframework.security.core.AuthenticationException
				|| e instanceof org.springframework.security.access.AccessDeniedException) {
			throw e;
		}
		log.error("Unexpected error answering an API request", e);
		return problem(HttpStatus.INTERNAL_SERVER_ERROR, "Internal error", "The request could not be completed; nothing was changed");
	}

	static ProblemDetail problem(HttpStatus status, String title, String detail) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
		problem.setTitle(title);
		problem.setType(URI.create("https://tierline.io/problems/" + status.value()));
		return problem;
	}

	static ProblemDetail withErrors(HttpStatus status, String title, List<FieldProblem> problems) {
		String detail = problems.stream().map(p -> p.field() + " " + p.message()).collect(Collectors.joining("; "));
		ProblemDetail problem = problem(status, title, detail);
		problem.setProperty("errors", problems);
		return problem;
	}
}
