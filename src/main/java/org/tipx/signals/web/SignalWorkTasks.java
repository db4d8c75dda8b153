package org.tipx.signals.web;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.tipx.platform.HomeTask;

/**
 * What the signal work pages offer on the home page: the people who read signals look values up and see their
 * organisation's alerts (focal points triage them), analysts import files, administrators keep the warning list and
 * an organisation's administrator its alert webhook.
 */
@Configuration(proxyBeanMethods = false)
class SignalWorkTasks {

	private static final String LOOKUP = "/signals/lookup";

	private static final String ALERTS = "/signals/alerts";

	private static final String IMPORTS = "/signals/imports";

	private static final String WARNING_LIST = "/signals/warning-list";

	@Bean
	@Order(300)
	HomeTask analystLooksUp() {
		return HomeTask.page("ANALYST", "signals.lookup.task", LOOKUP);
	}

	@Bean
	@Order(301)
	HomeTask analystReadsAlerts() {
		return HomeTask.page("ANALYST", "signals.alerts.task", ALERTS);
	}

	@Bean
	@Order(302)
	HomeTask analystImports() {
		return HomeTask.page("ANALYST", "signals.imports.task", IMPORTS);
	}

	@Bean
	@Order(303)
	HomeTask analystReadsWarningList() {
		return HomeTask.page("ANALYST", "signals.warning.task.read", WARNING_LIST);
	}

	@Bean
	@Order(310)
	HomeTask focalPointTriages() {
		return HomeTask.page("FOCAL_POINT", "signals.alerts.task.triage", ALERTS);
	}

	@Bean
	@Order(311)
	HomeTask focalPointLooksUp() {
		return HomeTask.page("FOCAL_POINT", "signals.lookup.task", LOOKUP);
	}

	@Bean
	@Order(320)
	HomeTask moderatorLooksUp() {
		return HomeTask.page("MODERATOR", "signals.lookup.task", LOOKUP);
	}

	@Bean
	@Order(330)
	HomeTask investigatorLooksUp() {
		return HomeTask.page("INVESTIGATOR", "signals.lookup.task", LOOKUP);
	}

	@Bean
	@Order(331)
	HomeTask investigatorReadsAlerts() {
		return HomeTask.page("INVESTIGATOR", "signals.alerts.task", ALERTS);
	}

	@Bean
	@Order(340)
	HomeTask administratorKeepsWarningList() {
		return HomeTask.page("ADMIN", "signals.warning.task", WARNING_LIST);
	}

	@Bean
	@Order(350)
	HomeTask organisationAdministratorKeepsWebhook() {
		return HomeTask.page("ORG_ADMIN", "signals.webhook.task", "/signals/webhook");
	}
}
