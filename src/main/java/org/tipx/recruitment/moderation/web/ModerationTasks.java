package org.tipx.recruitment.moderation.web;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.tipx.platform.HomeTask;

/**
 * What moderation offers on the home page: moderators work the queue of flagged postings and keep the sources;
 * organisations' administrators keep the sources.
 */
@Configuration(proxyBeanMethods = false)
class ModerationTasks {

	@Bean
	@Order(600)
	HomeTask moderatorWorksTheQueue() {
		return HomeTask.page("MODERATOR", "moderation.queue.task", "/moderation");
	}

	@Bean
	@Order(601)
	HomeTask moderatorKeepsSources() {
		return HomeTask.page("MODERATOR", "moderation.sources.task", "/moderation/sources");
	}

	@Bean
	@Order(602)
	HomeTask administratorKeepsSources() {
		return HomeTask.page("ORG_ADMIN", "moderation.sources.task", "/moderation/sources");
	}
}
