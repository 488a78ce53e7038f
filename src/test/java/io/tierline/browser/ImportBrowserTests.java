package io.tierline.browser;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.FilePayload;
import io.tierline.support.IntegrationTest;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/** SPEC §14 in the browser: a history file uploaded on /admin/import runs as a job whose progress bar ends at 100 %. */
@Tag("browser")
@IntegrationTest
class ImportBrowserTests extends BrowserSession {

	@Test
	void anUploadedHistoryShowsItsProgressAndItsReport() {
		String lines = fixture() + "{\"externalId\":\"BAD-1\",\"client\":\"acme\"}\n";
		Page admin = signIn("admin@northwind.test");
		admin.navigate(url("/admin/import"));
		admin.locator("#import-file").setInputFiles(new FilePayload("history.jsonl", "application/x-ndjson",
				lines.getBytes(StandardCharsets.UTF_8)));
		admin.getByTestId("import-start").click();
		admin.waitForURL(u -> u.matches(".*/admin/import/\\d+$"));
		assertThat(admin.getByTestId("job-progress")).hasAttribute("data-status", "DONE");
		assertThat(admin.getByTestId("job-bar")).hasAttribute("value", "100");
		assertThat(admin.getByTestId("job-imported")).hasText("4");
		assertThat(admin.getByTestId("job-rejected")).hasText("1");
		assertThat(admin.getByTestId("job-errors")).containsText("5");
		screenshot(admin, "import-job");
	}

	/** The exchange fixture under fresh external ids, dated 2002. */
	static String fixture() {
		try {
			String text = Files.readString(Path.of("src/test/resources/exchange/history.jsonl"));
			return text.replace("\"ZD-", "\"ZD" + UUID.randomUUID().toString().substring(0, 8) + "-").replace("\"2020-", "\"2002-");
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}
}
