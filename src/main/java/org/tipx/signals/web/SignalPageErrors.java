package org.tipx.signals.web;

import java.io.IOException;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.tipx.shared.ForbiddenException;
import org.tipx.shared.NotFoundException;

/**
 * On the signal work pages, something the caller may not see answers the error page with 404, whether or not it
 * exists, and a refused action 403; never a stack trace.
 */
@ControllerAdvice(assignableTypes = { LookupPage.class, AlertsPage.class, WebhookPage.class, WarningListPage.class,
		ImportsPage.class })
class SignalPageErrors {

	@ExceptionHandler(NotFoundException.class)
	void notFound(HttpServletResponse response) throws IOException {
		response.sendError(HttpStatus.NOT_FOUND.value());
	}

	@ExceptionHandler(ForbiddenException.class)
	void forbidden(HttpServletResponse response) throws IOException {
		response.sendError(HttpStatus.FORBIDDEN.value());
	}
}
