package io.tierline.knowledge;

/** SPEC §5 kinds of article. */
public enum ArticleKind {
	HOW_TO, TROUBLESHOOTING, KNOWN_ISSUE, MACRO, DIAGNOSTIC_TREE, CAPTURE_TEMPLATE, EXAMPLE_TICKET, BRAND_VOICE
}
