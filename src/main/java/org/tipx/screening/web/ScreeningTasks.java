package org.tipx.screening.web;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.tipx.platform.HomeTask;

/**
 * What the screening pages offer on the home page: a screener runs interviews in the browser and goes back to the
 * screenings done; an organisation's administrator looks over the organisation's; a focal point reads the notices of
 * its nationals screened abroad.
 */
@Configuration(proxyBeanMethods = false)
class ScreeningTasks {

	@Bean
	@Order(300)
	HomeTask screeningInterviews() {
		return HomeTask.page("SCREENER", "screening.interview.task", "/screenings");
	}

	@Bean
	@Order(302)
	HomeTask myScreenings() {
		return HomeTask.page("SCREENER", "desk.finished.task", "/screenings/finished");
	}

	@Bean
	@Order(303)
	HomeTask ourScreenings() {
		return HomeTask.page("ORG_ADMIN", "desk.finished.orgTask", "/screenings/finished");
	}

	@Bean
	@Order(301)
	HomeTask screeningNotices() {
		return HomeTask.page("FOCAL_POINT", "screening.notices.task", "/screenings/notices");
	}
}
