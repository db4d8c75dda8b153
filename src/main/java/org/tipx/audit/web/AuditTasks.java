package org.tipx.audit.web;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.tipx.platform.HomeTask;

/**
 * What the audit module offers administrators on the home page.
 */
@Configuration(proxyBeanMethods = false)
class AuditTasks {

	@Bean
	@Order(200)
	HomeTask browseAuditTrail() {
		return HomeTask.page("ADMIN", "home.task.audit", "/admin/audit");
	}
}
