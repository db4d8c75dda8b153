package org.tipx.flows.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.web.server.LocalServerPort;
import org.tipx.Api;
import org.tipx.Fixtures;
import org.tipx.TipxIntegrationTest;
import org.tipx.Visitor;
import org.tipx.Visitor.Page;

/**
 * An investigator works through the flows pages: uploads a CSV of transfers and sees the counts, tags the exchange,
 * traces the victim's payment and reads the endpoint and its amount in the table and in the drawing's data, compares
 * the models; a bad file names the row and field and stores nothing; what people typed never reaches the page as
 * markup; the pages speak Indonesian; other roles, and an analyst outside a financial intelligence unit, get 403.
 */
@TipxIntegrationTest
class FlowsPageIntegrationTests {

	@LocalServerPort
	int port;

	Fixtures fixtures;

	Visitor investigator;

	String victim = FlowsApiIntegrationTests.tron(), mule = FlowsApiIntegrationTests.tron(),
			exchange = FlowsApiIntegrationTests.tron(), other = FlowsApiIntegrationTests.tron(),
			tx = "victim-" + UUID.randomUUID();

	@BeforeEach
	void anInvestigator() {
		fixtures = new Fixtures(new Api(port));
		investigator = Visitor.loggedIn(port, fixtures.account(fixtures.organisation("LAW_ENFORCEMENT", "ID"),
				"INVESTIGATOR"), Fixtures.PASSWORD);
	}

	String csv() {
		return "chain,tx,index,time,from,to,asset,amount\n"
				+ "tron," + tx + ",0,2024-05-01T10:00:00Z," + victim + "," + mule + ",USDT,1000\n"
				+ "tron,out-" + tx + ",0,2024-05-01T11:00:00Z," + mule + "," + exchange + ",USDT,600.5\n"
				+ "tron,rest-" + tx + ",0,2024-05-01T12:00:00Z," + mule + "," + other + ",USDT,399.5\n";
	}

	@Test
	void anInvestigatorUploadsTagsTracesAndComparesThroughThePages() {
		investigator.get("/flows/transfers");
		Page uploaded = investigator.upload("/flows/transfers", "file", "transfers.csv", "text/csv",
				csv().getBytes(StandardCharsets.UTF_8));
		assertThat(uploaded.status()).as(uploaded.body()).isEqualTo(200);
		assertThat(uploaded.text("#received")).isEqualTo("3");
		assertThat(uploaded.text("#new")).isEqualTo("3");
		investigator.get("/flows/transfers");
		Page again = investigator.upload("/flows/transfers", "file", "transfers.csv", "text/csv",
				csv().getBytes(StandardCharsets.UTF_8));
		assertThat(again.text("#new")).isEqualTo("0");
		assertThat(again.text("#already")).isEqualTo("3");

		investigator.get("/flows/tags");
		Page tagged = investigator.follow(investigator.submit("/flows/tags", "chain", "tron", "address", exchange, "tag",
				"exchange", "name", "<b>Exchange A</b>", "source", "court order <script>alert(1)</script>", "tlp",
				"AMBER"));
		assertThat(tagged.text("#notice")).contains(exchange);
		assertThat(tagged.text("#tags")).contains(exchange, "Exchange", "<b>Exchange A</b>",
				"court order <script>alert(1)</script>", "TLP:AMBER");
		assertThat(tagged.body()).doesNotContain("<b>Exchange A</b>").doesNotContain("<script>alert(1)</script>");

		investigator.get("/flows/trace");
		Page trace = investigator.submit("/flows/trace", "seeds", tx + " 1000", "direction", "FORWARD", "model",
				"HAIRCUT", "maxHops", "7");
		assertThat(trace.status()).as(trace.body()).isEqualTo(200);
		assertThat(trace.html().select("#endpoints tbody tr").stream().map(r -> r.text()))
				.anySatisfy(row -> assertThat(row).contains(exchange, "<b>Exchange A</b>", "600.5 USDT",
						"Reached a tagged service"))
				.anySatisfy(row -> assertThat(row).contains(other, "399.5 USDT", "Still held there"));
		String drawing = trace.html().select("script#trace-graph-data").first().data();
		assertThat(drawing).contains("600.5 USDT", "\"kind\":\"service\"", "\\u003cb\\u003eExchange A")
				.doesNotContain("<b>");
		assertThat(trace.html().select("#hop-limit, #partial")).isEmpty();

		Page shallow = investigator.submit("/flows/trace", "seeds", tx, "direction", "FORWARD", "model", "FIFO",
				"maxHops", "1");
		assertThat(shallow.text("#hop-limit")).contains("hop limit");

		var again2 = trace.html().select("#compare-form input[type=hidden]");
		assertThat(again2.stream().map(i -> i.attr("name") + "=" + i.val())).as("the comparison keeps the seeds")
				.contains("seeds=" + tx + " 1000", "direction=FORWARD", "maxHops=7");
		Page compared = investigator.submit("/flows/comparison", "seeds", tx + " 1000", "direction", "FORWARD",
				"maxHops", "7");
		assertThat(compared.html().select("#compared tbody tr").stream().map(r -> r.text()))
				.anySatisfy(row -> assertThat(row).contains(exchange, "600.5 to 600.5 USDT"));
	}

