package io.tierline.survey.web;

import io.tierline.access.Caller;
import io.tierline.common.InvalidInputException;
import io.tierline.survey.internal.SurveyAnswers;
import io.tierline.survey.internal.SurveyTextAdmin;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

/**
 * The survey page behind the e-mailed link (no login): a click on a score records it at once;
 * the page then takes a comment or a change of mind while the survey is open. Admins keep the
 * wording per language on {@code /admin/survey-texts}.
 */
@Controller
class SurveyPageController {

	private final SurveyAnswers answers;
	private final SurveyTextAdmin texts;

	SurveyPageController(SurveyAnswers answers, SurveyTextAdmin texts) {
		this.answers = answers;
		this.texts = texts;
	}

	@GetMapping("/survey/{token}")
	String survey(@PathVariable String token, @RequestParam(required = false) Integer score, Model model, HttpServletResponse response) {
		if (score == null) {
			return page(token, answers.view(token), null, model);
		}
		return answer(token, score, null, model, response);
	}

	@PostMapping("/survey/{token}")
	String answer(@PathVariable String token, @RequestParam(required = false) Integer score,
			@RequestParam(required = false) String comment, Model model, HttpServletResponse response) {
		try {
			var view = answers.answer(token, score, comment);
			model.addAttribute("thanked", true);
			return page(token, view, null, model);
		}
		catch (InvalidInputException e) {
			return page(token, answers.view(token), e.problems().get(0).field() + " " + e.problems().get(0).message(), model);
		}
		catch (ResponseStatusException e) {
			response.setStatus(e.getStatusCode().value());
			return page(token, answers.view(token), e.getReason(), model);
		}
	}

	@GetMapping("/admin/survey-texts")
	String texts(Caller caller, @RequestParam(defaultValue = "acme") String client, Model model) {
		model.addAttribute("client", texts.client(caller, client));
		model.addAttribute("texts", texts.texts(caller, client));
		model.addAttribute("english", texts.effective(caller, client, "en"));
		return "survey/texts";
	}

	@PostMapping("/admin/survey-texts")
	String saveText(Caller caller, @RequestParam String client, @RequestParam String language, @RequestParam String subject,
			@RequestParam String question, @RequestParam String thanks) {
		texts.save(caller, client, language, new SurveyTextAdmin.TextInput(subject, question, thanks));
		return "redirect:/admin/survey-texts?client=" + client;
	}

	private static String page(String token, SurveyAnswers.SurveyView view, String error, Model model) {
		model.addAttribute("token", token);
		model.addAttribute("survey", view);
		model.addAttribute("error", error);
		return "survey/answer";
	}
}
