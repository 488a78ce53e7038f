package io.tierline.survey.internal;

import java.util.List;

import io.tierline.access.AccessManagement;
import io.tierline.access.Caller;
import io.tierline.access.ClientRef;
import io.tierline.common.AuditEvent;
import io.tierline.common.ForbiddenException;
import io.tierline.common.InputCheck;
import io.tierline.common.NotFoundException;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** A client's survey wording per language, kept by its admins and the provider's admins; staff of the client read it. */
@Service
public class SurveyTextAdmin {

	public record TextInput(String subject, String question, String thanks) {
	}

	private final AccessManagement access;
	private final SurveyTexts texts;
	private final ApplicationEventPublisher events;

	SurveyTextAdmin(AccessManagement access, SurveyTexts texts, ApplicationEventPublisher events) {
		this.access = access;
		this.texts = texts;
		this.events = events;
	}

	public ClientRef client(Caller caller, String slug) {
		ClientRef client = access.clientBySlug(slug == null ? "" : slug).orElseThrow(() -> new NotFoundException("Client " + slug));
		if (!caller.readsWholeClient(client.id()) && !caller.worksFor(client.id())) {
			throw new NotFoundException("Client " + slug);
		}
		return client;
	}

	/** The client's own texts; languages without one use the built-in text. */
	public List<SurveyTexts.Text> texts(Caller caller, String clientSlug) {
		return texts.ownOf(client(caller, clientSlug).id());
	}

	/** The text a requester in this language gets. */
	public SurveyTexts.Text effective(Caller caller, String clientSlug, String language) {
		return texts.of(client(caller, clientSlug).id(), language);
	}

	@Transactional
	public SurveyTexts.Text save(Caller caller, String clientSlug, String language, TextInput input) {
		ClientRef client = client(caller, clientSlug);
		if (!caller.isProviderAdmin() && !caller.isClientAdmin(client.id())) {
			throw new ForbiddenException("The client's admins keep its survey texts");
		}
		var check = new InputCheck();
		check.require(language != null && language.matches("[a-z]{2,3}(-[a-z]{2})?"), "language", "is a language code, e.g. en or de");
		String subject = check.text(input.subject(), "subject", 200, true);
		String question = check.text(input.question(), "question", 500, true);
		String thanks = check.text(input.thanks(), "thanks", 500, true);
		check.throwIfInvalid();
		var text = new SurveyTexts.Text(language, subject, question, thanks);
		texts.save(client.id(), text);
		events.publishEvent(new AuditEvent(client.id(), caller.userId(), caller.email(), "SURVEY_TEXT_CHANGED", null, language, null, text));
		return text;
	}
}
