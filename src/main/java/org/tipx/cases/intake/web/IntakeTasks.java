package org.tipx.cases.intake.web;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.tipx.platform.HomeTask;

/** What the public reports offer on the home page: a focal point reads the reports addressed to the organisation. */
@Configuration(proxyBeanMethods = false)
class IntakeTasks {

	@Bean
	@Order(420)
	HomeTask publicReports() {
		return HomeTask.page("FOCAL_POINT", "intake.task", "/intake");
	}
}
