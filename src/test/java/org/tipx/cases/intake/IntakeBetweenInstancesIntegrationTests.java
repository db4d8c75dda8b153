package org.tipx.cases.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.tipx.Api;
import org.tipx.Api.Reply;
import org.tipx.Fixtures;
import org.tipx.TipxApplication;
import org.tipx.Visitor;
import org.tipx.federation.CanonicalJson;
import org.tipx.federation.Federation;
import org.tipx.federation.Peer;

import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.PublicKeySign;
import com.google.crypto.tink.RegistryConfiguration;
import com.google.crypto.tink.signature.PredefinedSignatureParameters;
import com.google.crypto.tink.signature.SignatureConfig;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Two tipx installations, Cambodia's and Indonesia's, each with its own database and keys, registered as each other's
 * peers. A relative files a public report on Cambodia's page about an Indonesian held in Cambodia: Cambodia's focal
 * points read it there, Indonesia's on their own installation; when Indonesia's focal point acknowledges it, the
 * relative's status page on Cambodia's installation says so. A changed, unsigned, foreign or misaddressed package is
 * refused and a replay stores nothing new; without the person's agreement only the country of nationality is told.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class IntakeBetweenInstancesIntegrationTests {

	static final String PHNOM_PENH = "tipx-kh";

	static final String JAKARTA = "tipx-id";

	ConfigurableApplicationContext cambodia;

	ConfigurableApplicationContext indonesia;

	Fixtures khFixtures;

	Fixtures idFixtures;

	JdbcClient khDb;

	JdbcClient idDb;

	String khFocalPoint;

	String idFocalPoint;

	String idFocalPointName;

	String idEmbassyOfCambodia;

	String marker;

	@BeforeAll
	void start() throws Exception {
		cambodia = start(PHNOM_PENH, "KH");
		indonesia = start(JAKARTA, "ID");
		khFixtures = new Fixtures(new Api(port(cambodia)));
		idFixtures = new Fixtures(new Api(port(indonesia)));
		khDb = cambodia.getBean(JdbcClient.class);
		idDb = indonesia.getBean(JdbcClient.class);
		register(khFixtures, idFixtures.api.get(null, "/.well-known/tipx-instance").json(), port(indonesia));
		register(idFixtures, khFixtures.api.get(null, "/.well-known/tipx-instance").json(), port(cambodia));
	}

	@AfterAll
	void stop() {
		if (cambodia != null) {
			cambodia.close();
		}
		if (indonesia != null) {
			indonesia.close();
		}
	}

	@BeforeEach
	void focalPoints() {
		khFocalPoint = khFixtures.tokenFor(
				khFixtures.account(khFixtures.organisation("GOVERNMENT", "KH"), "FOCAL_POINT"));
		idFocalPointName = idFixtures.account(idFixtures.organisation("GOVERNMENT", "ID"), "FOCAL_POINT");
		idFocalPoint = idFixtures.tokenFor(idFocalPointName);
		// Cambodia's embassy in Jakarta: a KH focal point on Indonesia's installation, whom Cambodia tells itself
		idEmbassyOfCambodia = idFixtures.tokenFor(
				idFixtures.account(idFixtures.organisation("CONSULATE", "KH"), "FOCAL_POINT"));
		marker = "m" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
	}

	@Test
	void aReportFiledInCambodiaReachesBothCountriesFocalPointsOnBothInstallationsAndTheirAcknowledgementComesBack() {
		String reference = file("ID", "KH", "yes");

		JsonNode here = byReference(khFixtures.api.get(khFocalPoint, "/api/v1/intakes").json(), reference);
		assertThat(here).as("Cambodia's focal point reads it on Cambodia's installation").isNotNull();
		assertThat(here.get("details").get("whatHappened").asString()).contains(marker + "-story");

		JsonNode there = await().atMost(Duration.ofSeconds(30))
				.until(() -> byMarker(idFixtures.api.get(idFocalPoint, "/api/v1/intakes").json()), found -> found != null);
		assertThat(there.get("fromInstance").asString()).isEqualTo(PHNOM_PENH);
		assertThat(there.get("toldAs").asString()).isEqualTo("ID");
		assertThat(there.get("nationality").asString()).isEqualTo("ID");
		assertThat(there.get("countryHeld").asString()).isEqualTo("KH");
		assertThat(there.get("reporter").asString()).isEqualTo("FAMILY");
		assertThat(there.get("details").get("contactChannel").asString()).contains(marker + "-channel");
		assertThat(there.get("details").get("doNotCall").asBoolean()).isTrue();
		assertThat(there.get("reference").asString()).as("the reporter's reference never leaves Cambodia")
				.isNotEqualTo(reference);
		assertThat(idDb.sql("SELECT details FROM cases_intake WHERE id = ?::uuid")
				.param(there.get("intakeId").asString()).query(String.class).single()).as("sealed at rest")
				.doesNotContain(marker);
		Visitor.Page page = Visitor.loggedIn(port(indonesia), idFocalPointName, Fixtures.PASSWORD).get("/intake");
		var article = page.html().selectFirst("article[data-reference=" + there.get("reference").asString() + "]");
		assertThat(article).as("on Indonesia's focal point's inbox page").isNotNull();
		assertThat(article.select(".what-happened").text()).contains(marker + "-story");
		assertThat(article.select(".from-instance").text()).contains(PHNOM_PENH);
		assertThat(byMarker(idFixtures.api.get(idEmbassyOfCambodia, "/api/v1/intakes").json()))
				.as("the package is addressed to Indonesia's focal points only").isNull();
		assertThat(new Reporter(port(indonesia), Reporter.freshNetwork() + "9").status(there.get("reference").asString())
				.html().selectFirst("#status").attr("data-status")).as("no status page answers for a received report")
				.isEqualTo("UNKNOWN");

		assertThat(status(reference)).isEqualTo("RECEIVED");
		Reply acknowledged = idFixtures.api.post(idFocalPoint, "/api/v1/intakes/" + there.get("id").asString()
				+ "/acknowledge", null);
		assertThat(acknowledged.status()).as(acknowledged.body()).isEqualTo(204);
		await().atMost(Duration.ofSeconds(30)).until(() -> status(reference), "ACKNOWLEDGED"::equals);
		assertThat(byReference(khFixtures.api.get(khFocalPoint, "/api/v1/intakes").json(), reference)
				.get("acknowledgedAt").isNull()).as("Cambodia's own item is still to be acknowledged there").isTrue();
	}

	@Test
	void aChangedUnsignedForeignOrMisaddressedPackageIsRefusedAndAReplayStoresNothingNew() throws Exception {
		String reference = file("ID", "KH", "yes");
		UUID intakeId = khDb.sql("SELECT id FROM cases_intake WHERE reference = ?")
				.param(Reference.parse(reference).orElseThrow().value()).query(UUID.class).single();
		await().atMost(Duration.ofSeconds(30)).until(() -> arrived(intakeId), n -> n == 1);
		int fromCambodia = fromCambodia();
		Peer jakarta = cambodia.getBean(Federation.class).peer(JAKARTA).orElseThrow();
		String pkg = cambodia.getBean(PeerFocalPoints.class).packageFor(intakeId, jakarta, "ID");
		assertThat(pkg).as("no reference and no words in the clear").doesNotContain(reference)
				.doesNotContain(Reference.parse(reference).orElseThrow().value()).doesNotContain(marker);

		HttpResponse<String> replayed = push(PHNOM_PENH, pkg);
		assertThat(replayed.statusCode()).isEqualTo(409);
		assertThat(replayed.body()).contains("already received");

		UUID other = UUID.randomUUID();
		HttpResponse<String> changed = push(PHNOM_PENH, pkg.replace(intakeId.toString(), other.toString()));
		assertThat(changed.statusCode()).isEqualTo(400);
		assertThat(changed.body()).contains("signature does not verify");
		assertThat(arrived(other)).isZero();

		ObjectNode unsigned = (ObjectNode) CanonicalJson.parse(pkg);
		unsigned.remove("signature");
		assertThat(push(PHNOM_PENH, CanonicalJson.text(unsigned)).statusCode()).isEqualTo(400);

		HttpResponse<String> rogue = push("tipx-rogue", signedByRogue(pkg));
		assertThat(rogue.statusCode()).isEqualTo(403);
		assertThat(rogue.body()).contains("not a trusted peer");

		HttpResponse<String> posing = push(JAKARTA, pkg);
		assertThat(posing.statusCode()).as("posted by one installation, signed by another").isEqualTo(403);

		String toThailand = cambodia.getBean(PeerFocalPoints.class).packageFor(intakeId, jakarta, "TH");
		HttpResponse<String> misaddressed = push(PHNOM_PENH, toThailand);
		assertThat(misaddressed.statusCode()).isEqualTo(403);
		assertThat(misaddressed.body()).contains("addressed to another installation or country");

		assertThat(idFixtures.api.postRaw(null, "/api/v1/intakes/import", pkg).status()).isEqualTo(401);
		assertThat(fromCambodia()).isEqualTo(fromCambodia);
		assertThat(arrived(intakeId)).isEqualTo(1);
	}

	@Test
	void aChangedOrForeignAcknowledgementDoesNotMakeTheReportAcknowledged() throws Exception {
		String reference = file("ID", "KH", "yes");
		UUID intakeId = khDb.sql("SELECT id FROM cases_intake WHERE reference = ?")
				.param(Reference.parse(reference).orElseThrow().value()).query(UUID.class).single();
		IntakeArrivals jakarta = indonesia.getBean(IntakeArrivals.class);
		String signed = jakarta.acknowledgementFor(
				new IntakeArrivals.ReceivedIntakeAcknowledged(intakeId, PHNOM_PENH, JAKARTA + "/Kemlu"));

		HttpResponse<String> changed = acknowledge(JAKARTA, signed.replace("/Kemlu", "/Kemla"));
		assertThat(changed.statusCode()).isEqualTo(400);
		assertThat(changed.body()).contains("signature does not verify");
		HttpResponse<String> rogue = acknowledge("tipx-rogue", signedByRogue(signed));
		assertThat(rogue.statusCode()).isEqualTo(403);
		HttpResponse<String> unknown = acknowledge(JAKARTA, jakarta.acknowledgementFor(
				new IntakeArrivals.ReceivedIntakeAcknowledged(UUID.randomUUID(), PHNOM_PENH, JAKARTA + "/Kemlu")));
		assertThat(unknown.statusCode()).as("an intake never forwarded to it").isEqualTo(404);
		assertThat(status(reference)).isEqualTo("RECEIVED");

		assertThat(acknowledge(JAKARTA, signed).statusCode()).isEqualTo(200);
		assertThat(status(reference)).isEqualTo("ACKNOWLEDGED");
	}

	@Test
	void withoutThePersonsAgreementOnlyTheCountryOfNationalityIsToldWhereverItsFocalPointsAre() {
		String toIndonesiaOnly = file("ID", "KH", "no");
		assertThat(byReference(khFixtures.api.get(khFocalPoint, "/api/v1/intakes").json(), toIndonesiaOnly))
				.as("Cambodia, where the person is held, is not told").isNull();
		await().atMost(Duration.ofSeconds(30))
				.until(() -> byMarker(idFixtures.api.get(idFocalPoint, "/api/v1/intakes").json()), found -> found != null);

		marker = marker + "b";
		String cambodian = file("KH", "ID", "no");
		assertThat(byReference(khFixtures.api.get(khFocalPoint, "/api/v1/intakes").json(), cambodian)).isNotNull();
		assertThat(khDb.sql("SELECT count(*) FROM cases_intake_forward f JOIN cases_intake i ON i.id = f.intake_id"
				+ " WHERE i.reference = ?").param(Reference.parse(cambodian).orElseThrow().value())
				.query(Integer.class).single()).as("Indonesia, where the person is held, is not told").isZero();
	}

	String file(String nationality, String held, String share) {
		Reporter.Page sent = new Reporter(port(cambodia), Reporter.freshNetwork() + "5")
				.file(Reporter.report(nationality, held, share, marker));
		assertThat(sent.status()).as(sent.body()).isEqualTo(200);
		return sent.reference();
	}

	String status(String reference) {
		return new Reporter(port(cambodia), Reporter.freshNetwork() + "6").status(reference).html()
				.selectFirst("#status").attr("data-status");
	}

	JsonNode byReference(JsonNode intakes, String reference) {
		for (JsonNode intake : intakes) {
			if (intake.get("reference").asString().equals(reference)) {
				return intake;
			}
		}
		return null;
	}

	JsonNode byMarker(JsonNode intakes) {
		for (JsonNode intake : intakes) {
			if (intake.get("details").get("whatHappened").asString().contains(marker + "-story")) {
				return intake;
			}
		}
		return null;
	}

	int arrived(UUID originIntakeId) {
		return idDb.sql("SELECT count(*) FROM cases_intake WHERE from_instance = ? AND origin_intake_id = ?")
				.params(PHNOM_PENH, originIntakeId).query(Integer.class).single();
	}

	int fromCambodia() {
		return idDb.sql("SELECT count(*) FROM cases_intake WHERE from_instance = ?").param(PHNOM_PENH)
				.query(Integer.class).single();
	}

	HttpResponse<String> push(String as, String body) throws Exception {
		HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port(indonesia)
				+ "/api/v1/intakes/import")).header("Content-Type", "application/json")
				.header("Authorization", Federation.AUTHORIZATION_SCHEME + as)
				.POST(HttpRequest.BodyPublishers.ofString(body)).build();
		return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
	}

	HttpResponse<String> acknowledge(String as, String body) throws Exception {
		HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port(cambodia)
				+ "/api/v1/intakes/acknowledgements")).header("Content-Type", "application/json")
				.header("Authorization", Federation.AUTHORIZATION_SCHEME + as)
				.POST(HttpRequest.BodyPublishers.ofString(body)).build();
		return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
	}

	/** The same package, claiming to come from an installation nobody registered, signed with its own key. */
	static String signedByRogue(String file) throws Exception {
		SignatureConfig.register();
		KeysetHandle rogue = KeysetHandle.generateNew(PredefinedSignatureParameters.ED25519);
		ObjectNode document = (ObjectNode) CanonicalJson.parse(file);
		((ObjectNode) document.get("from")).put("instance", "tipx-rogue");
		document.remove("signature");
		byte[] signature = rogue.getPrimitive(RegistryConfiguration.get(), PublicKeySign.class)
				.sign(CanonicalJson.bytes(document));
		ObjectNode signatureNode = document.putObject("signature");
		signatureNode.put("keyId", String.valueOf(rogue.getPrimary().getId()));
		signatureNode.put("value", Base64.getEncoder().encodeToString(signature));
		return CanonicalJson.text(document);
	}

	static void register(Fixtures at, JsonNode document, int port) {
		List<Map<String, String>> keys = new ArrayList<>();
		for (JsonNode key : document.get("publicKeys")) {
			keys.add(Map.of("use", key.get("use").asString(), "keyset", key.get("keyset").asString()));
		}
		Reply reply = at.api.post(at.admin, "/api/v1/peers", Map.of("name", document.get("name").asString(), "country",
				document.get("country").asString(), "baseUrl", "http://localhost:" + port, "publicKeys", keys));
		assertThat(reply.status()).as(reply.body()).isEqualTo(201);
	}

	static int port(ConfigurableApplicationContext context) {
		return Integer.parseInt(context.getEnvironment().getProperty("local.server.port"));
	}

	static ConfigurableApplicationContext start(String name, String country) throws Exception {
		Path dataDir = Files.createTempDirectory("tipx-" + name);
		// command-line arguments, which win over application.yaml (default properties would not)
		return new SpringApplicationBuilder(TipxApplication.class).profiles("test")
				.run("--server.port=0", "--tipx.db.data-dir=" + dataDir, "--tipx.federation.instance-name=" + name,
						"--tipx.federation.instance-country=" + country, "--tipx.federation.peers-allow-insecure=true",
						"--tipx.first-start.organisation-country=" + country);
	}
}
