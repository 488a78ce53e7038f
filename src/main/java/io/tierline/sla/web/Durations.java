package io.tierline.sla.web;

import java.time.Duration;

/** Durations as people read them on pages: "4 h", "15 min", "1 h 30 min", "60 s". */
final class Durations {

	private Durations() {
	}

	static String human(Duration d) {
		if (d == null) {
			return "";
		}
		long seconds = d.toSeconds();
		if (seconds < 60 || seconds % 60 != 0) {
			return seconds + " s";
		}
		long hours = d.toHours();
		long minutes = d.toMinutesPart();
		if (hours == 0) {
			return minutes + " min";
		}
		return minutes == 0 ? hours + " h" : hours + " h " + minutes + " min";
	}
}
