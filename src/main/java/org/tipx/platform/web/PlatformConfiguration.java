package org.tipx.platform.web;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableAsync;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.CookieLocaleResolver;
import org.springframework.web.servlet.i18n.LocaleChangeInterceptor;

/**
 * The clock every module reads time from, and the page language: chosen with {@code ?lang=}, kept in a cookie,
 * otherwise taken from the browser among the languages tipx speaks.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
@EnableAsync
class PlatformConfiguration implements WebMvcConfigurer {

	static final List<Locale> LANGUAGES = List.of(Locale.ENGLISH, Locale.forLanguageTag("id"));

	@Bean
	Clock clock() {
		return Clock.systemUTC();
	}

	@Bean
	LocaleResolver localeResolver() {
		CookieLocaleResolver resolver = new CookieLocaleResolver("TIPX_LANG");
		resolver.setDefaultLocaleFunction(request -> {
			Locale requested = request.getLocale();
			return LANGUAGES.stream().filter(l -> l.getLanguage().equals(requested.getLanguage())).findFirst()
					.orElse(Locale.ENGLISH);
		});
		resolver.setCookieMaxAge(Duration.ofDays(365));
		resolver.setCookieHttpOnly(true);
		return resolver;
	}

	@Override
	public void addInterceptors(InterceptorRegistry registry) {
		LocaleChangeInterceptor change = new LocaleChangeInterceptor();
		change.setParamName("lang");
		change.setIgnoreInvalidLocale(true);
		registry.addInterceptor(change);
	}
}
