package org.tipx.screening;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.web.server.LocalServerPort;
import org.tipx.Api;
import org.tipx.Api.Reply;
import org.tipx.Fixtures;
import org.tipx.TipxIntegrationTest;
import org.tipx.Visitor;
import org.tipx.Visitor.Page;

/**
 * A Timorese focal point who reads Bahasa Indonesia opens a notice from a consulate in Thailand: the outcome, the
 * measures, the age band, gender, countries and languages are words in Indonesian, not codes; the consulate's own
 * referral contact says whom to call; the New and Acknowledged filters split the inbox; and the person's name,
 * document and contact never appear.
 */
@TipxIntegrationTest
class NoticeWordsIntegrationTests {

	@LocalServerPort
	int port;

	Fixtures fixtures;

	String consulate;

	String screener;

	@BeforeEach
	void consulateInThailand() {
		fixtures = new Fixtures(new Api(port));
		consulate = fixtures.organisation("CONSULATE", "TH");
		screener = fixtures.tokenFor(fixtures.account(consulate, "SCREENER"));
	}

	@Test
	void aNoticeReadsInIndonesianWordsWithTheSendersReferralContact() {
		String dili = fixtures.organisation("GOVERNMENT", "TL");
		String focal = fixtures.account(dili, "FOCAL_POINT");
		String desk = "Consular desk " + Fixtures.unique("th");
		Reply added = fixtures.api.post(fixtures.tokenFor(fixtures.account(consulate, "ORG_ADMIN")),
				"/api/v1/referral-contacts", Map.of("country", "TH", "kind", "CONSULAR_PROTECTION", "name", desk,
						"phone", "+66 2 111 2222", "hours", "24/7"));
		assertThat(added.status()).as(added.body()).isEqualTo(201);
		String strangers = "Other hotline " + Fixtures.unique("th");
		fixtures.api.post(fixtures.tokenFor(fixtures.account(fixtures.organisation("CIVIL_SOCIETY", "TH"), "ORG_ADMIN")),
				"/api/v1/referral-contacts", Map.of("country", "TH", "kind", "HOTLINE", "name", strangers, "phone",
						"1300"));
		String id = screen("TL", "A3", "yes", "C1", "yes", "E1", "yes", "I3", "yes", "gender", "FEMALE", "languages",
				"km pt", "country_held", "KH", "full_name", "Maria da Costa", "document_number", "TL998877",
				"contact", "+670 7712 3456");
		assertThat(fixtures.api.post(screener, "/api/v1/screenings/" + id + "/notify-country", null).status())
				.isEqualTo(200);

		Visitor reader = Visitor.loggedIn(port, focal, Fixtures.PASSWORD).speaking("id");
		Page inbox = reader.get("/screenings/notices");

		assertThat(inbox.status()).isEqualTo(200);
		Element card = inbox.html().selectFirst("article[data-screening=" + id + "]");
		assertThat(card.selectFirst(".outcome").text()).isEqualTo("Diduga korban — rujuk sekarang");
		assertThat(card.select(".measures li").eachText()).contains(
				"Hapuskan denda izin tinggal terlampaui dan sanksi masuk tidak resmi akibat penyekapan.");
		assertThat(card.selectFirst(".profile-nationality").text()).isEqualTo("Timor Leste");
		assertThat(card.selectFirst(".profile-age_band").text()).isEqualTo("25–34 tahun");
		assertThat(card.selectFirst(".profile-gender").text()).isEqualTo("Perempuan");
		assertThat(card.selectFirst(".profile-country_held").text()).isEqualTo("Kamboja");
		assertThat(card.selectFirst(".profile-languages").text()).isEqualTo("Khmer, Portugis");
		assertThat(card.select(".profile dd").eachText()).doesNotContain("TL", "25_34", "FEMALE", "KH", "km pt");
		Element contact = card.selectFirst(".sender-contacts .contact");
		assertThat(contact.text()).contains(desk).contains("Perlindungan konsuler").contains("+66 2 111 2222")
				.contains("24/7");
		assertThat(card.select(".sender-contacts .contact")).hasSize(1);
		assertThat(inbox.body()).doesNotContain(strangers).doesNotContain("Maria da Costa").doesNotContain("TL998877")
				.doesNotContain("7712 3456");

		assertThat(reader.get("/screenings/notices?shown=ACKNOWLEDGED").html()
				.select("article[data-screening=" + id + "]")).isEmpty();
		Page onlyNew = reader.get("/screenings/notices?shown=NEW");
		assertThat(onlyNew.html().select("article[data-screening=" + id + "]")).hasSize(1);
		assertThat(onlyNew.html().selectFirst(".quick-filters a[aria-current=page]").text()).isEqualTo("Baru");
		String noticeId = onlyNew.html().selectFirst("article[data-screening=" + id + "]").id().substring("notice-".length());
		reader.follow(reader.submit("/screenings/notices/" + noticeId + "/acknowledge"));
		assertThat(reader.get("/screenings/notices?shown=NEW").html().select("article[data-screening=" + id + "]"))
				.isEmpty();
		assertThat(reader.get("/screenings/notices?shown=ACKNOWLEDGED").html()
				.select("article[data-screening=" + id + "] .acknowledged").text()).startsWith("Diterima oleh " + focal);
	}

	@Test
	void theApiNamesTheSendersReferralContactsAndKeepsTheCodes() {
		String manila = fixtures.organisation("GOVERNMENT", "PH");
		String focal = fixtures.account(manila, "FOCAL_POINT");
		String desk = "Hotline " + Fixtures.unique("th");
		fixtures.api.post(fixtures.tokenFor(fixtures.account(consulate, "ORG_ADMIN")), "/api/v1/referral-contacts",
				Map.of("country", "TH", "kind", "HOTLINE", "name", desk, "phone", "1300", "languages", List.of("th")));
		String id = screen("PH", "C1", "yes", "gender", "MALE");
		fixtures.api.post(screener, "/api/v1/screenings/" + id + "/notify-country", null);

		Reply notices = fixtures.api.get(fixtures.tokenFor(focal), "/api/v1/screenings/notices");

		var notice = notices.json().valueStream().filter(n -> n.get("screeningId").asString().equals(id)).findFirst()
				.orElseThrow();
		assertThat(notice.get("profile").get("gender").asString()).isEqualTo("MALE");
		assertThat(notice.get("referralContacts").valueStream().map(c -> c.get("name").asString()))
				.containsExactly(desk);
	}

	private String screen(String nationality, String... pairs) {
		Map<String, Object> answers = new HashMap<>(Map.of("nationality", nationality, "age_band", "25_34"));
		for (int i = 0; i < pairs.length; i += 2) {
			answers.put(pairs[i], pairs[i + 1]);
		}
		Reply reply = fixtures.api.post(screener, "/api/v1/screenings", Map.of("formId", "tipx-screening", "language",
				"en", "answers", answers, "consent", Map.of("assistance", true, "referral", true,
						"shareWithCountryOfNationality", true, "research", false)));
		assertThat(reply.status()).as(reply.body()).isEqualTo(201);
		return reply.json().get("id").asString();
	}
}
