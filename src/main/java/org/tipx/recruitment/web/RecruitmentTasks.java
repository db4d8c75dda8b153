package org.tipx.recruitment.web;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.tipx.platform.HomeTask;

/** What recruitment offers on the home page: moderators and analysts check a single job posting. */
@Configuration(proxyBeanMethods = false)
class RecruitmentTasks {

	@Bean
	@Order(598)
	HomeTask moderatorChecksAPosting() {
		return HomeTask.page("MODERATOR", "recruitment.check.task", "/recruitment/check");
	}

	@Bean
	@Order(599)
	HomeTask analystChecksAPosting() {
		return HomeTask.page("ANALYST", "recruitment.check.task", "/recruitment/check");
	}
}
