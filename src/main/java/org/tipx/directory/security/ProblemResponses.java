package org.tipx.directory.security;

import java.io.IOException;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import tools.jackson.databind.json.JsonMapper;

/**
 * 401 and 403 answered by the security filters as RFC 9457 problem details, like every other API error.
 */
final class ProblemResponses {

	private ProblemResponses() {
	}

	static AuthenticationEntryPoint unauthorized(JsonMapper json) {
		return (request, response, exception) -> write(json, response, HttpStatus.UNAUTHORIZED,
				"A valid bearer token is required: POST /api/v1/auth/token, then send 'Authorization: Bearer <token>'");
	}

	static AccessDeniedHandler forbidden(JsonMapper json) {
		return (request, response, exception) -> {
			write(json, response, HttpStatus.FORBIDDEN, "Your account may not do this");
		};
	}

	static void write(JsonMapper json, HttpServletResponse response, HttpStatus status, String detail)
			throws IOException {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
		response.setStatus(status.value());
		response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
		if (status == HttpStatus.UNAUTHORIZED) {
			response.setHeader("WWW-Authenticate", "Bearer realm=\"tipx\"");
		}
		json.writeValue(response.getOutputStream(), problem);
	}
}
