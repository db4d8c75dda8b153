package org.tipx.screening.web;

import java.io.IOException;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.tipx.shared.NotFoundException;

/**
 * On the screening pages, a screening, letter, notice or draft the officer may not see answers the 404 page, whether
 * it is another organisation's, does not exist or its id is not even well formed: the same answer each time, so the
 * page confirms nothing about other organisations' screenings (the API answers 404 in the same cases).
 */
@ControllerAdvice(assignableTypes = { ScreeningResultPage.class, NoticesPage.class, InterviewPages.class })
class ScreeningPageErrors {

	@ExceptionHandler({ NotFoundException.class, MethodArgumentTypeMismatchException.class })
	void notFound(HttpServletResponse response) throws IOException {
		response.sendError(HttpStatus.NOT_FOUND.value());
	}
}
