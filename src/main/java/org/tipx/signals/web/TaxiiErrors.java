package org.tipx.signals.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.server.ResponseStatusException;
import org.tipx.shared.ForbiddenException;
import org.tipx.shared.InvalidInputException;
import org.tipx.shared.NotFoundException;
import org.tipx.shared.UnavailableException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Errors of the TAXII server as TAXII 2.1 error messages ({@code title}, {@code description}, {@code http_status},
 * and for bad input {@code details.errors} naming each parameter), in the TAXII media type, in place of the problem
 * details the rest of the API answers with. Nothing else differs: the same cases give the same statuses.
 */
@RestControllerAdvice(assignableTypes = TaxiiController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class TaxiiErrors {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@ExceptionHandler(InvalidInputException.class)
	ResponseEntity<byte[]> invalid(InvalidInputException e) {
		List<Map<String, String>> errors = e.errors().stream()
				.map(f -> Map.of("field", f.field(), "message", f.message())).toList();
		return error(HttpStatus.BAD_REQUEST, "Invalid request", errors.stream()
				.map(f -> f.get("field") + ": " + f.get("message")).reduce((a, b) -> a + "; " + b).orElse(""),
				Map.of("errors", errors));
	}

	@ExceptionHandler(NotFoundException.class)
	ResponseEntity<byte[]> notFound(NotFoundException e) {
		return error(HttpStatus.NOT_FOUND, "Not found", e.getMessage(), null);
	}

	@ExceptionHandler({ ForbiddenException.class, AccessDeniedException.class })
	ResponseEntity<byte[]> forbidden(RuntimeException e) {
		return error(HttpStatus.FORBIDDEN, "Forbidden", e instanceof ForbiddenException ? e.getMessage()
				: "This token may not do this (reading needs signals:read, adding objects signals:write)", null);
	}

	@ExceptionHandler(UnavailableException.class)
	ResponseEntity<byte[]> unavailable(UnavailableException e) {
		ResponseEntity<byte[]> answer = error(HttpStatus.SERVICE_UNAVAILABLE, "Unavailable", e.getMessage(), null);
		return ResponseEntity.status(answer.getStatusCode()).headers(answer.getHeaders())
				.header(HttpHeaders.RETRY_AFTER, String.valueOf(e.retryAfter().toSeconds())).body(answer.getBody());
	}

	@ExceptionHandler(ResponseStatusException.class)
	ResponseEntity<byte[]> status(ResponseStatusException e) {
		return error(e.getStatusCode(), "Refused", e.getReason(), null);
	}

	private static ResponseEntity<byte[]> error(HttpStatusCode status, String title, String description,
			Map<String, Object> details) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("title", title);
		if (description != null) {
			body.put("description", description);
		}
		body.put("http_status", String.valueOf(status.value()));
		if (details != null) {
			body.put("details", details);
		}
		return ResponseEntity.status(status).header(HttpHeaders.CONTENT_TYPE, TaxiiController.TAXII)
				.body(JSON.writeValueAsBytes(body));
	}
}
