package io.tierline.sla.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.tierline.sla.BusinessCalendar;

/**
 * A calendar's week as one line a weekday, the way the admin page shows it:
 * {@code MONDAY 08:00-12:30 13:30-18:00}. Parsing is lenient on spacing; the calendar service
 * checks the days and times and names a bad one by its field.
 */
final class WeekText {

	private WeekText() {
	}

	static Map<String, List<Map<String, String>>> parse(String text) {
		Map<String, List<Map<String, String>>> week = new LinkedHashMap<>();
		for (String line : text.split("\\R")) {
			String[] parts = line.strip().split("\\s+");
			if (parts.length == 0 || parts[0].isBlank()) {
				continue;
			}
			List<Map<String, String>> intervals = new ArrayList<>();
			for (int i = 1; i < parts.length; i++) {
				String[] ends = parts[i].split("-", 2);
				intervals.add(Map.of("start", ends[0], "end", ends.length > 1 ? ends[1] : ""));
			}
			week.put(parts[0].toUpperCase(), intervals);
		}
		return week;
	}

	static String format(BusinessCalendar calendar) {
		StringBuilder text = new StringBuilder();
		calendar.week().forEach((day, intervals) -> {
			if (!intervals.isEmpty()) {
				text.append(day.name());
				intervals.forEach(i -> text.append(' ').append(i.start()).append('-').append(i.end()));
				text.append('\n');
			}
		});
		return text.toString();
	}
}
