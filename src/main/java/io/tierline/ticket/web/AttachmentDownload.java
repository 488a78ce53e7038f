package io.tierline.ticket.web;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;

import io.tierline.ticket.internal.AttachmentService;
import io.tierline.ticket.internal.Attachments;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/** An attachment streamed from storage, always as a download and never sniffed by the browser. */
final class AttachmentDownload {

	private AttachmentDownload() {
	}

	static ResponseEntity<StreamingResponseBody> of(Attachments.Attachment a, AttachmentService attachments) {
		return ResponseEntity.ok()
			.contentType(MediaType.parseMediaType(a.contentType()))
			.contentLength(a.sizeBytes())
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment().filename(a.filename(), StandardCharsets.UTF_8).build().toString())
			.header("X-Content-Type-Options", "nosniff")
			.body(out -> {
				try (InputStream in = attachments.open(a)) {
					in.transferTo(out);
				}
			});
	}
}
