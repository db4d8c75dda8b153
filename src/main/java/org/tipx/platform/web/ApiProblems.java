package org.tipx.platform.web;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import org.tipx.shared.Actor;
import org.tipx.shared.ConflictException;
import org.tipx.shared.ForbiddenException;
import org.tipx.shared.InvalidInputException;
import org.tipx.shared.NotFoundException;
import org.tipx.shared.RateLimitedException;
import org.tipx.shared.UnavailableException;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;

/**
 * Turns every API error into an RFC 9457 problem detail with {@code title}, {@code status}, {@code detail} and, for
 * input errors, {@code errors: [{field, message}]}. Never a stack trace.
 */
@RestControllerAdvice(annotations = RestController.class)
class ApiProblems extends ResponseEntityExceptionHandler {

	private static final Logger log = LoggerFactory.getLogger(ApiProblems.class);

	@ExceptionHandler(InvalidInputException.class)
	ResponseEntity<ProblemDetail> invalid(InvalidInputException e) {
		return fieldProblem(HttpStatus.BAD_REQUEST, "Invalid request", e.errors());
	}

	@ExceptionHandler(NotFoundException.class)
	ResponseEntity<ProblemDetail> notFound(NotFoundException e) {
		return problem(HttpStatus.NOT_FOUND, "Not found", e.getMessage());
	}

	@ExceptionHandler(ConflictException.class)
	ResponseEntity<ProblemDetail> conflict(ConflictException e) {
		return fieldProblem(HttpStatus.CONFLICT, "Conflict",
				List.of(new InvalidInputException.FieldError(e.field(), e.getMessage())));
	}

	@ExceptionHandler(DuplicateKeyException.class)
	ResponseEntity<ProblemDetail> duplicate(DuplicateKeyException e) {
		return problem(HttpStatus.CONFLICT, "Conflict", "This already exists");
	}

	@ExceptionHandler(ForbiddenException.class)
	ResponseEntity<ProblemDetail> forbidden(ForbiddenException e) {
		return problem(HttpStatus.FORBIDDEN, "Forbidden", e.getMessage());
	}

	@ExceptionHandler(AccessDeniedException.class)
	ResponseEntity<ProblemDetail> denied(AccessDeniedException e) {
		return problem(HttpStatus.FORBIDDEN, "Forbidden", Actor.mustChangePassword()
				? "Your password was reset by an administrator: change it first (POST /api/v1/me/password)"
				: "Your account may not do this");
	}

