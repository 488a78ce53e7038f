import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Writes N ticket histories in the SPEC §14 format for bench/import.sh: client acme, 2,000
 * requesters, about 8 events per ticket (3 of them messages), one in four escalated to T2, one in
 * twenty reopened, one in ten a follow-up of the ticket before it. Seeded, so every run gets the
 * same file.
 * External ids are PREFIX-0, PREFIX-1, … (PREFIX defaults to BENCH).
 *   java bench/HistoryLoad.java OUT.jsonl N [PREFIX]
 */
public class HistoryLoad {

	public static void main(String[] args) throws IOException {
		Path out = Path.of(args[0]);
		int n = Integer.parseInt(args[1]);
		String prefix = args.length > 2 ? args[2] : "BENCH";
		var random = new Random(42);
		Instant start = Instant.parse("2025-01-01T00:00:00Z");
		try (BufferedWriter w = Files.newBufferedWriter(out, StandardCharsets.UTF_8)) {
			for (int i = 0; i < n; i++) {
				Instant created = start.plusSeconds(i * 60L);
				w.write(ticket(prefix, i, created, random));
				w.write('\n');
			}
		}
	}

	static String ticket(String prefix, int i, Instant created, Random random) {
		String requester = "req" + (i % 2000) + "@bench.test";
		List<String> events = new ArrayList<>();
		Instant at = created;
		events.add(event(at, "MESSAGE", requester, "\"visibility\":\"PUBLIC\",\"body\":\"My export " + i + " fails with error E" + random.nextInt(900) + " since the update.\""));
		events.add(event(at = at.plusSeconds(30), "ASSIGNED", "t1@northwind.test", "\"tier\":\"T1\""));
		events.add(event(at = at.plusSeconds(60), "MESSAGE", "t1@northwind.test", "\"visibility\":\"PUBLIC\",\"kind\":\"ACKNOWLEDGEMENT\",\"body\":\"We are looking into it.\""));
		String solver = "t1@northwind.test";
		if (i % 4 == 0) {
			events.add(event(at = at.plusSeconds(900), "ESCALATED", "t1@northwind.test", "\"fromTier\":\"T1\",\"toTier\":\"T2\""));
			solver = "t2@northwind.test";
		}
		events.add(event(at = at.plusSeconds(1200), "TIME_LOGGED", solver, "\"tier\":\"" + (i % 4 == 0 ? "T2" : "T1") + "\",\"minutes\":" + (5 + random.nextInt(40))));
		events.add(event(at = at.plusSeconds(60), "MESSAGE", solver, "\"visibility\":\"PUBLIC\",\"kind\":\"SUBSTANTIVE\",\"body\":\"Clear the cache and run the export again; it is fixed in 4.2.\""));
		events.add(event(at = at.plusSeconds(60), "STATUS", null, "\"status\":\"SOLVED\",\"actor\":\"" + solver + "\""));
		if (i % 20 == 0) {
			events.add(event(at = at.plusSeconds(3600), "REOPENED", requester, ""));
			events.add(event(at = at.plusSeconds(3600), "STATUS", null, "\"status\":\"SOLVED\",\"actor\":\"" + solver + "\""));
		}
		events.add(event(at.plusSeconds(7200), "CSAT", null, "\"score\":" + (1 + random.nextInt(5))));
		String followUp = i % 10 == 9 ? "\"" + prefix + "-" + (i - 1) + "\"" : "null";
		return "{\"externalId\":\"" + prefix + "-" + i + "\",\"client\":\"acme\",\"requester\":{\"email\":\"" + requester
				+ "\",\"name\":\"Requester " + (i % 2000) + "\"},\"subject\":\"Export fails " + i + "\",\"channel\":\"EMAIL\","
				+ "\"severity\":\"P" + (1 + i % 4) + "\",\"category\":\"data-import\",\"createdAt\":\"" + created
				+ "\",\"followUpOf\":" + followUp + ",\"events\":[" + String.join(",", events) + "]}";
	}

	static String event(Instant at, String type, String actor, String rest) {
		return "{\"at\":\"" + at + "\",\"type\":\"" + type + "\"" + (actor == null ? "" : ",\"actor\":\"" + actor + "\"")
				+ (rest.isEmpty() ? "" : "," + rest) + "}";
	}
}
