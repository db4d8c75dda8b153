package org.tipx.cases.web;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.tipx.platform.HomeTask;

/** What the care pages offer on the home page: a case worker's own open tasks, overdue first. */
@Configuration(proxyBeanMethods = false)
class CareTasks {

	@Bean
	@Order(410)
	HomeTask caseWorkerTasks() {
		return HomeTask.page("CASE_WORKER", "care.tasks.task", "/tasks");
	}
}
