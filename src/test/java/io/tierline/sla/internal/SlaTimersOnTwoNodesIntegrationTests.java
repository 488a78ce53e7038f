package io.tierline.sla.internal;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import io.tierline.TierlineApplication;
import io.tierline.support.Api;
import io.tierline.support.MutableClock;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 4: timers are rows, so a restart loses none, and two nodes on one database fire each
 * warning and breach exactly once. Node A opens tickets and stops (a restart); nodes B and C,
 * started afterwards on the same database, fire the due timers from several threads at once.
 * Runs on the suite's database kind: a fresh PostgreSQL database under the postgres profile
 * (created and dropped here), else a fresh H2 file database under {@code target/}.
 */
class SlaTimersOnTwoNodesIntegrationTests {

	static final int TICKETS = 120;

	static final MutableClock CLOCK = new MutableClock();

	static String url;
	static String pgDatabase;

	@BeforeAll
	static void freshDatabase() throws Exception {
		String suiteUrl = System.getProperty("spring.datasource.url", "");
		if (suiteUrl.startsWith("jdbc:postgresql:")) {
			pgDatabase = "tl_nodes_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
			try (Connection c = DriverManager.getConnection(serverUrl(suiteUrl) + "postgres", "postgres", "");
					Statement s = c.createStatement()) {
				s.execute("create database " + pgDatabase);
			}
			url = serverUrl(suiteUrl) + pgDatabase;
		}
		else {
			// a file, closed when node A's pool closes and opened afresh by B and C, as after a real restart (an
			// in-memory database kept open would keep CHECK constraints bound to A's closed session: h2database#4291)
			url = "jdbc:h2:file:./target/nodes-" + UUID.randomUUID() + "/tierline;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH";
		}
	}

	@AfterAll
	static void dropDatabase() throws Exception {
		if (pgDatabase != null) {
			try (Connection c = DriverManager.getConnection(serverUrl(System.getProperty("spring.datasource.url")) + "postgres", "postgres", "");
					Statement s = c.createStatement()) {
				s.execute("drop database if exists " + pgDatabase + " with (force)");
			}
		}
	}

	/** {@code jdbc:postgresql://127.0.0.1:5432/} of the suite's URL. */
	static String serverUrl(String suiteUrl) {
		return suiteUrl.substring(0, suiteUrl.indexOf('/', "jdbc:postgresql://".length()) + 1);
	}

	static ConfigurableApplicationContext node(String name) {
		// arguments, not default properties: they must win over application.yml and the suite's system properties
		return new SpringApplicationBuilder(TierlineApplication.class)
			.initializers(ctx -> ctx.getBeanFactory().registerSingleton("clock", CLOCK))
			.run("--server.port=0", "--spring.datasource.url=" + url, "--spring.datasource.username=" + (pgDatabase != null ? "postgres" : "sa"),
					"--tierline.sla.timers=false", "--tierline.notify.workers=false", "--tierline.demo.enabled=true",
					"--tierline.attachments.dir=target/nodes-" + name, "--spring.main.banner-mode=off");
	}

	static int port(ConfigurableApplicationContext node) {
		return ((WebServerApplicationContext) node).getWebServer().getPort();
	}

	@Test
	void eachWarningAndBreachFiresOnceAcrossARestartAndTwoNodes() throws Exception {
		List<Long> ticketIds = new ArrayList<>();
		try (var a = node("a")) {
			Api admin = Api.at(port(a)).as("admin@acme.test");
			assertThat(admin.post("/api/v1/clients/acme/sla-policy/rules", Map.of("clock", "FIRST_RESPONSE", "channel", "SMS",
					"target", "PT10M", "businessTime", false)).status()).isEqualTo(201);
			Api agent = Api.at(port(a)).as("t1@northwind.test");
			for (int i = 0; i < TICKETS; i++) {
				var created = agent.post("/api/v1/tickets", Map.of("client", "acme", "requester", Map.of("email", "dana@customer.test"),
						"subject", "Node test " + i, "channel", "SMS", "severity", "P3"));
				assertThat(created.status()).as(created.text()).isEqualTo(201);
				ticketIds.add(created.json().get("id").asLong());
			}
		}
		// node A is gone; its timers are rows in the database
		CLOCK.advance(Duration.ofMinutes(11));
		try (var b = node("b"); var c = node("c")) {
			AtomicInteger firedOnB = new AtomicInteger();
			AtomicInteger firedOnC = new AtomicInteger();
			ExecutorService threads = Executors.newFixedThreadPool(4);
			List<Future<?>> runs = new ArrayList<>();
			for (int t = 0; t < 4; t++) {
				var node = t % 2 == 0 ? b : c;
				var counter = t % 2 == 0 ? firedOnB : firedOnC;
				SlaTimerProcessor processor = node.getBean(SlaTimerProcessor.class);
				runs.add(threads.submit(() -> {
					int idle = 0;
					while (idle < 3) {
						int n = processor.fireDue(7);
						counter.addAndGet(n);
						idle = n == 0 ? idle + 1 : 0;
					}
				}));
			}
			for (Future<?> run : runs) {
				run.get();
			}
			threads.shutdown();

			JdbcClient db = b.getBean(JdbcClient.class);
			Map<String, Object> ids = Map.of("ids", ticketIds);
			assertThat(db.sql("""
					select count(*) from sla_events e join sla_clocks c on c.id = e.clock_id
					where c.ticket_id in (:ids) and c.clock = 'FIRST_RESPONSE' and e.type = 'WARNING'""").params(ids)
				.query(Long.class).single()).as("one warning per clock").isEqualTo(TICKETS);
			assertThat(db.sql("""
					select count(*) from sla_events e join sla_clocks c on c.id = e.clock_id
					where c.ticket_id in (:ids) and c.clock = 'FIRST_RESPONSE' and e.type = 'BREACHED'""").params(ids)
				.query(Long.class).single()).as("one breach per clock").isEqualTo(TICKETS);
			assertThat(db.sql("select count(*) from ticket_events where ticket_id in (:ids) and type = 'SLA_BREACHED'").params(ids)
				.query(Long.class).single()).as("one SLA_BREACHED ticket event per ticket").isEqualTo(TICKETS);
			assertThat(db.sql("select count(*) from ticket_events where ticket_id in (:ids) and type = 'SLA_WARNING'").params(ids)
				.query(Long.class).single()).isEqualTo(TICKETS);
			assertThat(db.sql("""
					select count(*) from sla_timers t join sla_clocks c on c.id = t.clock_id
					where c.ticket_id in (:ids) and c.clock = 'FIRST_RESPONSE'""").params(ids).query(Long.class).single())
				.as("every fired timer is gone").isZero();
			assertThat(firedOnB.get() + firedOnC.get()).as("the clocks locked and fired over both nodes")
				.isGreaterThanOrEqualTo(TICKETS);
		}
	}
}
