package io.tierline.channel.phone;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;

/**
 * The telephony webhooks carry no session, password or token: {@link DeliveryGate} checks their
 * HMAC signature instead. This chain runs before the API's and lets only these two paths through.
 */
@Configuration(proxyBeanMethods = false)
class PhoneWebhookSecurity {

	@Bean
	@Order(0)
	SecurityFilterChain phoneWebhookChain(HttpSecurity http) throws Exception {
		http.securityMatcher("/api/v1/channels/phone/*/calls", "/api/v1/channels/sms/*/messages")
			.authorizeHttpRequests(a -> a.anyRequest().permitAll())
			.sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.csrf(csrf -> csrf.disable());
		return http.build();
	}
}
