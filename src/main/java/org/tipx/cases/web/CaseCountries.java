package org.tipx.cases.web;

import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;
import org.tipx.shared.Countries;

/**
 * Country codes of a case as the page's reader reads them: each country by its name in the page language. Templates
 * call it as {@code @caseCountries}.
 */
@Component("caseCountries")
class CaseCountries {

	/** One country's name, or "" for none. */
	public String name(String code) {
		return Countries.name(code, locale());
	}

	/** Several countries' names, comma separated, in the order given. */
	public String names(List<String> codes) {
		return codes == null ? "" : codes.stream().map(this::name).collect(Collectors.joining(", "));
	}

	private static Locale locale() {
		return LocaleContextHolder.getLocale();
	}
}
