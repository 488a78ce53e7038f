package io.tierline.access.internal;

import java.time.Clock;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;

@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

	private static final String[] PUBLIC = { "/login", "/webjars/**", "/css/**", "/js/**", "/favicon.ico",
			"/actuator/health", "/v3/api-docs/**", "/swagger-ui/**", "/swagger-ui.html", "/error",
			// issue 9: a CSAT survey is answered from a signed one-click link, without signing in
			"/survey/**" };

	@Bean
	PasswordEncoder passwordEncoder() {
		return new BCryptPasswordEncoder(10);
	}

	@Bean
	CachedPasswordAuthenticationProvider cachedPasswordAuthenticationProvider(TierlineUserDetailsService users,
			PasswordEncoder encoder, Clock clock) {
		var dao = new DaoAuthenticationProvider(users);
		dao.setPasswordEncoder(encoder);
		return new CachedPasswordAuthenticationProvider(dao, clock);
	}

	@Bean
	AuthenticationManager authenticationManager(CachedPasswordAuthenticationProvider provider) {
		return new ProviderManager(provider);
	}

	/** The API: stateless, HTTP Basic or bearer token, errors as problem details. */
	@Bean
	@Order(1)
	SecurityFilterChain apiChain(HttpSecurity http, ApiTokens tokens, TierlineUserDetailsService users,
			ProblemResponses problems, AuthenticationManager authenticationManager) throws Exception {
		http.securityMatcher("/api/**")
			.authenticationManager(authenticationManager)
			.authorizeHttpRequests(a -> a.requestMatchers("/api/v1/surveys/**").permitAll().anyRequest().authenticated())
			.addFilterBefore(new ApiTokenAuthenticationFilter(tokens, users, problems), BasicAuthenticationFilter.class)
			.httpBasic(basic -> basic.authenticationEntryPoint(
					(request, response, e) -> problems.write(response, 401, "Unauthorized", "Sign in with HTTP Basic or an API token")))
			.exceptionHandling(e -> e
				.authenticationEntryPoint((request, response, ex) -> problems.write(response, 401, "Unauthorized",
						"Sign in with HTTP Basic or an API token"))
				.accessDeniedHandler((request, response, ex) -> problems.write(response, 403, "Forbidden", ex.getMessage())))
			.sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.csrf(csrf -> csrf.disable());
		return http.build();
	}

	/** The UI: a session after one sign-in, so the slow password hash is paid once. */
	@Bean
	@Order(2)
	SecurityFilterChain webChain(HttpSecurity http, AuthenticationManager authenticationManager) throws Exception {
		http.authenticationManager(authenticationManager)
			.authorizeHttpRequests(a -> a.requestMatchers(PUBLIC).permitAll().anyRequest().authenticated())
			.formLogin(form -> form.loginPage("/login").defaultSuccessUrl("/", false).permitAll())
			.logout(logout -> logout.logoutSuccessUrl("/login?logout"));
		return http.build();
	}
}
