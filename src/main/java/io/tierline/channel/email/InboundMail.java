package io.tierline.channel.email;

import java.util.List;

/**
 * A received mail as the channel needs it. {@code subject}, {@code inReplyTo} and
 * {@code reportedMessageId} may be null; {@code references} oldest first.
 *
 * @param autoSubmitted an auto-reply or other machine mail (RFC 3834 {@code Auto-Submitted}, not "no")
 * @param bulk {@code Precedence: bulk/list/junk} or a mailing list ({@code List-Id})
 * @param deliveryReport a delivery status notification (RFC 3464 {@code multipart/report; report-type=delivery-status})
 * @param reportedMessageId for a delivery report: the Message-ID of the mail that bounced
 */
record InboundMail(String messageId, boolean messageIdSynthesized, String inReplyTo, List<String> references, String fromAddress,
		String fromName, String subject, String text, List<Part> attachments, boolean autoSubmitted, boolean bulk,
		boolean deliveryReport, String reportedMessageId, String deliveryStatus) {

	/** An attachment or inline part kept as a file. */
	record Part(String filename, String contentType, byte[] content, boolean inline) {
	}
}
