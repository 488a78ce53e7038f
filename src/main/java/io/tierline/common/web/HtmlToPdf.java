package io.tierline.common.web;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import org.jsoup.Jsoup;
import org.jsoup.helper.W3CDom;

/**
 * A page as PDF, in process: the rendered HTML (any HTML; jsoup makes it a well-formed document)
 * laid out by openhtmltopdf on PDFBox. Reports use the same template for the page and the PDF.
 */
public final class HtmlToPdf {

	private HtmlToPdf() {
	}

	public static byte[] render(String html, String baseUri) {
		try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			PdfRendererBuilder builder = new PdfRendererBuilder();
			builder.useFastMode();
			builder.withW3cDocument(new W3CDom().fromJsoup(Jsoup.parse(html, baseUri)), baseUri);
			builder.toStream(out);
			builder.run();
			return out.toByteArray();
		}
		catch (IOException e) {
			throw new UncheckedIOException("The PDF could not be written", e);
		}
	}
}
