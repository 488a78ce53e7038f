package io.tierline.escalation;

import java.util.List;

import io.tierline.access.Caller;
import io.tierline.escalation.internal.EscalationForm;

import org.springframework.stereotype.Service;

/** What an escalation of a ticket must carry, for modules that help an agent fill it in (agent assist). */
@Service
public class EscalationTemplates {

	private final EscalationForm form;

	EscalationTemplates(EscalationForm form) {
		this.form = form;
	}

	/**
	 * The environment fields of the ticket's category's capture template. Throws
	 * {@link io.tierline.common.NotFoundException} when the caller cannot see the ticket and
	 * {@link io.tierline.common.ForbiddenException} when they are not staff on it.
	 */
	public List<EnvironmentField> environmentOf(Caller caller, String ticketRef) {
		return form.template(caller, ticketRef).environment().stream()
			.map(f -> new EnvironmentField(f.key(), f.label(), f.type().name(), f.required(), f.options()))
			.toList();
	}
}
