package io.tierline.knowledge.internal;

import java.util.ArrayList;
import java.util.List;

import com.github.difflib.DiffUtils;
import com.github.difflib.patch.AbstractDelta;
import com.github.difflib.patch.Patch;

import org.springframework.web.util.HtmlUtils;

/**
 * A line diff between two versions of an article (Myers, via java-diff-utils), as rows a page
 * renders and as escaped HTML: unchanged lines, removed lines, added lines.
 */
public final class VersionDiff {

	public enum Change {
		SAME, REMOVED, ADDED
	}

	/** @param oldLine the line's number in the older version, null for an added line */
	public record Line(Change change, Integer oldLine, Integer newLine, String text) {
	}

	private VersionDiff() {
	}

	public static List<Line> lines(String older, String newer) {
		List<String> a = split(older);
		List<String> b = split(newer);
		Patch<String> patch = DiffUtils.diff(a, b);
		List<Line> out = new ArrayList<>();
		int i = 0;
		int j = 0;
		for (AbstractDelta<String> delta : patch.getDeltas()) {
			while (i < delta.getSource().getPosition()) {
				out.add(new Line(Change.SAME, i + 1, j + 1, a.get(i)));
				i++;
				j++;
			}
			for (String removed : delta.getSource().getLines()) {
				out.add(new Line(Change.REMOVED, ++i, null, removed));
			}
			for (String added : delta.getTarget().getLines()) {
				out.add(new Line(Change.ADDED, null, ++j, added));
			}
		}
		while (i < a.size()) {
			out.add(new Line(Change.SAME, i + 1, j + 1, a.get(i)));
			i++;
			j++;
		}
		return out;
	}

	/** The diff as an HTML table; every line's text is escaped. */
	public static String html(String older, String newer) {
		StringBuilder html = new StringBuilder("<table class=\"diff\">");
		for (Line line : lines(older, newer)) {
			String mark = switch (line.change()) {
				case SAME -> " ";
				case REMOVED -> "-";
				case ADDED -> "+";
			};
			html.append("<tr class=\"").append(line.change().name().toLowerCase()).append("\"><td>")
				.append(line.oldLine() == null ? "" : line.oldLine()).append("</td><td>")
				.append(line.newLine() == null ? "" : line.newLine()).append("</td><td>").append(mark).append("</td><td><code>")
				.append(HtmlUtils.htmlEscape(line.text())).append("</code></td></tr>");
		}
		return html.append("</table>").toString();
	}

	private static List<String> split(String text) {
		return text == null || text.isEmpty() ? List.of() : List.of(text.split("\\R", -1));
	}
}
