package io.tierline.triage.internal.model;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Reads a two-column CSV (text, label) with a header row; RFC 4180 quoting. */
public final class LabelledCsv {

	private LabelledCsv() {
	}

	public record Row(String text, String label) {
	}

	public static List<Row> read(Path file) throws IOException {
		List<Row> rows = new ArrayList<>();
		try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
			List<String> record;
			boolean header = true;
			while ((record = next(reader)) != null) {
				if (header) {
					header = false;
					continue;
				}
				if (record.size() >= 2 && !record.get(record.size() - 1).isBlank()) {
					rows.add(new Row(record.get(0), record.get(record.size() - 1).trim()));
				}
			}
		}
		return rows;
	}

	private static List<String> next(BufferedReader reader) throws IOException {
		int ch = reader.read();
		if (ch < 0) {
			return null;
		}
		List<String> fields = new ArrayList<>();
		StringBuilder field = new StringBuilder();
		boolean quoted = false;
		while (ch >= 0) {
			char c = (char) ch;
			if (quoted) {
				if (c == '"') {
					reader.mark(1);
					int peek = reader.read();
					if (peek == '"') {
						field.append('"');
					}
					else {
						quoted = false;
						reader.reset();
					}
				}
				else {
					field.append(c);
				}
			}
			else if (c == '"') {
				quoted = true;
			}
			else if (c == ',') {
				fields.add(field.toString());
				field.setLength(0);
			}
			else if (c == '\n') {
				break;
			}
			else if (c != '\r') {
				field.append(c);
			}
			ch = reader.read();
		}
		fields.add(field.toString());
		return fields;
	}
}
