package io.tierline.support;

import java.io.IOException;
import java.net.ServerSocket;
import java.util.Map;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

/**
 * A real SMTP server (GreenMail) for the test JVM, started before the application context so
 * the app's {@code spring.mail.*} points at it. One server for the shared context.
 */
public final class TestMailServer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

	private static GreenMail greenMail;

	public static synchronized GreenMail get() {
		if (greenMail == null) {
			greenMail = new GreenMail(new ServerSetup(freePort(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
			greenMail.start();
		}
		return greenMail;
	}

	@Override
	public void initialize(ConfigurableApplicationContext context) {
		int port = get().getSmtp().getPort();
		context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("testMailServer",
				Map.of("spring.mail.host", "127.0.0.1", "spring.mail.port", port)));
	}

	private static int freePort() {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
		catch (IOException e) {
			throw new IllegalStateException(e);
		}
	}
}
