package io.tierline.access;

import java.util.concurrent.atomic.AtomicInteger;

import io.tierline.support.Api;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;

import static org.assertj.core.api.Assertions.assertThat;

/** The slow password hash is paid once per credential, not once per HTTP Basic request. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "tierline.notify.workers=false", "tierline.sla.timers=false" }, classes = { io.tierline.TierlineApplication.class, PasswordHashCostIntegrationTests.CountingEncoder.class })
class PasswordHashCostIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	CountingEncoder counter;

	@Test
	void twentyBasicRequestsVerifyThePasswordOnce() {
		Api t2 = Api.at(port).as("t2-acme@northwind.test");
		int before = counter.matches.get();
		for (int i = 0; i < 20; i++) {
			assertThat(t2.get("/api/v1/tickets?limit=1").status()).isEqualTo(200);
		}
		assertThat(counter.matches.get() - before).isEqualTo(1);
	}

	@Test
	void aWrongPasswordIsCheckedEveryTime() {
		Api wrong = Api.at(port).as("t2@northwind.test", "not-the-password");
		int before = counter.matches.get();
		for (int i = 0; i < 3; i++) {
			assertThat(wrong.get("/api/v1/tickets?limit=1").status()).isEqualTo(401);
		}
		assertThat(counter.matches.get() - before).isEqualTo(3);
	}

	@TestConfiguration(proxyBeanMethods = false)
	static class CountingEncoder {

		final AtomicInteger matches = new AtomicInteger();

		@Bean
		@Primary
		PasswordEncoder countingPasswordEncoder() {
			var bcrypt = new BCryptPasswordEncoder(10);
			return new PasswordEncoder() {
				@Override
				public String encode(CharSequence raw) {
					return bcrypt.encode(raw);
				}

				@Override
				public boolean matches(CharSequence raw, String encoded) {
					matches.incrementAndGet();
					return bcrypt.matches(raw, encoded);
				}
			};
		}
	}
}
