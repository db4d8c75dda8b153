package org.tipx.directory.web;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.tipx.platform.HomeTask;

/**
 * What the directory's pages offer on the home page: administrators manage organisations and accounts, an
 * organisation's administrator manages its own accounts.
 */
@Configuration(proxyBeanMethods = false)
class DirectoryTasks {

	@Bean
	@Order(100)
	HomeTask manageOrganisations() {
		return HomeTask.page("ADMIN", "home.task.organisations", "/admin/organisations");
	}

	@Bean
	@Order(110)
	HomeTask manageAccounts() {
		return HomeTask.page("ADMIN", "home.task.accounts", "/admin/accounts");
	}

	@Bean
	@Order(120)
	HomeTask manageOwnAccounts() {
		return HomeTask.page("ORG_ADMIN", "home.task.ownAccounts", "/admin/accounts");
	}

	@Bean
	@Order(130)
	HomeTask keepReferralContacts() {
		return HomeTask.page("ORG_ADMIN", "home.task.referralContacts", "/admin/referral-contacts");
	}
}
