package io.tierline.browser;

import java.nio.file.Paths;
import java.util.List;
import java.util.Map;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;

import org.springframework.boot.test.web.server.LocalServerPort;

/** Debian's chromium driven by Playwright (never a downloaded browser), with a sign-in per person. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class BrowserSession {

	@LocalServerPort
	int port;

	Playwright playwright;
	Browser browser;

	@BeforeAll
	void launch() {
		playwright = Playwright.create(new Playwright.CreateOptions().setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
		browser = playwright.chromium().launch(new BrowserType.LaunchOptions()
			.setExecutablePath(Paths.get("/usr/bin/chromium"))
			.setHeadless(true)
			.setArgs(List.of("--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
					"--disable-background-networking", "--disable-component-update", "--disable-sync")));
	}

	@AfterAll
	void close() {
		browser.close();
		playwright.close();
	}

	Page signIn(String email) {
		BrowserContext context = browser.newContext();
		Page page = context.newPage();
		page.navigate(url("/login"));
		page.fill("input[name=username]", email);
		page.fill("input[name=password]", "demo");
		page.click("button[type=submit]");
		page.waitForURL(url -> !url.contains("/login"));
		return page;
	}

	String url(String path) {
		return "http://localhost:" + port + path;
	}

	static void screenshot(Page page, String name) {
		page.screenshot(new Page.ScreenshotOptions().setPath(Paths.get("target/playwright/" + name + ".png")).setFullPage(true));
	}
}
