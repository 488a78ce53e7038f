package io.tierline.selfservice.internal;

import io.tierline.search.SearchManagement;
import io.tierline.selfservice.TopicSimilarity;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * "Same topic" by meaning: the cosine of the two texts' sentence embeddings (the search module's
 * in-process all-MiniLM-L6-v2), so "Outlook keeps asking for my password" and "Outlook prompts for
 * credentials over and over" are one topic although they share one word. Threshold
 * {@code tierline.selfservice.semantic-threshold} (0.55; see docs/selfservice.md for the pairs it was set on).
 */
@Component
class SemanticSimilarity implements TopicSimilarity {

	private final SearchManagement search;
	private final double threshold;

	SemanticSimilarity(SearchManagement search, @Value("${tierline.selfservice.semantic-threshold:0.55}") double threshold) {
		this.search = search;
		this.threshold = threshold;
	}

	@Override
	public double similarity(String a, String b) {
		return search.similarity(a, b);
	}

	@Override
	public double sameTopicThreshold() {
		return threshold;
	}
}
