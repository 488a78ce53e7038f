package io.tierline.escalation.internal;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Matches error signatures against a ticket's text, each within a time budget: a regular
 * expression with catastrophic backtracking gives up ("no match") instead of holding a request
 * thread. The budget is processor time, not business time, so it reads {@code System.nanoTime()}
 * rather than the clock bean.
 */
@Component
public class KnownIssueMatcher {

	private static final Logger log = LoggerFactory.getLogger(KnownIssueMatcher.class);
	static final Duration BUDGET_PER_SIGNATURE = Duration.ofMillis(50);
	private static final int CACHE_LIMIT = 2_000;
	private static final int MAX_MATCH_SHOWN = 120;

	private final Map<KnownIssueSignature, Pattern> compiled = new ConcurrentHashMap<>();

	/** Where a signature matched: the text it found (shortened for display). */
	public record Match(KnownIssueSignature signature, String matched) {
	}

	/** @return empty when the signature does not match, or gave up within its budget */
	public Optional<Match> match(KnownIssueSignature signature, String text) {
		Matcher matcher;
		try {
			matcher = pattern(signature).matcher(new DeadlineText(text, System.nanoTime() + BUDGET_PER_SIGNATURE.toNanos()));
		}
		catch (PatternSyntaxException e) {
			// validated when saved; only a change of the regex dialect (a new Java) could get here
			log.warn("Signature /{}/ no longer compiles: {}", signature.pattern(), e.getDescription());
			return Optional.empty();
		}
		try {
			if (!matcher.find()) {
				return Optional.empty();
			}
			String found = text.substring(matcher.start(), matcher.end());
			return Optional.of(new Match(signature, found.length() > MAX_MATCH_SHOWN ? found.substring(0, MAX_MATCH_SHOWN) + "…" : found));
		}
		catch (OutOfTime e) {
			log.warn("Signature /{}/ gave up after {} ms: it backtracks too much to be useful", signature.pattern(),
					BUDGET_PER_SIGNATURE.toMillis());
			return Optional.empty();
		}
		catch (StackOverflowError e) {
			log.warn("Signature /{}/ overflowed the stack on a long text", signature.pattern());
			return Optional.empty();
		}
	}

	private Pattern pattern(KnownIssueSignature signature) {
		if (compiled.size() > CACHE_LIMIT) {
			compiled.clear();
		}
		return compiled.computeIfAbsent(signature, KnownIssueSignature::compile);
	}

	/** Thrown from inside the regex engine when the budget is spent. */
	static final class OutOfTime extends RuntimeException {

		OutOfTime() {
			super(null, null, false, false);
		}
	}

	/**
	 * The text as the regex engine reads it: every read checks the deadline, so even a matcher
	 * stuck in backtracking notices within microseconds that its time is up.
	 */
	static final class DeadlineText implements CharSequence {

		private final CharSequence text;
		private final long deadline;
		private int reads;

		DeadlineText(CharSequence text, long deadline) {
			this.text = text;
			this.deadline = deadline;
		}

		@Override
		public char charAt(int index) {
			// nanoTime costs ~20 ns: look at it on every 64th read only
			if ((++reads & 63) == 0 && System.nanoTime() - deadline > 0) {
				throw new OutOfTime();
			}
			return text.charAt(index);
		}

		@Override
		public int length() {
			return text.length();
		}

		@Override
		public CharSequence subSequence(int start, int end) {
			return new DeadlineText(text.subSequence(start, end), deadline);
		}

		@Override
		public String toString() {
			return text.toString();
		}
	}
}
