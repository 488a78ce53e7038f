package io.tierline.escalation.internal;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.tierline.common.InputCheck;

/**
 * A category's environment capture template: the typed fields an escalation's
 * {@code environment} must fill in. A category without one uses {@link #DEFAULT}.
 */
public record CaptureTemplate(List<CaptureField> fields) {

	public static final CaptureTemplate DEFAULT = new CaptureTemplate(List.of(
			new CaptureField("productVersion", "Product version", CaptureField.Type.VERSION, true, List.of()),
			new CaptureField("operatingSystem", "Operating system", CaptureField.Type.TEXT, false, List.of()),
			new CaptureField("browser", "Browser", CaptureField.Type.TEXT, false, List.of())));

	public CaptureTemplate {
		fields = List.copyOf(fields);
	}

	/**
	 * Checks an escalation's environment against the template: every required field present,
	 * every value of its type, nothing the template does not ask for. Problems are reported as
	 * {@code environment.<key>}.
	 *
	 * @return the environment in template order, trimmed
	 */
	public Map<String, String> check(Map<String, String> environment, InputCheck check) {
		Map<String, String> clean = new LinkedHashMap<>();
		for (CaptureField field : fields) {
			String value = environment.get(field.key());
			String name = "environment." + field.key();
			if (value == null || value.isBlank()) {
				check.require(!field.required(), name, "is required (" + field.label() + ")");
				continue;
			}
			String problem = field.problemWith(value.strip());
			check.require(problem == null, name, problem);
			clean.put(field.key(), value.strip());
		}
		environment.keySet().stream()
			.filter(key -> fields.stream().noneMatch(f -> f.key().equals(key)))
			.forEach(key -> check.add("environment." + key, "is not a field of this category's capture template"));
		return clean;
	}

	/** Checks a template an admin wrote; problems are reported as {@code fields[i].<part>}. */
	public static CaptureTemplate validated(List<CaptureField> fields, InputCheck check) {
		Set<String> keys = new HashSet<>();
		List<CaptureField> valid = new ArrayList<>();
		check.require(fields.size() <= 40, "fields", "at most 40 fields");
		for (int i = 0; i < fields.size(); i++) {
			CaptureField f = fields.get(i);
			String at = "fields[" + i + "]";
			boolean ok = true;
			if (f.key() == null || !CaptureField.KEY.matcher(f.key()).matches()) {
				check.add(at + ".key", "must start with a lower-case letter and hold only letters, digits and _ (at most 40)");
				ok = false;
			}
			else if (!keys.add(f.key())) {
				check.add(at + ".key", "'" + f.key() + "' appears twice");
				ok = false;
			}
			if (f.label() == null || f.label().isBlank() || f.label().length() > 100) {
				check.add(at + ".label", "must not be blank (at most 100 characters)");
				ok = false;
			}
			if (f.type() == null) {
				ok = false; // the caller reported the unknown type when it read it
			}
			if (f.type() == CaptureField.Type.CHOICE && f.options().stream().filter(o -> !o.isBlank()).count() < 2) {
				check.add(at + ".options", "a CHOICE field needs at least two options");
				ok = false;
			}
			if (ok) {
				valid.add(new CaptureField(f.key(), f.label().strip(), f.type(), f.required(),
						f.options().stream().map(String::strip).filter(o -> !o.isBlank()).distinct().toList()));
			}
		}
		return new CaptureTemplate(valid);
	}
}
