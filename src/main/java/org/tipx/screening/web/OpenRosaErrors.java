package org.tipx.screening.web;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;

/**
 * A submission whose multipart body cannot be parsed fails before any controller is chosen, so
 * {@link OpenRosaController}'s own handlers never see it and the client would get Spring's JSON error. ODK Collect
 * shows only OpenRosa XML, so on the submission paths this answers in it; elsewhere the exception goes on to the
 * usual handling.
 */
@ControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class OpenRosaErrors {

	@ExceptionHandler(MultipartException.class)
	ResponseEntity<String> unreadable(MultipartException e, HttpServletRequest request) throws MultipartException {
		String path = request.getRequestURI().substring(request.getContextPath().length());
		if (!path.equals("/submission") && !(path.startsWith("/key/") && path.endsWith("/submission"))) {
			throw e;
		}
		if (e instanceof MaxUploadSizeExceededException) {
			return OpenRosaController.response(HttpStatus.PAYLOAD_TOO_LARGE, "error", "The submission is too large");
		}
		return OpenRosaController.response(HttpStatus.BAD_REQUEST, "error",
				"The submission is not readable multipart/form-data");
	}
}
