package org.tipx.directory.security;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Collections;
import java.util.Enumeration;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Lets a client that only speaks HTTP Basic (as many TAXII clients do) present a tipx token: any user name, the token
 * as the password. The request goes on as if it carried {@code Authorization: Bearer <token>}, so the token is checked,
 * scoped and audited exactly as a bearer token is. Basic with a password that is not a token is refused as an unknown
 * token: tipx never checks account passwords here.
 */
class BasicTokenFilter extends OncePerRequestFilter {

	private static final String BASIC = "Basic ";

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String header = request.getHeader("Authorization");
		if (header == null || !header.regionMatches(true, 0, BASIC, 0, BASIC.length())) {
			chain.doFilter(request, response);
			return;
		}
		String token;
		try {
			String pair = new String(Base64.getDecoder().decode(header.substring(BASIC.length()).strip()),
					StandardCharsets.UTF_8);
			int colon = pair.indexOf(':');
			token = colon < 0 ? "" : pair.substring(colon + 1);
		}
		catch (IllegalArgumentException notBase64) {
			token = "";
		}
		String bearer = "Bearer " + (token.isBlank() ? "-" : token);
		chain.doFilter(new HttpServletRequestWrapper(request) {
			@Override
			public String getHeader(String name) {
				return "Authorization".equalsIgnoreCase(name) ? bearer : super.getHeader(name);
			}

			@Override
			public Enumeration<String> getHeaders(String name) {
				return "Authorization".equalsIgnoreCase(name) ? Collections.enumeration(java.util.List.of(bearer))
						: super.getHeaders(name);
			}
		}, response);
	}
}
