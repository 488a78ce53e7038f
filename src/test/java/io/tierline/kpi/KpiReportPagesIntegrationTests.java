package io.tierline.kpi;

import io.tierline.access.AccessManagement;
import io.tierline.kpi.internal.KpiProjection;
import io.tierline.support.IntegrationTest;
import io.tierline.support.WebSession;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static io.tierline.kpi.TicketHistoryFixture.days;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The dashboard, the parallel-run report and the monthly report (page and PDF) over a client whose
 * March 2026 is known: two tickets solved by the provider's T1 agent (one reopened within the
 * window), two by the client's own engineer, CSAT 5, 2, 4, 5.
 */
@IntegrationTest
class KpiReportPagesIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	AccessManagement access;

	@Autowired
	KpiProjection projection;

	TicketHistoryFixture history;

	long queue;

	@BeforeEach
	void march() {
		history = new TicketHistoryFixture(jdbc, access);
		queue = history.queue("shared");
		long a = history.ticket(days(0));
		history.inQueue(a, queue);
		history.solved(a, "t1@northwind.test", days(1));
		history.csat(a, 5, days(1.5));
		long b = history.ticket(days(0));
		history.solved(b, "t1@northwind.test", days(2));
		history.reopened(b, days(3));
		history.csat(b, 2, days(3.5));
		long c = history.ticket(days(1));
		history.inQueue(c, queue);
		history.solved(c, "eng@acme.test", days(2));
		history.csat(c, 4, days(2.5));
		long d = history.ticket(days(1));
		history.solved(d, "eng@acme.test", days(4));
		history.csat(d, 5, days(4.5));
		projection.catchUp();
	}

	@Test
	void theParallelRunShowsInternalAndExternalSideBySide() throws Exception {
		var admin = WebSession.signedIn(port, "admin@northwind.test");
		String page = admin.get("/reports/parallel-run?client=" + history.client + "&from=2026-03-01&to=2026-04-01").body();
		assertThat(page).contains("data-testid=\"parallel-table\"", "Internal", "External");
		String reopen = row(page, "Reopen rate");
		assertThat(reopen).contains("0.0 %", "0 / 2").contains("50.0 %", "1 / 2");
		String csat = row(page, "CSAT (share of 4 and 5)");
		assertThat(csat).contains("100.0 %", "2 / 2").contains("50.0 %", "1 / 2");
		assertThat(page).contains("groupBy=internal");
	}

	@Test
	void theParallelRunComparesTheTeamsOnOneQueue() throws Exception {
		var admin = WebSession.signedIn(port, "admin@northwind.test");
		String page = admin.get("/reports/parallel-run?client=" + history.client + "&from=2026-03-01&to=2026-04-01&queue=shared").body();
		assertThat(page).contains("queue shared", "<option value=\"shared\" selected=\"selected\">");
		assertThat(row(page, "Reopen rate")).contains("0 / 1").doesNotContain("0 / 2", "1 / 2");
		assertThat(row(page, "CSAT (share of 4 and 5)")).contains("100.0 %", "1 / 1").doesNotContain("50.0 %");
		assertThat(page).contains("groupBy=internal&amp;queue=shared");
	}

	@Test
	void theMonthlyReportIsAPageAndAPdfWithTheSameNumbers() throws Exception {
		var admin = WebSession.signedIn(port, "admin@northwind.test");
		String page = admin.get("/reports/monthly?client=" + history.client + "&month=2026-03").body();
		assertThat(page).contains("Monthly performance · " + history.client + " · 2026-03", "Reopen rate", "25.0 %", "1 / 4");
		assertThat(page).contains("CSAT (share of 4 and 5)", "75.0 %", "3 / 4");

		var pdf = admin.getBytes("/reports/monthly.pdf?client=" + history.client + "&month=2026-03");
		assertThat(pdf.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/pdf");
		try (var doc = Loader.loadPDF(pdf.body())) {
			String text = new PDFTextStripper().getText(doc);
			assertThat(text).contains("Monthly performance", history.client, "2026-03", "Reopen rate", "25.0 %", "1 / 4", "75.0 %");
		}
		assertThat(admin.get("/reports/monthly?client=" + history.client + "&month=March").statusCode()).isEqualTo(422);
	}

	@Test
	void theDashboardShowsHeadlineKpisTrendsAndGroupsWithCsvForEachClientItMayRead() throws Exception {
		var admin = WebSession.signedIn(port, "admin@acme.test");
		var page = admin.get("/dashboards?client=acme&by=team&months=3");
		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.body()).contains("data-testid=\"trend-chart\"", "data-testid=\"trend-table\"", "data-testid=\"grouped\"",
				"/api/v1/kpis.csv?client=acme");
		assertThat(admin.get("/dashboards?client=" + history.client).statusCode()).as("another client's dashboard").isEqualTo(404);
		assertThat(admin.get("/dashboards?client=acme&months=99").statusCode()).isEqualTo(422);
		assertThat(WebSession.signedIn(port, "admin@globex.test").get("/reports/monthly?client=acme").statusCode()).isEqualTo(404);
	}

	/** The table row of a KPI, from its label to the end of the row. */
	private static String row(String page, String label) {
		int start = page.indexOf(">" + label + "<");
		assertThat(start).as(label).isPositive();
		return page.substring(start, page.indexOf("</tr>", start));
	}
}
