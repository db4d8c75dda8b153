package org.tipx.audit.web;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.tipx.platform.HomeTask;

/**
 * What the audit module offers administrators on the home page: the whole trail to ADMIN, their own organisation's
 * entries to ORG_ADMIN.
 */
@Configuration(proxyBeanMethods = false)
class AuditTasks {

	@Bean
	@Order(200)
	HomeTask browseAuditTrail() {
		return HomeTask.page("ADMIN", "home.task.audit", "/admin/audit");
	}

	@Bean
	@Order(201)
	HomeTask browseOrganisationAudit() {
		return HomeTask.page("ORG_ADMIN", "administration.audit.organisation.task", "/admin/audit/organisation");
	}
}
