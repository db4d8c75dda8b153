package org.tipx.flows.web;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;

import org.tipx.platform.HomeTask;

/**
 * What the flows pages offer an investigator on the home page and in the navigation: trace money, compare the taint
 * models, bring in transfers and keep address tags. (An analyst traces only in a financial intelligence unit, which a
 * role alone cannot say, so analysts reach the pages by their address rather than by a link that may refuse them.)
 */
@Configuration(proxyBeanMethods = false)
class FlowTasks {

	@Bean
	@Order(550)
	HomeTask investigatorTraces() {
		return HomeTask.page("INVESTIGATOR", "flows.trace.task", "/flows/trace");
	}

	@Bean
	@Order(551)
	HomeTask investigatorImportsTransfers() {
		return HomeTask.page("INVESTIGATOR", "flows.transfers.task", "/flows/transfers");
	}

	@Bean
	@Order(552)
	HomeTask investigatorTags() {
		return HomeTask.page("INVESTIGATOR", "flows.tags.task", "/flows/tags");
	}
}
