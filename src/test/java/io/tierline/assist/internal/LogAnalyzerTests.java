package io.tierline.assist.internal;

import java.time.Instant;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

class LogAnalyzerTests {

	static final String JAVA_LOG = """
			2026-11-20 09:14:02,117 INFO  [main] c.a.sync.Scheduler - sync started, retrying after failure of job 17
			2026-11-20 09:14:03,502 WARN  [pool-1] c.a.sync.Client - slow response 2300 ms
			2026-11-20 09:14:05,981 ERROR [pool-1] c.a.sync.Client - Upload of batch 4411 failed: HTTP 503 Service Unavailable
			2026-11-20 09:14:06,002 ERROR [pool-1] c.a.sync.Client - Upload of batch 4412 failed: HTTP 503 Service Unavailable
			2026-11-20 09:14:07,450 ERROR [pool-1] c.a.sync.Job - sync aborted
			com.acme.sync.SyncException: could not store batch 4412
				at com.acme.sync.Job.store(Job.java:88)
				at com.acme.sync.Job.run(Job.java:41)
				at java.base/java.lang.Thread.run(Thread.java:840)
			Caused by: java.sql.SQLException: ORA-00942: table or view does not exist
				at oracle.jdbc.Driver.execute(Driver.java:1200)
				... 3 more
			2026-11-20 09:15:00,000 INFO  [main] c.a.sync.Scheduler - next run in 60 s
			""";

	@Test
	void aJavaLogGivesItsErrorsExceptionsTraceStatusesCodesAndFirstFailure() {
		LogDigest d = LogAnalyzer.analyse(JAVA_LOG, false);

		assertThat(d.lines()).isEqualTo(13);
		// the INFO line that mentions a failure and the WARN line are not errors; the exception head is
		assertThat(d.errorLines()).isEqualTo(4);
		assertThat(d.firstErrors()).extracting(LogDigest.ErrorLine::line, LogDigest.ErrorLine::repeats)
			.containsExactly(tuple(3, 2), tuple(5, 1), tuple(6, 1));
		assertThat(d.exceptions()).extracting(LogDigest.Counted::name)
			.containsExactlyInAnyOrder("com.acme.sync.SyncException", "java.sql.SQLException");
		assertThat(d.stackTraces()).singleElement().satisfies(t -> {
			assertThat(t.line()).isEqualTo(6);
			assertThat(t.exception()).isEqualTo("com.acme.sync.SyncException");
			assertThat(t.message()).isEqualTo("could not store batch 4412");
			assertThat(t.frames()).containsExactly("com.acme.sync.Job.store(Job.java:88)", "com.acme.sync.Job.run(Job.java:41)",
					"java.base/java.lang.Thread.run(Thread.java:840)", "oracle.jdbc.Driver.execute(Driver.java:1200)");
			assertThat(t.causes()).containsExactly("java.sql.SQLException: ORA-00942: table or view does not exist");
		});
		assertThat(d.httpStatuses()).containsExactly(new LogDigest.Counted("503", 2));
		assertThat(d.firstFailure().line()).isEqualTo(3);
		assertThat(d.firstFailure().timestamp()).isEqualTo("2026-11-20 09:14:05,981");
		assertThat(d.firstFailure().at()).isEqualTo(Instant.parse("2026-11-20T09:14:05.981Z"));
		assertThat(d.truncated()).isFalse();
	}

	@Test
	void errorCodesAreFoundOnErrorLinesOnly() {
		LogDigest d = LogAnalyzer.analyse("""
				INFO ticket ACME-1042 mentions ORA-12345 in passing
				ERROR connect ECONNREFUSED 10.0.0.4:5432
				ERROR sign-in failed: AADSTS50126 invalid username or password
				ERROR install failed with 0x80070005
				ERROR query failed, sqlstate=23505
				""", false);

		assertThat(d.errorCodes()).extracting(LogDigest.Counted::name)
			.containsExactlyInAnyOrder("ECONNREFUSED", "AADSTS50126", "0x80070005", "23505");
	}

	@Test
	void aPythonTracebackIsOneTraceWithItsInnermostFrameFirst() {
		LogDigest d = LogAnalyzer.analyse("""
				[2026-03-01T10:00:00Z] starting import
				Traceback (most recent call last):
				  File "/app/main.py", line 10, in <module>
				    main()
				  File "/app/importer.py", line 52, in load
				    rows = parse(path)
				ValueError: invalid literal for int() with base 10: 'x'
				done
				""", false);

		assertThat(d.stackTraces()).singleElement().satisfies(t -> {
			assertThat(t.exception()).isEqualTo("ValueError");
			assertThat(t.message()).isEqualTo("invalid literal for int() with base 10: 'x'");
			assertThat(t.frames()).containsExactly("load (/app/importer.py:52)", "<module> (/app/main.py:10)");
		});
		assertThat(d.exceptions()).containsExactly(new LogDigest.Counted("ValueError", 1));
		assertThat(d.firstFailure().timestamp()).isEqualTo("2026-03-01T10:00:00Z");
		assertThat(d.firstFailure().at()).isEqualTo(Instant.parse("2026-03-01T10:00:00Z"));
	}

	@Test
	void anAccessLogCountsItsErrorStatusesAndReadsApacheTimes() {
		LogDigest d = LogAnalyzer.analyse("""
				10.1.1.1 - - [20/Nov/2026:10:00:01 +0100] "GET /api/orders HTTP/1.1" 200 512
				10.1.1.1 - - [20/Nov/2026:10:00:02 +0100] "POST /api/orders HTTP/1.1" 502 0
				10.1.1.2 - - [20/Nov/2026:10:00:03 +0100] "GET /api/orders/7 HTTP/1.1" 404 0
				10.1.1.2 - - [20/Nov/2026:10:00:04 +0100] "POST /api/orders HTTP/1.1" 502 0
				""", false);

		assertThat(d.httpStatuses()).containsExactly(new LogDigest.Counted("502", 2), new LogDigest.Counted("404", 1));
		// a 4xx alone is the client's mistake, not a failure of the service
		assertThat(d.errorLines()).isEqualTo(2);
		assertThat(d.firstFailure().at()).isEqualTo(Instant.parse("2026-11-20T09:00:02Z"));
	}

	@Test
	void aCleanLogIsEmptyAndTheTextSaysWhatWasFound() {
		assertThat(LogAnalyzer.analyse("INFO started\nDEBUG tick\n", false).isEmpty()).isTrue();
		String text = LogAnalyzer.analyse(JAVA_LOG, true).asText("sync.log");
		assertThat(text).startsWith("Log digest of sync.log: 4 error lines in 13 lines (only the start was read)")
			.contains("HTTP statuses: 503 ×2").contains("caused by java.sql.SQLException");
	}

	@Test
	void theErrorTextHoldsEachDistinctErrorLineAndTheCauses() {
		var analysis = LogAnalyzer.analyseWithErrors(JAVA_LOG, false);
		assertThat(analysis.errorText()).contains("Upload of batch 4411 failed").doesNotContain("batch 4412 failed")
			.contains("Caused by: java.sql.SQLException: ORA-00942").doesNotContain("INFO");
	}
}
