package org.tipx.cases.web;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.tipx.platform.HomeTask;

/**
 * What the case pages offer on the home page: case workers, and the administrators who supervise their cases, work
 * the case list and the referral inbox.
 */
@Configuration(proxyBeanMethods = false)
class CaseHomeTasks {

	@Bean
	@Order(400)
	HomeTask caseList() {
		return HomeTask.page("CASE_WORKER", "cases.list.task", "/cases");
	}

	@Bean
	@Order(401)
	HomeTask referralInbox() {
		return HomeTask.page("CASE_WORKER", "cases.referrals.task", "/referrals");
	}

	@Bean
	@Order(402)
	HomeTask caseListForSupervisors() {
		return HomeTask.page("ORG_ADMIN", "cases.list.task", "/cases");
	}

	@Bean
	@Order(403)
	HomeTask referralInboxForSupervisors() {
		return HomeTask.page("ORG_ADMIN", "cases.referrals.task", "/referrals");
	}
}
