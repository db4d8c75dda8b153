package org.tipx.signals.web;

import jakarta.servlet.MultipartConfigElement;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/**
 * Wiring of the signal work pages: the guard that lets the import page answer an upload over the multipart limit.
 */
@Configuration(proxyBeanMethods = false)
class SignalPagesConfiguration {

	/** Before Spring Security, whose CSRF check would otherwise parse the oversized body and fail. */
	@Bean
	FilterRegistrationBean<UploadSizeGuard> uploadSizeGuard(ObjectProvider<MultipartConfigElement> multipart) {
		MultipartConfigElement config = multipart.getIfAvailable();
		long limit = config == null ? -1 : smallest(config.getMaxFileSize(), config.getMaxRequestSize());
		FilterRegistrationBean<UploadSizeGuard> registration = new FilterRegistrationBean<>(new UploadSizeGuard(limit));
		registration.addUrlPatterns(UploadSizeGuard.PATH);
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 50);
		return registration;
	}

	/** The smaller of two limits, where a negative one means none. */
	private static long smallest(long a, long b) {
		if (a < 0) {
			return b;
		}
		return b < 0 ? a : Math.min(a, b);
	}
}
