package io.tierline;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

import static org.assertj.core.api.Assertions.assertThat;

class ModularityTests {

	private final ApplicationModules modules = ApplicationModules.of(TierlineApplication.class);

	@Test
	void modulesRespectTheirBoundaries() {
		modules.verify();
	}

	@Test
	void everyDomainModuleIsKnown() {
		assertThat(modules.stream().map(m -> m.getIdentifier().toString()))
			.contains("access", "audit", "common", "ticket");
	}

	@Test
	void writesModuleDocumentation() throws IOException {
		new Documenter(modules, Documenter.Options.defaults().withOutputFolder("docs/modules"))
			.writeModulesAsPlantUml()
			.writeIndividualModulesAsPlantUml()
			.writeModuleCanvases();
		try (Stream<Path> files = Files.list(Path.of("docs/modules"))) {
			files.forEach(ModularityTests::sortListings);
		}
	}

	@Test
	void sortsRunsOfRelationsAndListItemsKeepingACellsBar() {
		assertThat(sorted(List.of("x", "Rel(b)", "Rel(a)", "y", "|* `B`", "* `A`", "* `C`")))
			.containsExactly("x", "Rel(a)", "Rel(b)", "y", "|* `A`", "* `B`", "* `C`");
	}

	/**
	 * The Documenter writes relations and a canvas cell's list items in no fixed order, so every run
	 * changed the files; each run of them is sorted, and the documentation changes only with the code.
	 */
	private static void sortListings(Path file) {
		try {
			Files.write(file, sorted(Files.readAllLines(file)));
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	static List<String> sorted(List<String> lines) {
		List<String> out = new ArrayList<>();
		List<String> run = new ArrayList<>();
		boolean cell = false;
		for (String line : lines) {
			boolean listed = line.startsWith("Rel(") || line.startsWith("* ") || (run.isEmpty() && line.startsWith("|* "));
			if (listed && !run.isEmpty() && line.startsWith("Rel(") != run.get(0).startsWith("Rel(")) {
				flush(out, run, cell);
				cell = false;
			}
			if (listed) {
				if (run.isEmpty() && line.startsWith("|")) {
					cell = true;
					line = line.substring(1);
				}
				run.add(line);
			}
			else {
				flush(out, run, cell);
				cell = false;
				out.add(line);
			}
		}
		flush(out, run, cell);
		return out;
	}

	private static void flush(List<String> out, List<String> run, boolean cell) {
		run.sort(null);
		for (int i = 0; i < run.size(); i++) {
			out.add(i == 0 && cell ? "|" + run.get(i) : run.get(i));
		}
		run.clear();
	}
}
