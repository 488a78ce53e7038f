package io.tierline.survey.internal;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Survey wording per client and language (issue 9). A client without its own text for a language
 * gets its English text, then the built-in one for the language, then the built-in English.
 * {@code {ticket}} in the subject or question is replaced by the ticket's reference.
 */
@Repository
public class SurveyTexts {

	public record Text(String language, String subject, String question, String thanks) {
	}

	static final Map<String, Text> BUILT_IN = Map.of(
			"en", new Text("en", "How did we do on {ticket}?", "How satisfied are you with the answer to {ticket}?",
					"Thank you for your rating."),
			"de", new Text("de", "Wie zufrieden sind Sie mit {ticket}?", "Wie zufrieden sind Sie mit der Lösung von {ticket}?",
					"Vielen Dank für Ihre Bewertung."),
			"fr", new Text("fr", "Votre avis sur {ticket}", "Êtes-vous satisfait de la réponse à {ticket} ?", "Merci pour votre évaluation."));

	private final JdbcClient jdbc;

	SurveyTexts(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public Text of(long clientId, String language) {
		return own(clientId, language).or(() -> Optional.ofNullable(BUILT_IN.get(language)))
			.or(() -> own(clientId, "en"))
			.orElse(BUILT_IN.get("en"));
	}

	public List<Text> ownOf(long clientId) {
		return jdbc.sql("select language, subject, question, thanks from survey_texts where client_id = ? order by language")
			.param(clientId).query(Text.class).list();
	}

	void save(long clientId, Text text) {
		int updated = jdbc.sql("update survey_texts set subject = ?, question = ?, thanks = ? where client_id = ? and language = ?")
			.params(text.subject(), text.question(), text.thanks(), clientId, text.language()).update();
		if (updated == 0) {
			jdbc.sql("insert into survey_texts (client_id, language, subject, question, thanks) values (?, ?, ?, ?, ?)")
				.params(clientId, text.language(), text.subject(), text.question(), text.thanks()).update();
		}
	}

	private Optional<Text> own(long clientId, String language) {
		return jdbc.sql("select language, subject, question, thanks from survey_texts where client_id = ? and language = ?")
			.params(clientId, language).query(Text.class).optional();
	}
}
