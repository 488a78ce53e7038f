package io.tierline.knowledge.internal;

import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;
import org.jsoup.Jsoup;
import org.jsoup.safety.Safelist;

import org.springframework.stereotype.Component;

/**
 * An article's Markdown as safe HTML. CommonMark passes raw HTML through, so its output is
 * cleaned with a jsoup safelist: no scripts, no event handlers, no {@code javascript:} links.
 */
@Component
public class MarkdownRenderer {

	private static final Safelist SAFE = Safelist.relaxed().removeTags("img").addAttributes("code", "class")
		.addProtocols("a", "href", "http", "https", "mailto").preserveRelativeLinks(false);

	private final Parser parser = Parser.builder().build();
	private final HtmlRenderer renderer = HtmlRenderer.builder().build();

	public String html(String markdown) {
		if (markdown == null || markdown.isBlank()) {
			return "";
		}
		return Jsoup.clean(renderer.render(parser.parse(markdown)), SAFE);
	}
}
