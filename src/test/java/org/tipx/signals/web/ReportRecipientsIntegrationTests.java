package org.tipx.signals.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.web.server.LocalServerPort;
import org.tipx.Api;
import org.tipx.Fixtures;
import org.tipx.TipxIntegrationTest;
import org.tipx.Visitor;
import org.tipx.Visitor.Page;
import org.tipx.signals.web.SignalWork.Agency;

/**
 * An analyst addresses an AMBER or RED report on the form, as the API allows: to other organisations of the
 * exchange and to a sharing group their organisation belongs to. A RED report reaches exactly the organisations
 * chosen (never the group); an AMBER one the group as well; a choice that is not one is refused beside its field.
 */
@TipxIntegrationTest
class ReportRecipientsIntegrationTests {

	@LocalServerPort
	int port;

	SignalWork work;

	Agency cambodia;

	Agency thailand;

	Agency laos;

	String group;

	String groupName;

	Visitor analyst;

	@BeforeEach
	void agencies() {
		work = new SignalWork(new Api(port));
		cambodia = work.agency("KH");
		thailand = work.agency("TH");
		laos = work.agency("LA");
		groupName = Fixtures.unique("Mekong desk");
		group = work.api.post(work.directory.admin, "/api/v1/sharing-groups", Map.of("name", groupName,
				"organisationIds", List.of(cambodia.organisationId(), laos.organisationId()))).json().get("id")
				.asString();
		analyst = Visitor.loggedIn(port, cambodia.analyst(), Fixtures.PASSWORD);
	}

	@Test
	void theFormOffersOtherOrganisationsAndTheCallersOwnSharingGroups() {
		Page form = analyst.get("/signals/reports/new");

		List<String> organisations = form.html().select("#recipients option").eachAttr("value");
		assertThat(organisations).contains(thailand.organisationId(), laos.organisationId())
				.doesNotContain(cambodia.organisationId());
		assertThat(form.html().selectFirst("#recipients option[value=" + thailand.organisationId() + "]").text())
				.endsWith("(Thailand)");
		assertThat(form.html().select("#sharingGroupId option").eachText()).contains(groupName);
		Page thai = Visitor.loggedIn(port, thailand.analyst(), Fixtures.PASSWORD).get("/signals/reports/new");
		assertThat(thai.html().select("#sharingGroupId option").eachText()).doesNotContain(groupName);
	}

	@Test
	void aRedReportFiledOnTheFormIsSeenOnlyByTheOrganisationsChosen() {
		analyst.get("/signals/reports/new");
		String title = Fixtures.unique("Red compound");

		Page filed = file(title, "RED", List.of(thailand.organisationId()), group);

		assertThat(filed.status()).as(filed.body()).isEqualTo(302);
		String id = filed.location().replaceAll("^.*/", "");
		assertThat(work.api.get(thailand.token(), "/api/v1/signals/reports/" + id).status()).isEqualTo(200);
		assertThat(work.api.get(laos.token(), "/api/v1/signals/reports/" + id).status())
				.as("a sharing group does not count for RED").isEqualTo(404);
		assertThat(work.api.get(work.agency("VN").token(), "/api/v1/signals/reports/" + id).status()).isEqualTo(404);
		assertThat(work.api.get(cambodia.token(), "/api/v1/signals/reports/" + id).json().get("recipients")
				.valueStream().map(r -> r.asString()).toList()).containsExactly(thailand.organisationId());
	}

	@Test
	void anAmberReportFiledOnTheFormReachesItsRecipientsAndItsSharingGroup() {
		analyst.get("/signals/reports/new");

		Page filed = file(Fixtures.unique("Amber compound"), "AMBER", List.of(thailand.organisationId()), group);

		String id = filed.location().replaceAll("^.*/", "");
		assertThat(work.api.get(thailand.token(), "/api/v1/signals/reports/" + id).status()).isEqualTo(200);
		assertThat(work.api.get(laos.token(), "/api/v1/signals/reports/" + id).status()).isEqualTo(200);
		assertThat(work.api.get(work.agency("VN").token(), "/api/v1/signals/reports/" + id).status()).isEqualTo(404);
	}

	@Test
	void aChoiceThatIsNotAnOrganisationIsRefusedBesideItsFieldAndNothingIsFiled() {
		analyst.get("/signals/reports/new");
		String title = Fixtures.unique("Refused");

		Page tampered = file(title, "RED", List.of("not-an-id"), "");
		Page unknown = file(title, "AMBER", List.of(UUID.randomUUID().toString()), "");
		Page notMine = file(title, "AMBER", List.of(), UUID.randomUUID().toString());

		assertThat(tampered.status()).isEqualTo(200);
		assertThat(tampered.text("#recipients-error")).startsWith("Choose organisations from the list");
		assertThat(unknown.text("#recipients-error")).startsWith("Choose organisations from the list");
		assertThat(unknown.html().select(".error-summary a").eachAttr("href")).contains("#recipients");
		assertThat(notMine.text("#sharingGroupId-error")).isEqualTo("Choose one of your organisation’s sharing groups.");
		assertThat(analyst.get("/signals/reports?q=" + title).html().select("table.reports tbody tr")).isEmpty();
	}

	private Page file(String title, String tlp, List<String> recipients, String sharingGroup) {
		List<String> fields = new ArrayList<>(List.of("title", title, "category", "SCAM_COMPOUND", "tlp", tlp,
				"reporterCountry", "KH", "observedAt", "2026-10-02", "description", "", "sharingGroupId", sharingGroup,
				"row", "r1", "type", "crypto_address", "value", SignalWork.wallet(), "platform", "", "chain", ""));
		recipients.forEach(r -> {
			fields.add("recipients");
			fields.add(r);
		});
		return analyst.submit("/signals/reports/new", fields.toArray(String[]::new));
	}
}
