package io.tierline.assist.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

import io.tierline.ticket.TicketThreads;

import org.springframework.stereotype.Component;

/** A ticket's text attachments read as logs: the newest few, the start of each. */
@Component
class LogReading {

	static final int MAX_FILES = 5;
	static final int MAX_BYTES = 2 * 1024 * 1024;

	private final TicketThreads threads;

	LogReading(TicketThreads threads) {
		this.threads = threads;
	}

	/** @param errorText the lines that reported an error, for matching against known-issue signatures */
	record ReadLog(TicketThreads.TextFile file, LogDigest digest, String errorText) {
	}

	List<ReadLog> of(long ticketId) {
		List<TicketThreads.TextFile> files = threads.textFiles(ticketId);
		List<ReadLog> logs = new ArrayList<>();
		for (int i = files.size() - 1; i >= 0 && logs.size() < MAX_FILES; i--) {
			TicketThreads.TextFile file = files.get(i);
			try {
				threads.readText(ticketId, file.id(), MAX_BYTES).ifPresent(text -> {
					var analysis = LogAnalyzer.analyseWithErrors(text, file.sizeBytes() > MAX_BYTES);
					if (!analysis.digest().isEmpty()) {
						logs.add(new ReadLog(file, analysis.digest(), analysis.errorText()));
					}
				});
			}
			catch (IOException e) {
				throw new UncheckedIOException("Reading attachment " + file.id(), e);
			}
		}
		return logs;
	}
}
