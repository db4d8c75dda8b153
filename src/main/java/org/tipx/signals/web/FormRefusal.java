package org.tipx.signals.web;

import java.util.Arrays;

import org.springframework.validation.BindingResult;
import org.tipx.shared.ConflictException;
import org.tipx.shared.ForbiddenException;
import org.tipx.shared.InvalidInputException;
import org.tipx.shared.NotFoundException;

/**
 * Puts the signal exchange's refusal of a page form onto that form: a field's reason beside the field (message
 * {@code <form>.<field>.rejected}, with the service's English text as fallback), anything else above the form.
 */
final class FormRefusal {

	private FormRefusal() {
	}

	static void showOn(BindingResult form, String formKey, RuntimeException refusal) {
		if (refusal instanceof InvalidInputException invalid) {
			invalid.errors().forEach(error -> reject(form, formKey, error.field(), error.message()));
		}
		else if (refusal instanceof ConflictException conflict) {
			reject(form, formKey, conflict.field(), conflict.getMessage());
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

	/** The service's own reason is shown as is: it names the value and the rule, which a fixed message cannot. */
	private static void reject(BindingResult form, String formKey, String field, String english) {
		String code = formKey + "." + field + ".rejected";
		if (isField(form, field)) {
			form.rejectValue(field, code, new Object[] { english }, english);
		}
		else {
			form.reject(code, new Object[] { english }, english);
		}
	}

	private static boolean isField(BindingResult form, String field) {
		Object target = form.getTarget();
		return field != null && target != null && target.getClass().isRecord()
				&& Arrays.stream(target.getClass().getRecordComponents()).anyMatch(c -> c.getName().equals(field));
	}
}
