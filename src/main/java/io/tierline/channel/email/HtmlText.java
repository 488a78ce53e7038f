package io.tierline.channel.email;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.safety.Safelist;

/**
 * HTML mail made readable as text: scripts, styles and remote content are dropped (sanitised with
 * jsoup's safelist first), paragraphs, line breaks and list items become lines, a link keeps its
 * target in brackets. Nothing of the HTML is rendered anywhere, so nothing in it can run.
 */
final class HtmlText {

	private HtmlText() {
	}

	static String toText(String html) {
		String safe = Jsoup.clean(html, "", Safelist.relaxed().removeTags("img"), new Document.OutputSettings().prettyPrint(false));
		Document doc = Jsoup.parseBodyFragment(safe);
		for (Element a : doc.select("a[href]")) {
			String href = a.attr("href");
			if (!href.isBlank() && !href.equals(a.text())) {
				a.appendText(" (" + href + ")");
			}
		}
		doc.select("br").after("\\n");
		doc.select("p, div, tr, h1, h2, h3, h4, h5, h6, blockquote, pre, table").after("\\n\\n");
		doc.select("li").before("\\n- ");
		String text = doc.body().text().replace("\\n", "\n");
		// one blank line at most, no trailing spaces on a line
		return text.replaceAll("[ \\t]+\\n", "\n").replaceAll("\\n[ \\t]+", "\n").replaceAll("\\n{3,}", "\n\n").strip();
	}
}
