package io.tierline.survey.web;

import java.util.List;

import io.tierline.access.Caller;
import io.tierline.survey.internal.SurveyAnswers;
import io.tierline.survey.internal.SurveyTextAdmin;
import io.tierline.survey.internal.SurveyTexts;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * CSAT surveys over HTTP (issue 9). {@code /api/v1/surveys/{token}} needs no login: the signed
 * token is the permission (forged: 404; expired or replaced by a newer solve: 410). The portal's
 * and the API's {@code POST /api/v1/tickets/{id}/csat} stay as they are.
 */
@RestController
class SurveyApiController {

	private final SurveyAnswers answers;
	private final SurveyTextAdmin texts;

	SurveyApiController(SurveyAnswers answers, SurveyTextAdmin texts) {
		this.answers = answers;
		this.texts = texts;
	}

	record Answer(Integer score, String comment) {
	}

	@GetMapping("/api/v1/surveys/{token}")
	SurveyAnswers.SurveyView survey(@PathVariable String token) {
		return answers.view(token);
	}

	@PostMapping("/api/v1/surveys/{token}")
	SurveyAnswers.SurveyView answer(@PathVariable String token, @RequestBody Answer body) {
		return answers.answer(token, body.score(), body.comment());
	}

	@GetMapping("/api/v1/clients/{client}/survey-texts")
	List<SurveyTexts.Text> texts(Caller caller, @PathVariable String client) {
		return texts.texts(caller, client);
	}

	@PutMapping("/api/v1/clients/{client}/survey-texts/{language}")
	SurveyTexts.Text saveText(Caller caller, @PathVariable String client, @PathVariable String language,
			@RequestBody SurveyTextAdmin.TextInput body) {
		return texts.save(caller, client, language, body);
	}
}
