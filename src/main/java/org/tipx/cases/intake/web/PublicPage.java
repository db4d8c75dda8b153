package org.tipx.cases.intake.web;

import java.text.Collator;
import java.util.Comparator;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.View;
import org.springframework.web.servlet.ViewResolver;
import org.tipx.cases.intake.PublicReport;
import org.tipx.shared.Countries;

/**
 * Renders the public report pages in one of their nine languages, whatever the shell speaks: the page resolves its
 * template for the chosen language itself, so its {@code #{...}} texts come from that language's bundle
 * ({@code i18n/intake_<lang>.properties}; English where a text is missing). Every language but English is a machine
 * draft and says so, in that language and in English.
 */
@Component
class PublicPage {

	/** Each language's own name, as its speakers write it. */
	static final Map<String, String> ENDONYMS = endonyms();

	/**
	 * The countries the form offers, for nationality and for where the person is held: where people trafficked into
	 * scam compounds come from and where the compounds are.
	 */
	static final List<String> COUNTRIES = List.of("BD", "BR", "CN", "ET", "GE", "GH", "HK", "ID", "IN", "JP", "KE",
			"KG", "KH", "KR", "KZ", "LA", "LK", "MM", "MN", "MY", "NG", "NP", "PH", "PK", "RU", "SG", "TH", "TJ", "TL",
			"TR", "TW", "UA", "UG", "UZ", "VN", "AE");

	private final ViewResolver views;

	private final MessageSource messages;

	PublicPage(@Qualifier("thymeleafViewResolver") ViewResolver views, MessageSource messages) {
		this.views = views;
		this.messages = messages;
	}

	/** The language asked with {@code ?lang=}, else the browser's first one the page speaks, else English. */
	static String language(String asked, HttpServletRequest request) {
		if (asked != null && PublicReport.LANGUAGES.contains(asked)) {
			return asked;
		}
		Enumeration<Locale> preferred = request.getLocales();
		while (preferred.hasMoreElements()) {
			String language = preferred.nextElement().getLanguage();
			if ("tl".equals(language)) {
				return "fil";
			}
			if (PublicReport.LANGUAGES.contains(language)) {
				return language;
			}
		}
		return "en";
	}

	/** The page {@code template} in {@code language}, with what every public page shows. */
	ModelAndView render(String template, String language, Map<String, Object> model, HttpStatus status) {
		Locale locale = Locale.forLanguageTag(language);
		View view;
		try {
			view = views.resolveViewName(template, locale);
		}
		catch (Exception e) {
			throw new IllegalStateException("no template " + template, e);
		}
		ModelAndView page = new ModelAndView(view, model);
		page.addObject("lang", language);
		page.addObject("htmlLang", "zh".equals(language) ? "zh-Hans" : language);
		page.addObject("languages", ENDONYMS);
		page.addObject("draft", !"en".equals(language));
		page.addObject("draftInEnglish", messages.getMessage("intake.report.draft", null, Locale.ENGLISH));
		page.setStatus(status);
		return page;
	}

	/** The offered countries, named and sorted in the page's language. */
	static List<Countries.Country> countries(String language) {
		Locale locale = Locale.forLanguageTag(language);
		Collator collator = Collator.getInstance(locale);
		return COUNTRIES.stream().map(code -> new Countries.Country(code, Countries.name(code, locale)))
				.sorted(Comparator.comparing(Countries.Country::name, collator)).toList();
	}

	private static Map<String, String> endonyms() {
		Map<String, String> names = new LinkedHashMap<>();
		names.put("en", "English");
		names.put("id", "Bahasa Indonesia");
		names.put("th", "ไทย");
		names.put("km", "ខ្មែរ");
		names.put("my", "မြန်မာ");
		names.put("vi", "Tiếng Việt");
		names.put("fil", "Filipino");
		names.put("zh", "中文");
		names.put("lo", "ລາວ");
		return names;
	}
}
