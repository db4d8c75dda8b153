package org.tipx.directory.security;

import java.io.IOException;
import java.io.PrintWriter;

import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;

import org.tipx.audit.AuditTrail;
import org.tipx.shared.UnavailableException;

/**
 * A response that lets no byte out before an audit entry of its request is committed: the entry is queued when the
 * request starts and committed while the request is handled (usually in the same group as the handler's own entry),
 * and the first call that could send anything (the body's stream or writer, a flush, an error, a redirect) waits for
 * it. If the entry cannot be committed, that call throws {@link UnavailableException} (a 503 problem) and nothing of
 * the answer is sent.
 */
final class AuditedResponse extends HttpServletResponseWrapper {

	private final AuditTrail.Pending entry;

	/** Null until awaited; then whether the entry was committed. */
	private Boolean committed;

	AuditedResponse(HttpServletResponse response, AuditTrail.Pending entry) {
		super(response);
		this.entry = entry;
	}

	/**
	 * Waits for the entry the first time, and throws if it could not be committed. Later calls return at once: after a
	 * failure the answer was refused by the first call's exception, and what is written next is the error that
	 * exception becomes.
	 */
	void awaitEntry() {
		if (committed != null) {
			return;
		}
		try {
			entry.await();
			committed = true;
		}
		catch (UnavailableException e) {
			committed = false;
			throw e;
		}
	}

	/** Whether the entry is known not to have been committed. */
	boolean refused() {
		return Boolean.FALSE.equals(committed);
	}

	@Override
	public ServletOutputStream getOutputStream() throws IOException {
		awaitEntry();
		return super.getOutputStream();
	}

	@Override
	public PrintWriter getWriter() throws IOException {
		awaitEntry();
		return super.getWriter();
	}

	@Override
	public void flushBuffer() throws IOException {
		awaitEntry();
		super.flushBuffer();
	}

	@Override
	public void sendError(int sc, String msg) throws IOException {
		awaitEntry();
		super.sendError(sc, msg);
	}

	@Override
	public void sendError(int sc) throws IOException {
		awaitEntry();
		super.sendError(sc);
	}

	@Override
	public void sendRedirect(String location) throws IOException {
		awaitEntry();
		super.sendRedirect(location);
	}

	@Override
	public void sendRedirect(String location, int sc, boolean clearBuffer) throws IOException {
		awaitEntry();
		super.sendRedirect(location, sc, clearBuffer);
	}
}
