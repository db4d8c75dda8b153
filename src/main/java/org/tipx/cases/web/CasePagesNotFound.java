package org.tipx.cases.web;

import java.io.IOException;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.tipx.shared.ForbiddenException;
import org.tipx.shared.NotFoundException;

/**
 * On the case and referral pages, a case or referral the caller may not see answers the 404 page: the same page
 * whether it belongs to another organisation, never existed or its id is not even well formed, so no page confirms
 * that a case exists. A refused step on a case the caller does see answers 403.
 */
@ControllerAdvice(assignableTypes = { CaseListPage.class, NewCasePage.class, CasePage.class, BreakGlassPage.class,
		ReferralsPage.class })
class CasePagesNotFound {

	@ExceptionHandler({ NotFoundException.class, MethodArgumentTypeMismatchException.class })
	void notFound(HttpServletResponse response) throws IOException {
		response.sendError(HttpStatus.NOT_FOUND.value());
	}

	@ExceptionHandler(ForbiddenException.class)
	void forbidden(HttpServletResponse response) throws IOException {
		response.sendError(HttpStatus.FORBIDDEN.value());
	}
}
