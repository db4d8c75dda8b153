package org.tipx.platform.web;

import java.util.List;
import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.MessageSource;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.support.RequestContextUtils;
import org.springframework.web.util.UriComponentsBuilder;
import org.tipx.platform.HomeTask;
import org.tipx.shared.Actor;

/**
 * Gives every rendered page what the layout needs: who is signed in, their navigation, the language switcher, and
 * whether the page language is a draft translation.
 */
class PageShell implements HandlerInterceptor {

	static final String ATTRIBUTE = "shell";

	private final TaskCatalogue catalogue;

	private final MessageSource messages;

	PageShell(TaskCatalogue catalogue, MessageSource messages) {
		this.catalogue = catalogue;
		this.messages = messages;
	}

	@Override
	public void postHandle(HttpServletRequest request, HttpServletResponse response, Object handler,
			ModelAndView page) {
		if (page == null || page.getViewName() == null || page.getViewName().startsWith("redirect:")
				|| page.getViewName().startsWith("forward:")) {
			return;
		}
		Locale locale = RequestContextUtils.getLocale(request);
		List<String> roles = TaskCatalogue.currentRoles();
		String path = request.getRequestURI().substring(request.getContextPath().length());
		List<Link> navigation = catalogue.navigation(roles).stream()
				.map(task -> new Link(task.key(), task.path(), path.equals(task.path()))).toList();
		List<Language> languages = Languages.SPOKEN.stream()
				.map(l -> new Language(l.toLanguageTag(), switchTo(request, l),
						l.getLanguage().equals(locale.getLanguage())))
				.toList();
		String user = Actor.current().map(Actor::name).orElse(null);
		page.addObject(ATTRIBUTE, new Shell(user, navigation, languages,
				"/".equals(path), Languages.isDraft(messages, locale)));
	}

	/** The current page again, in another language; other query parameters are kept. */
	private static String switchTo(HttpServletRequest request, Locale language) {
		return UriComponentsBuilder.fromPath(request.getRequestURI()).query(request.getQueryString())
				.replaceQueryParam(Languages.PARAMETER, language.toLanguageTag()).build().toUriString();
	}

	/**
	 * What the layout shows around every page.
	 *
	 * @param user       the signed-in person's name, or null
	 * @param navigation the pages they may open
	 * @param languages  the language switcher
	 * @param home       whether this is the home page
	 * @param draft      whether the page language is a draft translation awaiting review
	 */
	record Shell(String user, List<Link> navigation, List<Language> languages, boolean home, boolean draft) {
	}

	/** A navigation entry; {@code current} marks the page being shown. */
	record Link(String key, String path, boolean current) {
	}

	/** A language in the switcher, with the link that switches to it. */
	record Language(String tag, String href, boolean current) {
	}
}
