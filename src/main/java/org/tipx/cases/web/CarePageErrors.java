package org.tipx.cases.web;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.tipx.shared.ConflictException;
import org.tipx.shared.ForbiddenException;
import org.tipx.shared.InvalidInputException;
import org.tipx.shared.NotFoundException;

/**
 * On the care pages, a case the person may not see answers the 404 page (the API answers 404 in the same cases). A
 * refused form goes back to its page, which lists what was wrong; nothing was stored.
 */
@ControllerAdvice(assignableTypes = { AssessmentPage.class, PlanPage.class, VisitsPage.class, MeasuresPage.class,
		ClosurePage.class, TasksPage.class })
class CarePageErrors {

	/** The flash attribute holding what was wrong with the last form, as "field: reason" lines. */
	static final String PROBLEMS = "problems";

	/** The flash attribute holding what the refused form said, so the page shows it again to be corrected. */
	static final String FORM = "form";

	private static final Pattern PAGE = Pattern
			.compile("^(/cases/[0-9a-fA-F-]{36}/(assessment|plans/[a-z]+|visits|measures|close)|/tasks)");

	@ExceptionHandler({ NotFoundException.class, MethodArgumentTypeMismatchException.class })
	void notFound(HttpServletResponse response) throws IOException {
		response.sendError(HttpStatus.NOT_FOUND.value());
	}

	@ExceptionHandler(InvalidInputException.class)
	String invalid(InvalidInputException e, HttpServletRequest request, RedirectAttributes redirect) {
		List<String> problems = new ArrayList<>();
		e.errors().forEach(error -> problems.add(error.field() + ": " + error.message()));
		return back(problems, request, redirect);
	}

	@ExceptionHandler(ConflictException.class)
	String conflict(ConflictException e, HttpServletRequest request, RedirectAttributes redirect) {
		return back(List.of(e.field() + ": " + e.getMessage()), request, redirect);
	}

	@ExceptionHandler(ForbiddenException.class)
	void forbidden(HttpServletResponse response) throws IOException {
		response.sendError(HttpStatus.FORBIDDEN.value());
	}

	private static String back(List<String> problems, HttpServletRequest request, RedirectAttributes redirect) {
		redirect.addFlashAttribute(PROBLEMS, problems);
		HashMap<String, String> form = new HashMap<>();
		request.getParameterMap().forEach((name, values) -> {
			if (!"_csrf".equals(name) && values.length > 0) {
				form.put(name, values[0]);
			}
		});
		redirect.addFlashAttribute(FORM, form);
		Matcher page = PAGE.matcher(request.getRequestURI().substring(request.getContextPath().length()));
		return "redirect:" + (page.find() ? page.group(1) : "/tasks");
	}
}
