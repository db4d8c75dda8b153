package org.tipx.platform.web;

import java.time.Duration;
import java.util.List;
import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.MessageSource;
import org.springframework.web.servlet.i18n.CookieLocaleResolver;

/**
 * The languages tipx speaks, and the page language: chosen with {@code ?lang=}, kept in a cookie, otherwise taken
 * from the browser among the languages spoken, else English. A language tipx does not speak is never chosen, so the
 * {@code lang} of a page always matches its text.
 */
class Languages extends CookieLocaleResolver {

	static final List<Locale> SPOKEN = List.of(Locale.ENGLISH, Locale.forLanguageTag("id"));

	static final String PARAMETER = "lang";

	static final String COOKIE = "TIPX_LANG";

	/** A bundle whose {@code bundle.status} is {@code draft} is a translation still awaiting a native speaker's review. */
	private static final String DRAFT = "draft";

	Languages(boolean secureCookie) {
		super(COOKIE);
		setDefaultLocaleFunction(request -> spoken(request.getLocale()));
		setCookieMaxAge(Duration.ofDays(365));
		setCookieHttpOnly(true);
		setCookieSecure(secureCookie);
		setCookieSameSite("Lax");
	}

	@Override
	public Locale resolveLocale(HttpServletRequest request) {
		return spoken(super.resolveLocale(request));
	}

	@Override
	public void setLocale(HttpServletRequest request, HttpServletResponse response, Locale locale) {
		super.setLocale(request, response, locale == null ? null : spoken(locale));
	}

	static boolean isDraft(MessageSource messages, Locale locale) {
		return DRAFT.equals(messages.getMessage("bundle.status", null, "", locale));
	}

	private static Locale spoken(Locale requested) {
		if (requested == null) {
			return Locale.ENGLISH;
		}
		return SPOKEN.stream().filter(l -> l.getLanguage().equals(requested.getLanguage())).findFirst()
				.orElse(Locale.ENGLISH);
	}
}
