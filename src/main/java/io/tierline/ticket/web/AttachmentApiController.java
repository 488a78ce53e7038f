package io.tierline.ticket.web;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;

import io.tierline.access.Caller;
import io.tierline.ticket.internal.AttachmentService;
import io.tierline.ticket.internal.Attachments;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

@RestController
class AttachmentApiController {

	private final AttachmentService attachments;

	AttachmentApiController(AttachmentService attachments) {
		this.attachments = attachments;
	}

	/** Multipart upload, field {@code file}; optional {@code messageId} ties it to a message. */
	@PostMapping(path = "/api/v1/tickets/{id}/attachments", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	ResponseEntity<TicketApiController.AttachmentView> upload(Caller caller, @PathVariable String id,
			@RequestPart("file") MultipartFile file, @RequestParam(required = false) Long messageId) throws IOException {
		try (InputStream in = file.getInputStream()) {
			Attachments.Attachment added = attachments.add(caller, id, messageId, file.getOriginalFilename(), in);
			return ResponseEntity.status(HttpStatus.CREATED).location(URI.create("/api/v1/attachments/" + added.id()))
				.body(TicketApiController.AttachmentView.of(added));
		}
	}

	@GetMapping("/api/v1/attachments/{id}")
	ResponseEntity<StreamingResponseBody> download(Caller caller, @PathVariable long id) {
		Attachments.Attachment attachment = attachments.readable(caller, id);
		return AttachmentDownload.of(attachment, attachments);
	}
}
