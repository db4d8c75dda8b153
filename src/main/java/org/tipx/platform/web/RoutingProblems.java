package org.tipx.platform.web;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * Problem details for API requests refused before any controller is chosen: a path that does not exist (404), a
 * method the path does not take (405) or a body type it does not read (415). {@link ApiProblems} only advises API controllers, and when routing fails
 * there is no controller yet, so without this the client would get Spring's default error body instead of RFC 9457.
 * Requests for pages are left to the error page.
 */
@RestControllerAdvice
@Order(Ordered.LOWEST_PRECEDENCE)
class RoutingProblems {

	@ExceptionHandler(HttpMediaTypeNotSupportedException.class)
	ResponseEntity<ProblemDetail> unsupportedType(HttpMediaTypeNotSupportedException e, HttpServletRequest request)
			throws HttpMediaTypeNotSupportedException {
		if (!isApi(request)) {
			throw e;
		}
		String accepted = e.getSupportedMediaTypes().stream().map(MediaType::toString)
				.collect(Collectors.joining(", "));
		String sent = e.getContentType() == null ? "no Content-Type" : "Content-Type " + e.getContentType();
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNSUPPORTED_MEDIA_TYPE,
				"This call does not read " + sent + (accepted.isEmpty() ? "" : "; send one of: " + accepted));
		problem.setTitle("Unsupported media type");
		problem.setProperty("errors", List.of(Map.of("field", "Content-Type", "message",
				accepted.isEmpty() ? "is not accepted" : "must be one of " + accepted)));
		ResponseEntity.BodyBuilder response = ResponseEntity.status(HttpStatus.UNSUPPORTED_MEDIA_TYPE);
		if (!e.getSupportedMediaTypes().isEmpty()) {
			response.header(HttpHeaders.ACCEPT, accepted);
		}
		return response.body(problem);
	}

	@ExceptionHandler(HttpRequestMethodNotSupportedException.class)
	ResponseEntity<ProblemDetail> unsupportedMethod(HttpRequestMethodNotSupportedException e,
			HttpServletRequest request) throws HttpRequestMethodNotSupportedException {
		if (!isApi(request)) {
			throw e;
		}
		String allowed = e.getSupportedHttpMethods() == null ? ""
				: e.getSupportedHttpMethods().stream().map(Object::toString).collect(Collectors.joining(", "));
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.METHOD_NOT_ALLOWED,
				"This path does not take " + e.getMethod() + (allowed.isEmpty() ? "" : "; it takes " + allowed));
		problem.setTitle("Method not allowed");
		ResponseEntity.BodyBuilder response = ResponseEntity.status(HttpStatus.METHOD_NOT_ALLOWED);
		if (!allowed.isEmpty()) {
			response.header(HttpHeaders.ALLOW, allowed);
		}
		return response.body(problem);
	}

	/**
	 * No controller maps the path, so Spring looked for a static file of that name and found none. For the API that
	 * is a 404 problem like any other; a page path keeps the HTML error page.
	 */
	@ExceptionHandler(NoResourceFoundException.class)
	ResponseEntity<ProblemDetail> unknownPath(NoResourceFoundException e, HttpServletRequest request)
			throws NoResourceFoundException {
		if (!isApi(request)) {
			throw e;
		}
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND,
				"There is no API call at " + request.getMethod() + " " + apiPath(request)
						+ "; the list of calls is at /v3/api-docs");
		problem.setTitle("Not found");
		return ResponseEntity.status(HttpStatus.NOT_FOUND).contentType(MediaType.APPLICATION_PROBLEM_JSON)
				.body(problem);
	}

	private static String apiPath(HttpServletRequest request) {
		String path = request.getRequestURI().substring(request.getContextPath().length());
		// Only the characters a path is made of, so nothing odd a client sent is echoed back.
		return path.length() > 200 || !path.matches("[A-Za-z0-9/._~-]*") ? "this path" : path;
	}

	private static boolean isApi(HttpServletRequest request) {
		String path = request.getRequestURI().substring(request.getContextPath().length());
		return path.startsWith("/api/");
	}
}
