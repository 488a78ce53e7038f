package io.tierline.channel.chat;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.web.socket.config.annotation.EnableWebSocket;
import org.springframework.web.socket.config.annotation.WebSocketConfigurer;
import org.springframework.web.socket.config.annotation.WebSocketHandlerRegistry;

/**
 * The two chat sockets, and the few chat URLs anybody may open: the widget, its socket and the
 * demo page. The agent's socket stays behind the signed-in web chain.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebSocket
@EnableConfigurationProperties(ChatProperties.class)
class ChatConfiguration implements WebSocketConfigurer {

	static final String[] VISITOR_PATHS = { "/chat/ws", "/chat/widget.js", "/chat/demo" };

	private final VisitorSocket visitors;
	private final AgentSocket agents;
	private final VisitorHandshake visitorHandshake;
	private final AgentHandshake agentHandshake;

	ChatConfiguration(VisitorSocket visitors, AgentSocket agents, VisitorHandshake visitorHandshake,
			AgentHandshake agentHandshake) {
		this.visitors = visitors;
		this.agents = agents;
		this.visitorHandshake = visitorHandshake;
		this.agentHandshake = agentHandshake;
	}

	@Override
	public void registerWebSocketHandlers(WebSocketHandlerRegistry registry) {
		// the widget runs on the clients' own sites: the origin is checked per client by the handshake
		registry.addHandler(visitors, "/chat/ws").addInterceptors(visitorHandshake).setAllowedOriginPatterns("*");
		// no allowed origins configured: Spring admits the same origin only
		registry.addHandler(agents, "/chat/agent/ws").addInterceptors(agentHandshake);
	}

	/** Ahead of the API (1) and web (2) chains, for these paths only: anonymous and stateless. */
	@Bean
	@Order(0)
	SecurityFilterChain chatVisitorChain(HttpSecurity http) throws Exception {
		http.securityMatcher(VISITOR_PATHS)
			.authorizeHttpRequests(a -> a.anyRequest().permitAll())
			.sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.requestCache(cache -> cache.disable())
			.csrf(csrf -> csrf.disable());
		return http.build();
	}
}
