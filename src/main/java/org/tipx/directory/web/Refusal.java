package org.tipx.directory.web;

import java.util.Arrays;

import org.springframework.validation.BindingResult;
import org.tipx.shared.ConflictException;
import org.tipx.shared.ForbiddenException;
import org.tipx.shared.InvalidInputException;
import org.tipx.shared.NotFoundException;

/**
 * Puts the directory's refusal of a form onto that form, in the page's language: a field's reason beside the field
 * (message {@code <form>.<field>.rejected} or {@code .taken}), anything else above the form. The directory's own
 * English text is the fallback should a key be missing.
 */
final class Refusal {

	private Refusal() {
	}

	/**
	 * @param arguments values for the field messages' placeholders (e.g. the minimum password length)
	 */
	static void showOn(BindingResult form, String formKey, RuntimeException refusal, Object... arguments) {
		if (refusal instanceof InvalidInputException invalid) {
			invalid.errors().forEach(error -> reject(form, formKey, error.field(), "rejected", error.message(),
					arguments));
		}
		else if (refusal instanceof ConflictException conflict) {
			reject(form, formKey, conflict.field(), "taken", conflict.getMessage(), arguments);
		}
		else if (refusal instanceof ForbiddenException) {
			form.reject("error.forbidden", refusal.getMessage());
		}
		else if (refusal instanceof NotFoundException) {
			form.reject("error.notFound", refusal.getMessage());
		}
		else {
			throw refusal;
		}
	}

	private static void reject(BindingResult form, String formKey, String field, String kind, String english,
			Object[] arguments) {
		String code = formKey + "." + field + "." + kind;
		if (isField(form, field)) {
			form.rejectValue(field, code, arguments, english);
		}
		else {
			form.reject(code, arguments, english);
		}
	}

	private static boolean isField(BindingResult form, String field) {
		Object target = form.getTarget();
		return field != null && target != null && target.getClass().isRecord()
				&& Arrays.stream(target.getClass().getRecordComponents()).anyMatch(c -> c.getName().equals(field));
	}
}
