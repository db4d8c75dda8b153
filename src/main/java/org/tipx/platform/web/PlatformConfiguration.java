package org.tipx.platform.web;

import java.time.Clock;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.http.converter.autoconfigure.ServerHttpMessageConvertersCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.http.converter.json.JacksonJsonHttpMessageConverter;
import org.springframework.scheduling.annotation.EnableAsync;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.util.unit.DataSize;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.LocaleChangeInterceptor;
import tools.jackson.databind.json.JsonMapper;

/**
 * The clock every module reads time from, the page language (see {@link Languages}) and what the layout of every
 * page needs (see {@link PageShell}).
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
@EnableAsync
class PlatformConfiguration implements WebMvcConfigurer {

	private final TaskCatalogue catalogue;

	private final MessageSource messages;

	PlatformConfiguration(TaskCatalogue catalogue, MessageSource messages) {
		this.catalogue = catalogue;
		this.messages = messages;
	}

	@Bean
	Clock clock() {
		return Clock.systemUTC();
	}

	/** The language cookie follows the session cookie's {@code Secure} setting (TIPX_SECURE_COOKIES). */
	@Bean
	LocaleResolver localeResolver(@Value("${server.servlet.session.cookie.secure:false}") boolean secureCookies) {
		return new Languages(secureCookies);
	}

	@Override
	public void addInterceptors(InterceptorRegistry registry) {
		LocaleChangeInterceptor change = new LocaleChangeInterceptor();
		change.setParamName(Languages.PARAMETER);
		change.setIgnoreInvalidLocale(true);
		registry.addInterceptor(change);
		registry.addInterceptor(new PageShell(catalogue, messages));
	}

	/**
	 * The API's JSON converter reads with the application's mapper plus {@link TextLimits}, which checks every string
	 * of a request body. It replaces Boot's converter in its place in the list, so the order of converters (strings
	 * before JSON) stays as it was; events and stored JSON are read by the plain mapper.
	 */
	@Bean
	ServerHttpMessageConvertersCustomizer textLimitsOnJsonBodies(JsonMapper mapper) {
		JacksonJsonHttpMessageConverter checked = new JacksonJsonHttpMessageConverter(
				mapper.rebuild().addModule(new TextLimits()).build());
		return builder -> builder.configureMessageConvertersList(converters -> converters
				.replaceAll(converter -> converter instanceof JacksonJsonHttpMessageConverter ? checked : converter));
	}

	/** Refuses request and form parameters holding control characters with 400 (see {@link PlainParameters}). */
	@Bean
	FilterRegistrationBean<PlainParameters> plainParameters() {
		FilterRegistrationBean<PlainParameters> registration = new FilterRegistrationBean<>(new PlainParameters());
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 20);
		return registration;
	}

	/** Refuses JSON request bodies over {@code tipx.api.max-json-size} with 413, before anything reads them. */
	@Bean
	FilterRegistrationBean<JsonBodyLimit> jsonBodyLimit(@Value("${tipx.api.max-json-size:1MB}") DataSize limit) {
		FilterRegistrationBean<JsonBodyLimit> registration = new FilterRegistrationBean<>(new JsonBodyLimit(limit));
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
		return registration;
	}
}
