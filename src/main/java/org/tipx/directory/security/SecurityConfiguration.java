package org.tipx.directory.security;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.tipx.audit.AuditTrail;
import org.tipx.directory.Role;
import org.tipx.directory.internal.AccountStore;
import org.tipx.directory.internal.MachineTokens;
import org.tipx.directory.internal.PasswordLogin;
import org.tipx.directory.internal.TokenIssuer;
import tools.jackson.databind.json.JsonMapper;

/**
 * Filter chains: the token-authenticated, stateless JSON API under /api (and the OpenRosa paths and the Prometheus
 * metrics), and the session-based pages with form login and CSRF protection, where every request sees the account's
 * current state. Role checks sit on the controllers ({@link org.tipx.shared.Allowed}) and in the use cases.
 */
@Configuration(proxyBeanMethods = false)
@EnableMethodSecurity
class SecurityConfiguration {

	/**
	 * The OpenRosa paths field devices (ODK Collect, KoboCollect) use: stateless, no CSRF, a person's Bearer token or
	 * a device token in the path. The screening module checks who may call, and answers in OpenRosa XML.
	 */
	@Bean
	@Order(0)
	SecurityFilterChain openRosa(HttpSecurity http, TokenIssuer tokens, AuditTrail audit, JsonMapper json)
			throws Exception {
		statelessBearer(http.securityMatcher("/formList", "/forms/**", "/submission", "/key/**"), tokens, audit, json)
				.authorizeHttpRequests(auth -> auth.anyRequest().permitAll());
		return http.build();
	}

	@Bean
	@Order(1)
	SecurityFilterChain api(HttpSecurity http, TokenIssuer tokens, AuditTrail audit, JsonMapper json) throws Exception {
		statelessBearer(http.securityMatcher("/api/**"), tokens, audit, json)
				.authorizeHttpRequests(auth -> auth
						.requestMatchers("/api/v1/auth/token").permitAll()
						// a peer installation pushes a signed package or receipt without a person's token; the signature
						// is checked by the use case, and a person's token still authenticates when present
						.requestMatchers("/api/v1/handovers/import", "/api/v1/handovers/receipts",
								"/api/v1/intakes/import", "/api/v1/intakes/acknowledgements").permitAll()
						.anyRequest().authenticated())
				.exceptionHandling(ex -> ex
						.authenticationEntryPoint(ProblemResponses.unauthorized(json))
						.accessDeniedHandler(ProblemResponses.forbidden(json)));
		return http.build();
	}

	/**
	 * The TAXII 2.1 server (ADR 0034): stateless like the API, with a tipx token as a bearer token or as the password
	 * of HTTP Basic, which TAXII clients commonly speak.
	 */
	@Bean
	@Order(2)
	SecurityFilterChain taxii(HttpSecurity http, TokenIssuer tokens, AuditTrail audit, JsonMapper json)
			throws Exception {
		statelessBearer(http.securityMatcher("/taxii2", "/taxii2/**"), tokens, audit, json)
				.addFilterBefore(new BasicTokenFilter(), BearerTokenFilter.class)
				.authorizeHttpRequests(auth -> auth.anyRequest().authenticated())
				.exceptionHandling(ex -> ex
						.authenticationEntryPoint((request, response, e) -> {
							ProblemResponses.write(json, response, org.springframework.http.HttpStatus.UNAUTHORIZED,
									"A tipx token is needed: as a bearer token, or as the password of HTTP Basic");
							// beside the Bearer challenge the problem writer sets
							response.addHeader("WWW-Authenticate", "Basic realm=\"tipx TAXII\"");
						})
						.accessDeniedHandler(ProblemResponses.forbidden(json)));
		return http.build();
	}

	/**
	 * The Prometheus metrics: a bearer token with the {@code metrics:read} scope, or an ADMIN's token. Stateless, so a
	 * scraper never gets a session; {@code /actuator/health} stays public on the pages chain.
	 */
	@Bean
	@Order(2)
	SecurityFilterChain metrics(HttpSecurity http, TokenIssuer tokens, AuditTrail audit, JsonMapper json)
			throws Exception {
		statelessBearer(http.securityMatcher("/actuator/prometheus", "/actuator/prometheus/**"), tokens, audit, json)
				.authorizeHttpRequests(auth -> auth.anyRequest()
						.hasAnyAuthority(MachineTokens.METRICS_READ.authority(), Role.ADMIN.authority()))
				.exceptionHandling(ex -> ex
						.authenticationEntryPoint(ProblemResponses.unauthorized(json))
						.accessDeniedHandler(ProblemResponses.forbidden(json)));
		return http.build();
	}

	/** What every token chain shares: no session, no CSRF (no cookie to ride on), no login forms, a bearer token. */
	private static HttpSecurity statelessBearer(HttpSecurity http, TokenIssuer tokens, AuditTrail audit,
			JsonMapper json) throws Exception {
		return http.csrf(csrf -> csrf.disable())
				.sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
				.requestCache(cache -> cache.disable())
				.formLogin(form -> form.disable())
				.httpBasic(basic -> basic.disable())
				.logout(logout -> logout.disable())
				.addFilterBefore(new BearerTokenFilter(tokens, audit, json), AnonymousAuthenticationFilter.class);
	}

	@Bean
	@Order(3)
	SecurityFilterChain pages(HttpSecurity http, PasswordLogin login, AccountStore accounts, AuditTrail audit,
			JsonMapper json) throws Exception {
		http.authenticationProvider(new PasswordLoginProvider(login))
				.addFilterAfter(new CurrentAccountFilter(accounts, audit, json),
						UsernamePasswordAuthenticationFilter.class)
				.authorizeHttpRequests(auth -> auth
						.requestMatchers("/login", "/error", "/verify", "/verify/**", "/report", "/report/**", "/webjars/**",
								"/css/**", "/js/**", "/favicon.ico", "/actuator/health", "/actuator/health/**",
								"/.well-known/tipx-instance",
								"/v3/api-docs", "/v3/api-docs/**", "/swagger-ui.html", "/swagger-ui/**")
						.permitAll()
						.requestMatchers("/account/password").authenticated()
						.anyRequest().hasAuthority(TipxPrincipal.ACCOUNT))
				.formLogin(form -> form.loginPage("/login")
						.failureHandler(new LoginFailureRedirect())
						.successHandler(new LoginSuccessRedirect())
						.permitAll())
				.logout(logout -> logout.logoutUrl("/logout").logoutSuccessUrl("/login?logout")
						.deleteCookies("TIPX_SESSION").permitAll())
				.exceptionHandling(ex -> ex.accessDeniedHandler(new PasswordChangeRedirect()))
				.sessionManagement(session -> session.sessionFixation(fixation -> fixation.changeSessionId()))
				.headers(headers -> headers
						.referrerPolicy(referrer -> referrer.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN))
						.contentSecurityPolicy(csp -> csp.policyDirectives(
								"default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline';"
										+ " script-src 'self' 'unsafe-inline'; frame-ancestors 'none'; form-action 'self'")));
		return http.build();
	}
}
