package io.tierline.common.web;

import io.tierline.common.ConflictException;
import io.tierline.common.ForbiddenException;
import io.tierline.common.InvalidInputException;
import io.tierline.common.NotFoundException;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;

/** Pages answer domain errors with the error page and the right status, never a stack trace. */
@Order(Ordered.LOWEST_PRECEDENCE)
@ControllerAdvice(annotations = Controller.class)
class PageErrorAdvice {

	@ExceptionHandler(NotFoundException.class)
	String notFound(NotFoundException e, Model model, HttpServletResponse response) {
		return error(404, "Not found", e.getMessage(), model, response);
	}

	@ExceptionHandler(ForbiddenException.class)
	String forbidden(ForbiddenException e, Model model, HttpServletResponse response) {
		return error(403, "Not allowed", e.getMessage(), model, response);
	}

	@ExceptionHandler(ConflictException.class)
	String conflict(ConflictException e, Model model, HttpServletResponse response) {
		return error(409, "Not possible now", e.getMessage(), model, response);
	}

	@ExceptionHandler(InvalidInputException.class)
	String invalid(InvalidInputException e, Model model, HttpServletResponse response) {
		return error(422, "Please correct the input", e.getMessage(), model, response);
	}

	private static String error(int status, String title, String message, Model model, HttpServletResponse response) {
		response.setStatus(status);
		model.addAttribute("status", status);
		model.addAttribute("title", title);
		model.addAttribute("message", message);
		return "error";
	}
}
