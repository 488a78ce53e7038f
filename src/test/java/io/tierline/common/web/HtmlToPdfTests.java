package io.tierline.common.web;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class HtmlToPdfTests {

	@Test
	void anHtml5PageBecomesAPdfWithItsTextAndTables() throws Exception {
		String html = "<!DOCTYPE html><html><head><style>td{border:1px solid #999}</style></head><body>"
				+ "<h1>Monthly report · acme</h1><p>FCR 71.4% (5 / 7)<br>unclosed <b>tags"
				+ "<table><tr><th>KPI</th><th>value</th></tr><tr><td>Reopen rate</td><td>4.0%</td></tr></table></body></html>";
		byte[] pdf = HtmlToPdf.render(html, "http://localhost/");
		assertThat(new String(pdf, 0, 5, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
		try (var doc = Loader.loadPDF(pdf)) {
			String text = new PDFTextStripper().getText(doc);
			assertThat(text).contains("Monthly report · acme", "FCR 71.4% (5 / 7)", "Reopen rate", "4.0%");
		}
	}
}
