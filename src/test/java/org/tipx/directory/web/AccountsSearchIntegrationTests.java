package org.tipx.directory.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.boot.test.web.server.LocalServerPort;
import org.tipx.Api;
import org.tipx.Fixtures;
import org.tipx.TipxIntegrationTest;
import org.tipx.Visitor;
import org.tipx.Visitor.Page;

/**
 * The accounts list is searched by username, full name, role or organisation and shown a page at a time, under the
 * form that opens an account.
 */
@TipxIntegrationTest
class AccountsSearchIntegrationTests {

	@LocalServerPort
	int port;

	@Test
	void accountsAreSearchedByOrganisationAndShownAPageAtATime() {
		Api api = new Api(port);
		Fixtures fixtures = new Fixtures(api);
		String organisation = fixtures.organisation("CIVIL_SOCIETY", "MY");
		String name = api.get(fixtures.admin, "/api/v1/organisations/" + organisation).json().get("name").asString();
		int total = AccountsPage.PAGE_SIZE + 2;
		for (int i = 0; i < total; i++) {
			var opened = api.post(fixtures.admin, "/api/v1/users", Map.of("username", Fixtures.unique("p" + i),
					"password", Fixtures.PASSWORD, "organisationId", organisation, "roles", List.of("SCREENER")));
			assertThat(opened.status()).isEqualTo(201);
		}
		Visitor admin = Visitor.loggedIn(port, "admin", TipxIntegrationTest.ADMIN_PASSWORD);

		Page first = admin.get("/admin/accounts?q=" + name);
		assertThat(first.html().select("#accounts tbody tr")).hasSize(AccountsPage.PAGE_SIZE);
		assertThat(first.html().select("#accounts tbody td:nth-of-type(1)").eachText()).containsOnly(name);
		assertThat(first.text("#list-heading")).contains(String.valueOf(total));
		assertThat(first.text(".pager")).contains("Page 1 of 2");
		Page second = admin.get(first.html().selectFirst(".pager a[rel=next]").attr("href"));
		assertThat(second.html().select("#accounts tbody tr")).hasSize(2);
		assertThat(second.html().select("#accounts tbody td:nth-of-type(1)").eachText()).containsOnly(name);
		assertThat(second.html().select(".pager a[rel=prev]")).hasSize(1);
		assertThat(first.html().selectFirst("#open-heading").elementSiblingIndex())
				.as("the form that opens an account comes before the list")
				.isLessThan(first.html().selectFirst("#list-heading").parent().elementSiblingIndex());
	}

	@Test
	void accountsAreFoundByUsernameFullNameAndRoleInThePageLanguage() {
		Api api = new Api(port);
		Fixtures fixtures = new Fixtures(api);
		String organisation = fixtures.organisation("GOVERNMENT", "PH");
		String marker = Fixtures.unique("zq").toLowerCase();
		String username = marker + "-officer";
		assertThat(api.post(fixtures.admin, "/api/v1/users", Map.of("username", username, "displayName",
				"Ligaya " + marker.toUpperCase() + " Reyes", "password", Fixtures.PASSWORD, "organisationId",
				organisation, "roles", List.of("INVESTIGATOR"))).status()).isEqualTo(201);
		Visitor admin = Visitor.loggedIn(port, "admin", TipxIntegrationTest.ADMIN_PASSWORD);

		assertThat(admin.get("/admin/accounts?q=" + marker).html().select("#accounts tbody th a").eachText())
				.containsExactly(username);
		assertThat(admin.get("/admin/accounts?q=ligaya+" + marker).html().select("#accounts tbody th a").eachText())
				.containsExactly(username);
		assertThat(admin.get("/admin/accounts?q=investigator").html().select("#accounts tbody th a").eachText())
				.contains(username);
		assertThat(admin.get("/admin/accounts?q=penyidik").html().select("#accounts tbody th a").eachText())
				.as("a role's English name is not its Indonesian one").doesNotContain(username);
		Page none = admin.get("/admin/accounts?q=" + marker + "-nobody");
		assertThat(none.html().select("#accounts tbody tr")).isEmpty();
		assertThat(none.text("#no-accounts")).isEqualTo("No account matches.");
	}
}
