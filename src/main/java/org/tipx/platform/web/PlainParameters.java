package org.tipx.platform.web;

import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses a request whose query or form parameters hold control characters or are longer than their field takes
 * (the limits of {@link TextLimits}) before anything reads them, so no page, login or API call meets them: the API answers 400 problem+json naming the
 * parameter, a page the 400 page naming it, and a login form goes back to the login page with its error. The
 * parameters of a multipart upload are not parsed here (an upload over the limit must not be parsed at all), only
 * its query string. One log line, without the value.
 */
class PlainParameters extends OncePerRequestFilter {

	/** Request attribute the error page reads: the name of the refused parameter. */
	static final String REFUSED = "tipxRefusedParameter";

	/** Request attribute the error page reads: the longest text the parameter takes, when it was too long. */
	static final String LIMIT = "tipxRefusedLimit";

	private static final Logger log = LoggerFactory.getLogger(PlainParameters.class);

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		Refused refused = firstRefused(request);
		if (refused == null) {
			chain.doFilter(request, response);
			return;
		}
		String path = request.getRequestURI().substring(request.getContextPath().length());
		log.info("Refused {} {}: parameter '{}' {}", request.getMethod(), path, printable(refused.name()),
				refused.reason());
		if (path.startsWith("/api/")) {
			response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
			response.setContentType("application/problem+json");
			response.setCharacterEncoding("UTF-8");
			String field = json(printable(refused.name()));
			response.getWriter().write("{\"type\":\"about:blank\",\"title\":\"Invalid request\",\"status\":400,"
					+ "\"detail\":\"" + field + ": " + refused.reason() + "\",\"errors\":[{\"field\":\"" + field
					+ "\",\"message\":\"" + refused.reason() + "\"}]}");
		}
		else if (path.equals("/login") && "POST".equals(request.getMethod())) {
			response.sendRedirect(request.getContextPath() + "/login?error");
		}
		else {
			request.setAttribute(REFUSED, printable(refused.name()));
			if (refused.tooLong()) {
				request.setAttribute(LIMIT, String.format("%,d", TextLimits.limitOf(refused.name())));
			}
			response.sendError(HttpServletResponse.SC_BAD_REQUEST);
		}
	}

	private static Refused firstRefused(HttpServletRequest request) {
		Map<String, String[]> parameters = isMultipart(request) ? queryParameters(request.getQueryString())
				: request.getParameterMap();
		for (Map.Entry<String, String[]> parameter : parameters.entrySet()) {
			int control = ControlCharacters.firstIn(parameter.getKey());
			if (control >= 0) {
				return new Refused(parameter.getKey(), "has a name that " + ControlCharacters.refusal(control), false);
			}
			for (String value : parameter.getValue()) {
				String refusal = value == null ? null : TextLimits.refusal(parameter.getKey(), value);
				if (refusal != null) {
					return new Refused(parameter.getKey(), refusal, ControlCharacters.firstIn(value) < 0);
				}
			}
		}
		return null;
	}

	private static boolean isMultipart(HttpServletRequest request) {
		String type = request.getContentType();
		return type != null && type.toLowerCase(Locale.ROOT).startsWith(MediaType.MULTIPART_FORM_DATA_VALUE);
	}

	private static Map<String, String[]> queryParameters(String query) {
		if (query == null || query.isEmpty()) {
			return Map.of();
		}
		Map<String, String[]> parameters = new LinkedHashMap<>();
		for (String pair : query.split("&")) {
			int equals = pair.indexOf('=');
			try {
				String name = URLDecoder.decode(equals < 0 ? pair : pair.substring(0, equals), StandardCharsets.UTF_8);
				String value = equals < 0 ? "" : URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8);
				List<String> values = new ArrayList<>(List.of(parameters.getOrDefault(name, new String[0])));
				values.add(value);
				parameters.put(name, values.toArray(String[]::new));
			}
			catch (IllegalArgumentException e) {
				// a malformed escape is left to the code that reads the parameter
			}
		}
		return parameters;
	}

	/** The name with control characters shown as U+XXXX, safe to log and to show. */
	private static String printable(String name) {
		StringBuilder out = new StringBuilder();
		name.chars().limit(100).forEach(c -> {
			if (c < 0x20) {
				out.append("U+%04X".formatted(c));
			}
			else {
				out.append((char) c);
			}
		});
		return out.toString();
	}

	private static String json(String text) {
		return text.replace("\\", "\\\\").replace("\"", "\\\"");
	}

	private record Refused(String name, String reason, boolean tooLong) {
	}
}
