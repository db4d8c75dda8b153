package org.tipx.cases.web;

import java.util.Arrays;
import java.util.function.UnaryOperator;

import org.springframework.validation.BindingResult;
import org.tipx.shared.ConflictException;
import org.tipx.shared.InvalidInputException;

/**
 * Puts the cases module's refusal of a page form onto that form: each field's reason beside the field, in the page
 * language (message {@code cases.<form>.<field>.rejected}, the service's English text when the bundle has none), and
 * a conflict that names no field of the form above it ({@code cases.<form>.conflict.<field>}).
 */
final class CaseFormRefusal {

	private CaseFormRefusal() {
	}

	/**
	 * @param formKey the form's key in the bundle, e.g. {@code referral}
	 * @param fieldOf maps the service's field name (already without list indexes) to the form's
	 */
	static void showOn(BindingResult form, String formKey, RuntimeException refusal, UnaryOperator<String> fieldOf) {
		if (refusal instanceof InvalidInputException invalid) {
			invalid.errors().forEach(error -> reject(form, formKey, fieldOf.apply(plain(error.field())),
					error.message()));
		}
		else if (refusal instanceof ConflictException conflict) {
			String code = "cases." + formKey + ".conflict." + plain(conflict.field());
			form.reject(code, new Object[] { conflict.getMessage() }, conflict.getMessage());
		}
		else {
			throw refusal;
		}
	}

	/** {@code services[2]} is the field {@code services}. */
	static String plain(String field) {
		return field == null ? "" : field.replaceAll("\\[\\d+]", "");
	}

	private static void reject(BindingResult form, String formKey, String field, String english) {
		String code = "cases." + formKey + "." + field + ".rejected";
		if (isField(form, field)) {
			form.rejectValue(field, code, new Object[] { english }, english);
		}
		else {
			form.reject(code, new Object[] { english }, english);
		}
	}

	private static boolean isField(BindingResult form, String field) {
		Object target = form.getTarget();
		return target != null && target.getClass().isRecord()
				&& Arrays.stream(target.getClass().getRecordComponents()).anyMatch(c -> c.getName().equals(field));
	}
}
