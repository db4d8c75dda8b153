package org.tipx.platform.web;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.MediaType;
import org.springframework.util.unit.DataSize;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Caps JSON request bodies ({@code tipx.api.max-json-size}, default 1 MB): a declared larger body is refused with 413
 * before it is read, and a chunked body is cut off when it passes the limit, so a careless or hostile client cannot
 * make tipx buffer hundreds of megabytes. Bulk data has its own streaming endpoints with their own limits. The body
 * must also be strict UTF-8 ({@link StrictUtf8}, as RFC 8259 requires of JSON); other bytes stop the reading with
 * {@link StrictUtf8.NotUtf8}, which {@link ApiProblems} answers with 400.
 */
class JsonBodyLimit extends OncePerRequestFilter {

	private final long limit;

	JsonBodyLimit(DataSize limit) {
		this.limit = limit.toBytes();
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		String type = request.getContentType();
		return type == null || !MediaType.APPLICATION_JSON.isCompatibleWith(parse(type));
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		if (request.getContentLengthLong() > limit) {
			tooLarge(response);
			return;
		}
		LimitedRequest limited = new LimitedRequest(request, limit);
		try {
			chain.doFilter(limited, response);
		}
		catch (ServletException | IOException | RuntimeException e) {
			if (limited.exceeded && !response.isCommitted()) {
				response.resetBuffer();
				tooLarge(response);
				return;
			}
			throw e;
		}
		if (limited.exceeded && !response.isCommitted()) {
			response.resetBuffer();
			tooLarge(response);
		}
	}

	private void tooLarge(HttpServletResponse response) throws IOException {
		response.setStatus(HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE);
		response.setContentType("application/problem+json");
		response.getWriter().write("{\"type\":\"about:blank\",\"title\":\"Request too large\",\"status\":413,"
				+ "\"detail\":\"A JSON request body may be at most " + limit + " bytes\"}");
	}

	private static MediaType parse(String type) {
		try {
			return MediaType.parseMediaType(type);
		}
		catch (IllegalArgumentException e) {
			return MediaType.APPLICATION_OCTET_STREAM;
		}
	}

	/** A request whose body stops with an error once it passes the limit. */
	private static final class LimitedRequest extends HttpServletRequestWrapper {

		private final long limit;

		private boolean exceeded;

		private ServletInputStream stream;

		LimitedRequest(HttpServletRequest request, long limit) {
			super(request);
			this.limit = limit;
		}

		@Override
		public ServletInputStream getInputStream() throws IOException {
			if (stream == null) {
				stream = new Limited(super.getInputStream());
			}
			return stream;
		}

		private final class Limited extends ServletInputStream {

			private final ServletInputStream in;

			private long read;

			private final StrictUtf8 utf8 = new StrictUtf8();

			Limited(ServletInputStream in) {
				this.in = in;
			}

			@Override
			public int read() throws IOException {
				int b = in.read();
				if (b >= 0) {
					count(1);
					utf8.accept(b);
				}
				else {
					utf8.end();
				}
				return b;
			}

			@Override
			public int read(byte[] buffer, int offset, int length) throws IOException {
				int n = in.read(buffer, offset, length);
				if (n > 0) {
					count(n);
					utf8.accept(buffer, offset, n);
				}
				else if (n < 0) {
					utf8.end();
				}
				return n;
			}

			private void count(int n) throws IOException {
				read += n;
				if (read > limit) {
					exceeded = true;
					throw new IOException("JSON request body over " + limit + " bytes");
				}
			}

			@Override
			public boolean isFinished() {
				return in.isFinished();
			}

			@Override
			public boolean isReady() {
				return in.isReady();
			}

			@Override
			public void setReadListener(ReadListener listener) {
				in.setReadListener(listener);
			}
		}
	}
}
