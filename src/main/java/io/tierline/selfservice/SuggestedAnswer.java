package io.tierline.selfservice;

/**
 * What the assistant offers for a question: a passage of a published public article ({@code ARTICLE})
 * or a diagnostic tree to run ({@code TREE}), with the page that shows it.
 */
public record SuggestedAnswer(String kind, long id, String title, String passage, String url, double score) {
}
