package io.tierline.selfservice.internal;

import java.util.List;
import java.util.Optional;

import io.tierline.common.ChatCompletions;
import io.tierline.selfservice.SuggestedAnswer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

/**
 * Optional: the assistant's reply composed by the OpenAI-compatible endpoint ({@link ChatCompletions};
 * off unless {@code tierline.assistant.base-url} is set) from the retrieved passages <em>only</em>.
 * The model sees the requester's question and the public passages the search found, nothing else;
 * its reply must cite at least one of the article titles. Anything else — off, no passages, an
 * error, a timeout ({@code tierline.assistant.timeout}, 2 s), an empty or uncited reply — is
 * {@link Optional#empty()}, and the extractive reply stands. The self-service is for requesters
 * only, so staff and T3 never get here.
 */
@Component
class GenerativeReply {

	private static final Logger log = LoggerFactory.getLogger(GenerativeReply.class);
	static final String SYSTEM = """
			You are a support assistant answering a customer of this help desk. Answer ONLY from the help-article \
			passages given below; never add steps, facts or links that are not in them. Cite the title of every article \
			you use in double quotes, e.g. "Reset your password". If the passages do not answer the question, say so in \
			one sentence and suggest asking for help. Answer in at most 120 words, plain text, no Markdown.""";

	private final ChatCompletions chat;

	GenerativeReply(ChatCompletions chat) {
		this.chat = chat;
	}

	boolean enabled() {
		return chat.enabled();
	}

	/** The composed reply, or empty when off or anything goes wrong (the caller then answers extractively). */
	Optional<String> compose(String question, List<SuggestedAnswer> passages) {
		if (!enabled() || passages.isEmpty()) {
			return Optional.empty();
		}
		Optional<String> reply = chat.complete(SYSTEM, context(question, passages), 300);
		if (reply.isPresent() && passages.stream().noneMatch(p -> reply.get().contains(p.title()))) {
			log.warn("Assistant reply cited no article title; using the extractive reply");
			return Optional.empty();
		}
		return reply.map(text -> text.length() > 2000 ? text.substring(0, 2000) : text);
	}

	private static String context(String question, List<SuggestedAnswer> passages) {
		var context = new StringBuilder("Question from the customer:\n").append(question).append("\n\nHelp-article passages:\n");
		int n = 1;
		for (SuggestedAnswer p : passages) {
			context.append('\n').append('[').append(n++).append("] \"").append(p.title()).append("\" (").append(p.url()).append(")\n")
				.append(p.passage()).append('\n');
		}
		return context.toString();
	}
}
