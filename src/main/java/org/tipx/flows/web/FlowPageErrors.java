package org.tipx.flows.web;

import java.io.IOException;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;

import org.tipx.shared.ForbiddenException;

/**
 * On the flows pages, a person the flows module turns away (an analyst outside a financial intelligence unit) gets
 * the error page with 403, never a stack trace.
 */
@ControllerAdvice(assignableTypes = { FlowDataPages.class, TracePages.class })
class FlowPageErrors {

	@ExceptionHandler(ForbiddenException.class)
	void forbidden(HttpServletResponse response) throws IOException {
		response.sendError(HttpStatus.FORBIDDEN.value());
	}
}
