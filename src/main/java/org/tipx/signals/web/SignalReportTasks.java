package org.tipx.signals.web;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.tipx.platform.HomeTask;

/**
 * What the report pages offer on the home page: every role that files and reads reports (see {@link org.tipx.shared.Allowed.SignalReaders})
 * files a report and keeps its organisation's reports.
 */
@Configuration(proxyBeanMethods = false)
class SignalReportTasks {

	@Bean
	@Order(300)
	HomeTask analystsFileReports() {
		return HomeTask.page("ANALYST", "signals.reports.task.file", "/signals/reports/new");
	}

	@Bean
	@Order(301)
	HomeTask analystsKeepReports() {
		return HomeTask.page("ANALYST", "signals.reports.task.list", "/signals/reports");
	}

	@Bean
	@Order(310)
	HomeTask focalPointsFileReports() {
		return HomeTask.page("FOCAL_POINT", "signals.reports.task.file", "/signals/reports/new");
	}

	@Bean
	@Order(311)
	HomeTask focalPointsKeepReports() {
		return HomeTask.page("FOCAL_POINT", "signals.reports.task.list", "/signals/reports");
	}

	@Bean
	@Order(320)
	HomeTask moderatorsFileReports() {
		return HomeTask.page("MODERATOR", "signals.reports.task.file", "/signals/reports/new");
	}

	@Bean
	@Order(321)
	HomeTask moderatorsKeepReports() {
		return HomeTask.page("MODERATOR", "signals.reports.task.list", "/signals/reports");
	}

	@Bean
	@Order(330)
	HomeTask investigatorsFileReports() {
		return HomeTask.page("INVESTIGATOR", "signals.reports.task.file", "/signals/reports/new");
	}

	@Bean
	@Order(331)
	HomeTask investigatorsKeepReports() {
		return HomeTask.page("INVESTIGATOR", "signals.reports.task.list", "/signals/reports");
	}
}