	@Test
	void aBadFileIsRefusedNamingTheRowAndFieldAndNothingIsStored() {
		investigator.get("/flows/transfers");
		String json = "[{\"chain\":\"tron\",\"tx\":\"" + tx + "\",\"index\":0,\"time\":\"2024-05-01T10:00:00Z\","
				+ "\"from\":\"" + victim + "\",\"to\":\"" + mule + "\",\"asset\":\"USDT\",\"amount\":\"1000\"},"
				+ "{\"chain\":\"tron\",\"tx\":\"neg-" + tx + "\",\"index\":0,\"time\":\"2024-05-01T10:00:00Z\","
				+ "\"from\":\"" + victim + "\",\"to\":\"" + mule + "\",\"asset\":\"USDT\",\"amount\":\"-5\"}]";
		Page refused = investigator.upload("/flows/transfers", "file", "transfers.json", "application/json",
				json.getBytes(StandardCharsets.UTF_8));
		assertThat(refused.status()).isEqualTo(400);
		assertThat(refused.text("#problem")).contains("transfers[1].amount");
		assertThat(refused.html().select("#imported")).isEmpty();

		Page unknown = investigator.submit("/flows/trace", "seeds", tx + "<i>", "model", "FIFO", "maxHops", "7");
		assertThat(unknown.status()).as("the good row was not stored either").isEqualTo(404);
		assertThat(unknown.text("#problem")).contains(tx + "<i>");
		assertThat(unknown.body()).doesNotContain(tx + "<i>");

		Page noNumber = investigator.submit("/flows/trace", "seeds", tx + " lots", "maxHops", "many");
		assertThat(noNumber.status()).isEqualTo(400);
		assertThat(noNumber.text("#problem")).contains("seeds");
		assertThat(noNumber.html().select("#seeds").first().text()).isEqualTo(tx + " lots");
	}

	@Test
	void thePagesSpeakIndonesian() {
		Page trace = investigator.get("/flows/trace?lang=id");
		assertThat(trace.language()).isEqualTo("id");
		assertThat(trace.text("h1")).isEqualTo("Lacak uang");
		assertThat(trace.text("label[for=model]")).isEqualTo("Model penandaan");
		assertThat(investigator.get("/flows/tags").text("h1")).isEqualTo("Tag alamat");
		assertThat(investigator.get("/flows/transfers").text("h1")).isEqualTo("Transfer");
		assertThat(investigator.get("/").html().select("a[href=/flows/trace]").text()).contains("Lacak uang");
	}

	@Test
	void otherRolesAndAnAnalystOutsideAFinancialIntelligenceUnitGet403() {
		String ngo = fixtures.organisation("CIVIL_SOCIETY", "ID");
		Visitor screener = Visitor.loggedIn(port, fixtures.account(ngo, "SCREENER"), Fixtures.PASSWORD);
		Visitor analyst = Visitor.loggedIn(port, fixtures.account(ngo, "ANALYST"), Fixtures.PASSWORD);
		for (String page : new String[] { "/flows/trace", "/flows/comparison", "/flows/transfers", "/flows/tags" }) {
			assertThat(screener.get(page).status()).as(page).isEqualTo(403);
			assertThat(analyst.get(page).status()).as(page).isEqualTo(403);
		}
		assertThat(screener.get("/").html().select("a[href^=/flows]")).isEmpty();

		Visitor fiu = Visitor.loggedIn(port, fixtures.account(fixtures.organisation("FINANCIAL_INTELLIGENCE_UNIT", "ID"),
				"ANALYST"), Fixtures.PASSWORD);
		assertThat(fiu.get("/flows/trace").status()).isEqualTo(200);
	}
}
