package org.tipx.platform.web;

import java.lang.reflect.Method;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.aop.interceptor.AsyncUncaughtExceptionHandler;
import org.springframework.aop.interceptor.SimpleAsyncUncaughtExceptionHandler;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.AsyncConfigurer;
import org.tipx.shared.ExpectedFailure;

/**
 * How an asynchronous method that throws is logged: an {@link ExpectedFailure} was already reported by its code, so it
 * gets one debug line; anything else is an error with its stack trace, as Spring logs it by default.
 */
@Configuration(proxyBeanMethods = false)
class AsyncFailures implements AsyncConfigurer {

	private static final Logger log = LoggerFactory.getLogger(AsyncFailures.class);

	@Override
	public AsyncUncaughtExceptionHandler getAsyncUncaughtExceptionHandler() {
		AsyncUncaughtExceptionHandler unexpected = new SimpleAsyncUncaughtExceptionHandler();
		return (Throwable failure, Method method, Object... parameters) -> {
			if (failure instanceof ExpectedFailure) {
				log.debug("{}.{} ended with an expected failure: {}", method.getDeclaringClass().getSimpleName(),
						method.getName(), failure.getMessage());
			}
			else {
				unexpected.handleUncaughtException(failure, method, parameters);
			}
		};
	}
}
