package org.tipx.platform.web;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.tipx.platform.HomeTask;

/**
 * The home page's word on modules whose pages are not built yet, so every role sees what is coming without a dead
 * link; and the API documentation for the roles that already use the API. A module that builds its pages declares
 * its own tasks and its entry here goes.
 */
@Configuration(proxyBeanMethods = false)
class PlannedModules {

	private static final String API_DOCUMENTATION = "/swagger-ui.html";

	@Bean
	@Order(520)
	HomeTask signalsForAnalysts() {
		return HomeTask.page("ANALYST", "home.api.signals", API_DOCUMENTATION);
	}

	@Bean
	@Order(521)
	HomeTask signalsForFocalPoints() {
		return HomeTask.page("FOCAL_POINT", "home.api.signals", API_DOCUMENTATION);
	}

	@Bean
	@Order(522)
	HomeTask signalsForModerators() {
		return HomeTask.page("MODERATOR", "home.api.signals", API_DOCUMENTATION);
	}

	@Bean
	@Order(523)
	HomeTask signalsForInvestigators() {
		return HomeTask.page("INVESTIGATOR", "home.api.signals", API_DOCUMENTATION);
	}

	@Bean
	@Order(560)
	HomeTask requestsComing() {
		return HomeTask.coming("FOCAL_POINT", "home.coming.requests");
	}

	@Bean
	@Order(570)
	HomeTask insightsComing() {
		return HomeTask.coming("RESEARCHER", "home.coming.insights");
	}
}