	@ExceptionHandler(RateLimitedException.class)
	ResponseEntity<ProblemDetail> rateLimited(RateLimitedException e) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.TOO_MANY_REQUESTS, e.getMessage());
		problem.setTitle("Too many requests");
		return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS)
				.header(HttpHeaders.RETRY_AFTER, String.valueOf(Math.max(1, e.retryAfter().toSeconds())))
				.body(problem);
	}

	@ExceptionHandler(UnavailableException.class)
	ResponseEntity<ProblemDetail> unavailable(UnavailableException e) {
		log.warn("Answered 503: {}", e.getMessage());
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE, e.getMessage());
		problem.setTitle("Service unavailable");
		return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
				.header(HttpHeaders.RETRY_AFTER, String.valueOf(Math.max(1, e.retryAfter().toSeconds())))
				.body(problem);
	}

	@ExceptionHandler(MethodArgumentTypeMismatchException.class)
	ResponseEntity<ProblemDetail> typeMismatch(MethodArgumentTypeMismatchException e) {
		return fieldProblem(HttpStatus.BAD_REQUEST, "Invalid request", List.of(new InvalidInputException.FieldError(
				e.getName(), "'" + e.getValue() + "' is not a valid " + simpleType(e.getRequiredType()))));
	}

	@ExceptionHandler(Exception.class)
	ResponseEntity<ProblemDetail> unexpected(Exception e) {
		log.error("Unexpected error", e);
		return problem(HttpStatus.INTERNAL_SERVER_ERROR, "Internal error",
				"Something went wrong on our side; nothing was changed. The error is logged.");
	}

	@Override
	protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException e,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		Throwable cause = e.getMostSpecificCause();
		if (!(cause instanceof JacksonException) && !(cause instanceof StrictUtf8.NotUtf8)) {
			// a value Jackson handed to another parser (a date, a number) fails below Jackson: name the field anyway
			cause = withPath(e).orElse(cause);
		}
		List<InvalidInputException.FieldError> errors = new ArrayList<>();
		String detail = "The request body is not valid JSON for this call";
		if (cause instanceof TextLimits.RefusedText refused) {
			errors.add(new InvalidInputException.FieldError(path(refused), refused.reason()));
			detail = path(refused) + ": " + refused.reason();
		}
		else if (cause instanceof StrictUtf8.NotUtf8 notUtf8) {
			detail = "The request body is not valid UTF-8 (" + notUtf8.getMessage() + ")";
		}
		else if (cause instanceof UnrecognizedPropertyException unknown) {
			errors.add(new InvalidInputException.FieldError(path(unknown), "is not a known field"));
			detail = "Unknown field '" + unknown.getPropertyName() + "'";
		}
		else if (cause instanceof JacksonException jackson && !jackson.getPath().isEmpty()) {
			errors.add(new InvalidInputException.FieldError(path(jackson), "has the wrong type or format"));
			detail = "Field '" + path(jackson) + "' has the wrong type or format";
		}
		else if (cause instanceof JacksonException) {
			detail = "The request body is malformed JSON";
		}
		else if (e.getMessage() != null && e.getMessage().startsWith("Required request body is missing")) {
			detail = "A JSON request body is required";
		}
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, detail);
		problem.setTitle("Invalid request");
		if (!errors.isEmpty()) {
			problem.setProperty("errors", errors.stream()
					.map(f -> Map.of("field", f.field(), "message", f.message())).toList());
		}
		return ResponseEntity.badRequest().body(problem);
	}

	@Override
	protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException e,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		List<InvalidInputException.FieldError> errors = e.getBindingResult().getFieldErrors().stream()
				.map(f -> new InvalidInputException.FieldError(f.getField(), f.getDefaultMessage())).toList();
		return ResponseEntity.badRequest().body(fieldProblem(HttpStatus.BAD_REQUEST, "Invalid request", errors).getBody());
	}

	/** The outermost Jackson error in the cause chain that knows which field it was reading. */
	private static java.util.Optional<Throwable> withPath(Throwable e) {
		for (Throwable at = e; at != null && at.getCause() != at; at = at.getCause()) {
			if (at instanceof JacksonException jackson && !jackson.getPath().isEmpty()) {
				return java.util.Optional.of(at);
			}
		}
		return java.util.Optional.empty();
	}

	private static String path(JacksonException e) {
		StringBuilder path = new StringBuilder();
		for (JacksonException.Reference reference : e.getPath()) {
			if (reference.getPropertyName() != null) {
				if (!path.isEmpty()) {
					path.append('.');
				}
				path.append(reference.getPropertyName());
			}
			else if (reference.getIndex() >= 0) {
				path.append('[').append(reference.getIndex()).append(']');
			}
		}
		return path.toString();
	}

	private static String simpleType(Class<?> type) {
		return type == null ? "value" : type.getSimpleName();
	}

	private static ResponseEntity<ProblemDetail> fieldProblem(HttpStatus status, String title,
			List<InvalidInputException.FieldError> errors) {
		String detail = errors.isEmpty() ? title
				: errors.stream().map(f -> f.field() + ": " + f.message()).reduce((a, b) -> a + "; " + b).orElseThrow();
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
		problem.setTitle(title);
		problem.setProperty("errors",
				errors.stream().map(f -> Map.of("field", f.field(), "message", f.message())).toList());
		return ResponseEntity.status(status).body(problem);
	}

	private static ResponseEntity<ProblemDetail> problem(HttpStatus status, String title, String detail) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
		problem.setTitle(title);
		problem.setType(URI.create("about:blank"));
		return ResponseEntity.status(status).body(problem);
	}
}
