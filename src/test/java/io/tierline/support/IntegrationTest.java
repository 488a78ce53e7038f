package io.tierline.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ContextConfiguration;

/**
 * The app on a random port with demo data, a clock tests can move and a real SMTP server
 * ({@link TestMailServer}). Every class with this annotation shares one application context.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = { "tierline.notify.workers=false", "tierline.sla.timers=false", "tierline.mail.workers=false", "tierline.kpi.projection=false", "tierline.search.dir=${java.io.tmpdir}/search-index-${random.uuid}", "tierline.search.follow-ms=200" })
@Import(IntegrationTest.TestClock.class)
@ContextConfiguration(initializers = TestMailServer.class)
public @interface IntegrationTest {

	@TestConfiguration(proxyBeanMethods = false)
	class TestClock {

		@Bean
		MutableClock clock() {
			return new MutableClock();
		}
	}
}
