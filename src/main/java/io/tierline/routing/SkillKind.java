package io.tierline.routing;

/** What a skill is about; each is matched against a fact of the ticket. */
public enum SkillKind {
	/** the ticket's {@code language} custom field, or a {@code lang:xx} tag */
	LANGUAGE,
	/** the ticket's product */
	PRODUCT,
	/** the ticket's category */
	CATEGORY,
	/** a tag of the ticket, e.g. {@code pci} */
	CERTIFICATION
}
