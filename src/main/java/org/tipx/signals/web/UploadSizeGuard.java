package org.tipx.signals.web;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.Part;

import org.springframework.util.MultiValueMap;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.UriComponentsBuilder;
import org.springframework.web.util.UriUtils;

/**
 * Keeps an upload to the import page that is larger than the server's multipart limit from being parsed at all, so
 * that the page, not a blank error, answers it: the request goes on without its body and marked
 * {@link #TOO_LARGE}, and {@link ImportsPage} shows the limit with 413. The upload form carries its CSRF token in
 * the query string as well, so the token still reaches the CSRF check.
 */
class UploadSizeGuard extends OncePerRequestFilter {

	/** Request attribute holding the multipart limit in bytes when an upload was over it. */
	static final String TOO_LARGE = UploadSizeGuard.class.getName() + ".limit";

	static final String PATH = "/signals/imports";

	private final long limit;

	UploadSizeGuard(long limit) {
		this.limit = limit;
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		String path = request.getRequestURI().substring(request.getContextPath().length());
		String type = request.getContentType();
		return limit < 0 || !"POST".equals(request.getMethod()) || !PATH.equals(path) || type == null
				|| !type.toLowerCase(Locale.ROOT).startsWith("multipart/");
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		if (request.getContentLengthLong() <= limit) {
			chain.doFilter(request, response);
			return;
		}
		request.setAttribute(TOO_LARGE, limit);
		chain.doFilter(new WithoutBody(request), response);
	}

	/** The request as if it had no body: only its query parameters are parameters. */
	private static final class WithoutBody extends HttpServletRequestWrapper {

		private final Map<String, String[]> parameters = new LinkedHashMap<>();

		WithoutBody(HttpServletRequest request) {
			super(request);
			if (request.getQueryString() != null) {
				MultiValueMap<String, String> query = UriComponentsBuilder.newInstance()
						.query(request.getQueryString()).build().getQueryParams();
				query.forEach((name, values) -> parameters.put(decode(name),
						values.stream().map(v -> v == null ? "" : decode(v)).toArray(String[]::new)));
			}
		}

		private static String decode(String text) {
			return UriUtils.decode(text.replace('+', ' '), StandardCharsets.UTF_8);
		}

		@Override
		public String getContentType() {
			return null;
		}

		@Override
		public int getContentLength() {
			return 0;
		}

		@Override
		public long getContentLengthLong() {
			return 0;
		}

		@Override
		public ServletInputStream getInputStream() {
			ByteArrayInputStream empty = new ByteArrayInputStream(new byte[0]);
			return new ServletInputStream() {

				@Override
				public int read() {
					return empty.read();
				}

				@Override
				public boolean isFinished() {
					return true;
				}

				@Override
				public boolean isReady() {
					return true;
				}

				@Override
				public void setReadListener(ReadListener listener) {
					throw new IllegalStateException("not asynchronous");
				}
			};
		}

		@Override
		public String getParameter(String name) {
			String[] values = parameters.get(name);
			return values == null || values.length == 0 ? null : values[0];
		}

		@Override
		public Map<String, String[]> getParameterMap() {
			return Collections.unmodifiableMap(parameters);
		}

		@Override
		public Enumeration<String> getParameterNames() {
			return Collections.enumeration(List.copyOf(parameters.keySet()));
		}

		@Override
		public String[] getParameterValues(String name) {
			return parameters.get(name);
		}

		@Override
		public Part getPart(String name) {
			return null;
		}

		@Override
		public Collection<Part> getParts() {
			return List.of();
		}
	}
}
