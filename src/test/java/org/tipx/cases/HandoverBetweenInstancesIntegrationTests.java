package org.tipx.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

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
import org.tipx.federation.CanonicalJson;

import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.PublicKeySign;
import com.google.crypto.tink.RegistryConfiguration;
import com.google.crypto.tink.signature.PredefinedSignatureParameters;
import com.google.crypto.tink.signature.SignatureConfig;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Two tipx installations, as Indonesia's and Cambodia's would be: two application contexts on two embedded databases,
 * each with its own keys, registered as each other's peers. A case opened from a screening in one is handed over to
 * an NGO in the other, arrives with exactly the personal fields the consent allows, and the sender sees it received; a
 * changed byte, an unknown signer, another addressee and a replay are each refused with their own message, and nothing
 * is stored.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HandoverBetweenInstancesIntegrationTests {

	static final String JAKARTA = "tipx-id";

	static final String PHNOM_PENH = "tipx-kh";

	ConfigurableApplicationContext indonesia;

	ConfigurableApplicationContext cambodia;

	Fixtures idFixtures;

	Fixtures khFixtures;

	JdbcClient khDb;

	String consulate;

	String screener;

	String caseWorker;

	String supervisor;

	String ngo;

	String ngoName;

	String ngoWorker;

	String otherNgoWorker;

	@BeforeAll
	void start() throws Exception {
		indonesia = start(JAKARTA, "ID");
		cambodia = start(PHNOM_PENH, "KH");
		idFixtures = new Fixtures(new Api(port(indonesia)));
		khFixtures = new Fixtures(new Api(port(cambodia)));
		khDb = cambodia.getBean(JdbcClient.class);

		// Indonesia registers Cambodia from its well-known document, confirming the fingerprint read out by phone
		JsonNode khDocument = khFixtures.api.get(null, "/.well-known/tipx-instance").json();
		Reply registered = idFixtures.api.post(idFixtures.admin, "/api/v1/peers", Map.of("baseUrl",
				"http://localhost:" + port(cambodia), "fingerprint", khDocument.get("fingerprint").asString()));
		assertThat(registered.status()).as(registered.body()).isEqualTo(201);
		assertThat(registered.json().get("name").asString()).isEqualTo(PHNOM_PENH);
		// Cambodia registers Indonesia with the keys given
		JsonNode idDocument = idFixtures.api.get(null, "/.well-known/tipx-instance").json();
		register(khFixtures, idDocument, port(indonesia));
	}

	@AfterAll
	void stop() {
		if (indonesia != null) {
			indonesia.close();
		}
		if (cambodia != null) {
			cambodia.close();
		}
	}

	@BeforeEach
	void organisations() {
		consulate = idFixtures.organisation("CONSULATE", "TH");
		screener = idFixtures.tokenFor(idFixtures.account(consulate, "SCREENER"));
		caseWorker = idFixtures.tokenFor(idFixtures.account(consulate, "CASE_WORKER"));
		supervisor = idFixtures.tokenFor(idFixtures.account(consulate, "ORG_ADMIN"));
		ngo = khFixtures.organisation("CIVIL_SOCIETY", "KH");
		ngoName = khFixtures.api.get(khFixtures.admin, "/api/v1/organisations/" + ngo).json().get("name").asString();
		ngoWorker = khFixtures.tokenFor(khFixtures.account(ngo, "CASE_WORKER"));
		String otherNgo = khFixtures.organisation("CIVIL_SOCIETY", "KH");
		otherNgoWorker = khFixtures.tokenFor(khFixtures.account(otherNgo, "CASE_WORKER"));
	}

	@Test
	void aCaseOpenedFromAScreeningArrivesInTheOtherInstanceWithExactlyTheAllowedFieldsAndTheSenderSeesItReceived() {
		String caseId = screenedCase(true);
		Reply sent = handOver(caseId, true);
		assertThat(sent.status()).as(sent.body()).isEqualTo(201);
		String handoverId = sent.json().get("id").asString();
		JsonNode pkg = sent.json().get("package");
		assertThat(strings(pkg.get("personal").get("fields"))).containsExactly("fullName", "otherNames", "dateOfBirth",
				"contacts", "addresses", "familyContact");
		assertThat(pkg.get("consent").get("version").asInt()).isEqualTo(1);
		assertThat(pkg.get("case").get("nationality").asString()).isEqualTo("ID");
		assertThat(pkg.get("nonPunishment").get("determined").asBoolean()).isTrue();
		assertThat(sent.body()).doesNotContain("Rina").doesNotContain("X1234567");
		assertThat(sent.json().get("state").asString()).isEqualTo("SENT");

		String file = download(handoverId);
		Reply imported = khFixtures.api.postRaw(ngoWorker, "/api/v1/handovers/import", file);
		assertThat(imported.status()).as(imported.body()).isEqualTo(201);
		String received = imported.json().get("caseId").asString();

		JsonNode opened = khFixtures.api.get(ngoWorker, "/api/v1/cases/" + received).json();
		assertThat(opened.get("source").asString()).isEqualTo("HANDOVER");
		assertThat(opened.get("ownerOrganisationId").asString()).isEqualTo(ngo);
		assertThat(opened.get("traffickingStatus").asString()).isEqualTo("PRESUMED");
		assertThat(opened.get("nonPunishment").asBoolean()).isTrue();
		JsonNode personal = opened.get("personal");
		assertThat(personal.get("fullName").asString()).isEqualTo("Rina Wulandari");
		assertThat(personal.get("otherNames").asString()).isEqualTo("Rina W.");
		assertThat(personal.get("dateOfBirth").asString()).isEqualTo("1999-03-14");
		assertThat(personal.get("contacts").asString()).isEqualTo("+62 812 0000 1111");
		assertThat(personal.get("addresses").asString()).isEqualTo("Jl. Merdeka 1, Medan");
		assertThat(personal.get("familyContact").asString()).isEqualTo("Sister, +62 812 0000 2222");
		assertThat(personal.path("documents").isString()).as("documents do not go to an NGO").isFalse();
		assertThat(personal.path("ownAccounts").isString()).as("the person's own accounts never go").isFalse();

		JsonNode timeline = khFixtures.api.get(ngoWorker, "/api/v1/cases/" + received + "/timeline").json()
				.get("items");
		JsonNode entry = find(timeline, "handover.received");
		assertThat(entry.get("detail").get("from").asString()).isEqualTo(JAKARTA + "/" + organisationName(consulate));
		assertThat(entry.get("detail").get("fromCaseId").asString()).isEqualTo(caseId);
		assertThat(khDb.sql("SELECT cardinality(name_tokens) FROM cases_case WHERE id = ?::uuid").param(received)
				.query(Integer.class).single()).as("the name is findable by its keyed tokens").isPositive();
		assertThat(khDb.sql("SELECT personal FROM cases_case WHERE id = ?::uuid").param(received)
				.query(String.class).single()).as("sealed at rest").doesNotContain("Rina");

		await().atMost(Duration.ofSeconds(30)).until(
				() -> idFixtures.api.get(caseWorker, "/api/v1/handovers/" + handoverId).json().get("state").asString(),
				"RECEIVED"::equals);
		JsonNode handover = idFixtures.api.get(caseWorker, "/api/v1/handovers/" + handoverId).json();
		assertThat(handover.get("receivedBy").asString()).isEqualTo(PHNOM_PENH + "/" + ngoName);
	}

	@Test
	void aChangedByteAnUnknownSignerAnotherAddresseeAndAReplayAreEachRefusedWithTheirOwnMessageAndNothingStored()
			throws Exception {
		String caseId = screenedCase(true);
		String handoverId = handOver(caseId, true).json().get("id").asString();
		String file = download(handoverId);
		String packageId = CanonicalJson.parse(file).get("id").asString();

		String changed = file.replace("\"PRESUMED\"", "\"PRESUMEE\"");
		assertThat(changed).hasSameSizeAs(file).isNotEqualTo(file);
		Reply tampered = khFixtures.api.postRaw(ngoWorker, "/api/v1/handovers/import", changed);
		assertThat(tampered.status()).isEqualTo(400);
		assertThat(tampered.isProblem()).isTrue();
		assertThat(tampered.json().get("detail").asString()).contains("signature does not verify");
		assertNothingStored(packageId);

		Reply broken = khFixtures.api.postRaw(ngoWorker, "/api/v1/handovers/import", file.substring(1));
		assertThat(broken.status()).isEqualTo(400);
		assertThat(broken.json().get("detail").asString()).contains("malformed");
		assertNothingStored(packageId);

		Reply unknown = khFixtures.api.postRaw(ngoWorker, "/api/v1/handovers/import", signedByRogue(file));
		assertThat(unknown.status()).isEqualTo(403);
		assertThat(unknown.json().get("detail").asString())
				.contains("signed by an instance that is not a trusted peer");
		assertNothingStored(packageId);

		Reply elsewhere = khFixtures.api.postRaw(otherNgoWorker, "/api/v1/handovers/import", file);
		assertThat(elsewhere.status()).isEqualTo(403);
		assertThat(elsewhere.json().get("detail").asString()).contains("addressed to another organisation");
		assertNothingStored(packageId);

		Reply first = khFixtures.api.postRaw(ngoWorker, "/api/v1/handovers/import", file);
		assertThat(first.status()).as(first.body()).isEqualTo(201);
		int cases = ngoCases();
		Reply replayed = khFixtures.api.postRaw(ngoWorker, "/api/v1/handovers/import", file);
		assertThat(replayed.status()).isEqualTo(409);
		assertThat(replayed.json().get("detail").asString()).contains("already received");
		assertThat(ngoCases()).isEqualTo(cases).isEqualTo(1);
		assertThat(arrivals(packageId)).isEqualTo(1);
	}

	@Test
	void withoutConsentToReferralTheHandoverIsRefusedNamingTheConsentUnlessASupervisorGivesAReason() {
		String caseId = screenedCase(false);
		Reply refused = handOver(caseId, true);
		assertThat(refused.status()).isEqualTo(409);
		assertThat(refused.json().get("detail").asString()).contains("consent.referral");

		Reply overridden = idFixtures.api.post(supervisor, "/api/v1/cases/" + caseId + "/handovers",
				Map.of("toPeer", PHNOM_PENH, "toOrganisation", Map.of("name", ngoName, "country", "KH"),
						"consentOverride", "The person is a child at risk; the NGO must find her today"));
		assertThat(overridden.status()).as(overridden.body()).isEqualTo(201);
		assertThat(overridden.json().get("package").get("consent").get("overriddenBySupervisor").asBoolean())
				.isTrue();
		assertThat(overridden.json().get("package").has("personal")).isFalse();
	}

	@Test
	void aPushedPackageWaitsForACaseWorkerOfTheAddressedOrganisationWhoOpensIt() {
		String caseId = screenedCase(true);
		Reply sent = idFixtures.api.post(caseWorker, "/api/v1/cases/" + caseId + "/handovers",
				Map.of("toPeer", PHNOM_PENH, "toOrganisation", Map.of("name", ngoName, "country", "KH"), "push", true));
		assertThat(sent.status()).as(sent.body()).isEqualTo(201);
		assertThat(sent.json().get("handover").get("pushOutcome").asString()).startsWith("202");
		String packageId = sent.json().get("id").asString();
		assertThat(ngoCases()).isZero();

		JsonNode received = khFixtures.api.get(ngoWorker, "/api/v1/handovers").json().get("received");
		assertThat(received).hasSize(1);
		assertThat(received.get(0).get("state").asString()).isEqualTo("AWAITING");
		Reply notTheirs = khFixtures.api.post(otherNgoWorker, "/api/v1/handovers/received/" + packageId + "/open",
				null);
		assertThat(notTheirs.status()).isEqualTo(404);

		Reply opened = khFixtures.api.post(ngoWorker, "/api/v1/handovers/received/" + packageId + "/open", null);
		assertThat(opened.status()).as(opened.body()).isEqualTo(200);
		assertThat(opened.json().get("state").asString()).isEqualTo("OPENED");
		assertThat(ngoCases()).isEqualTo(1);
		Reply again = khFixtures.api.post(ngoWorker, "/api/v1/handovers/received/" + packageId + "/open", null);
		assertThat(again.status()).isEqualTo(404);
		assertThat(ngoCases()).isEqualTo(1);
		await().atMost(Duration.ofSeconds(30)).until(
				() -> idFixtures.api.get(caseWorker, "/api/v1/handovers/" + packageId).json().get("state").asString(),
				"RECEIVED"::equals);
	}

	@Test
	void aPushedPackageThatTheCaseWorkerAlsoImportsByHandOpensOnce() {
		String caseId = screenedCase(true);
		Reply sent = idFixtures.api.post(caseWorker, "/api/v1/cases/" + caseId + "/handovers",
				Map.of("toPeer", PHNOM_PENH, "toOrganisation", Map.of("name", ngoName, "country", "KH"), "push", true));
		assertThat(sent.status()).as(sent.body()).isEqualTo(201);
		String file = download(sent.json().get("id").asString());
		Reply imported = khFixtures.api.postRaw(ngoWorker, "/api/v1/handovers/import", file);
		assertThat(imported.status()).as(imported.body()).isEqualTo(201);
		assertThat(imported.json().get("state").asString()).isEqualTo("OPENED");
		assertThat(khFixtures.api.postRaw(ngoWorker, "/api/v1/handovers/import", file).status()).isEqualTo(409);
		assertThat(ngoCases()).isEqualTo(1);
	}

	@Test
	void aPackageFromAPeerThatWasRemovedIsNoLongerTrusted() {
		String caseId = screenedCase(true);
		String file = download(handOver(caseId, false).json().get("id").asString());
		JsonNode peer = null;
		for (JsonNode each : khFixtures.api.get(khFixtures.admin, "/api/v1/peers").json()) {
			if (each.get("name").asString().equals(JAKARTA)) {
				peer = each;
			}
		}
		assertThat(peer).isNotNull();
		assertThat(khFixtures.api.delete(khFixtures.admin, "/api/v1/peers/" + peer.get("id").asString()).status())
				.isEqualTo(204);
		try {
			Reply refused = khFixtures.api.postRaw(ngoWorker, "/api/v1/handovers/import", file);
			assertThat(refused.status()).isEqualTo(403);
			assertThat(refused.json().get("detail").asString()).contains("not a trusted peer");
			assertThat(ngoCases()).isZero();
		}
		finally {
			register(khFixtures, idFixtures.api.get(null, "/.well-known/tipx-instance").json(), port(indonesia));
		}
		assertThat(khFixtures.api.postRaw(ngoWorker, "/api/v1/handovers/import", file).status()).isEqualTo(201);
	}

	@Test
	void onlyAnAdministratorRegistersPeersAndTheWellKnownDocumentNeedsNoLogin() {
		JsonNode document = idFixtures.api.get(null, "/.well-known/tipx-instance").json();
		assertThat(document.get("name").asString()).isEqualTo(JAKARTA);
		assertThat(document.get("country").asString()).isEqualTo("ID");
		assertThat(document.get("publicKeys")).hasSize(2);
		assertThat(idFixtures.api.get(caseWorker, "/api/v1/peers").status()).isEqualTo(403);
		assertThat(idFixtures.api.get(idFixtures.admin, "/api/v1/peers").json().get(0).get("name").asString())
				.isEqualTo(PHNOM_PENH);
		Reply wrongFingerprint = idFixtures.api.post(idFixtures.admin, "/api/v1/peers",
				Map.of("baseUrl", "http://localhost:" + port(cambodia), "fingerprint", "00".repeat(32)));
		assertThat(wrongFingerprint.status()).isEqualTo(409);
		Reply badKeys = idFixtures.api.post(idFixtures.admin, "/api/v1/peers", Map.of("name", "tipx-th", "country",
				"TH", "baseUrl", "http://localhost:1", "publicKeys", List.of(Map.of("use", "sign", "keyset", "eA=="))));
		assertThat(badKeys.status()).isEqualTo(400);
		assertThat(badKeys.body()).contains("publicKeys[0]");
		Reply anonymous = idFixtures.api.postRaw(null, "/api/v1/handovers/import", "{}");
		assertThat(anonymous.status()).isEqualTo(401);
		assertThat(anonymous.isProblem()).isTrue();
	}

	String screenedCase(boolean referral) {
		Map<String, Object> answers = new HashMap<>(Map.of("nationality", "ID", "age_band", "25_34", "A3", "yes",
				"C1", "yes", "E1", "yes", "I3", "yes"));
		Reply screening = idFixtures.api.post(screener, "/api/v1/screenings", Map.of("formId", "tipx-screening",
				"language", "en", "answers", answers, "consent", Map.of("assistance", true, "referral", referral,
						"shareWithCountryOfNationality", false, "research", false)));
		assertThat(screening.status()).as(screening.body()).isEqualTo(201);
		String screeningId = screening.json().get("id").asString();
		JsonNode summary = await().atMost(Duration.ofSeconds(30)).until(() -> {
			JsonNode items = idFixtures.api.get(caseWorker, "/api/v1/cases?screeningId=" + screeningId).json()
					.get("items");
			return items.isEmpty() ? null : items.get(0);
		}, found -> found != null);
		String caseId = summary.get("id").asString();
		Map<String, Object> personal = new HashMap<>();
		personal.put("fullName", "Rina Wulandari");
		personal.put("otherNames", "Rina W.");
		personal.put("dateOfBirth", "1999-03-14");
		personal.put("documents", "Passport X1234567 (ID)");
		personal.put("contacts", "+62 812 0000 1111");
		personal.put("addresses", "Jl. Merdeka 1, Medan");
		personal.put("familyContact", "Sister, +62 812 0000 2222");
		personal.put("ownAccounts", "telegram @rina_w");
		Reply updated = idFixtures.api.put(caseWorker, "/api/v1/cases/" + caseId, Map.of("traffickingStatus",
				"PRESUMED", "nationality", "ID", "exploitationTypes", List.of("FORCED_CRIMINALITY"), "personal",
				personal));
		assertThat(updated.status()).as(updated.body()).isEqualTo(200);
		return caseId;
	}

	Reply handOver(String caseId, boolean sharePersonal) {
		return idFixtures.api.post(caseWorker, "/api/v1/cases/" + caseId + "/handovers", Map.of("toPeer", PHNOM_PENH,
				"toOrganisation", Map.of("name", ngoName, "country", "KH", "type", "CIVIL_SOCIETY"), "sharePersonal",
				sharePersonal));
	}

	String download(String handoverId) {
		Reply file = idFixtures.api.get(caseWorker, "/api/v1/handovers/" + handoverId + "/package");
		assertThat(file.status()).as(file.body()).isEqualTo(200);
		return file.body();
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

	void assertNothingStored(String packageId) {
		assertThat(ngoCases()).isZero();
		assertThat(arrivals(packageId)).isZero();
	}

	int ngoCases() {
		return khDb.sql("SELECT count(*) FROM cases_case WHERE owner_organisation_id = ?::uuid").param(ngo)
				.query(Integer.class).single();
	}

	int arrivals(String packageId) {
		return khDb.sql("SELECT count(*) FROM cases_handover_received WHERE package_id = ?::uuid").param(packageId)
				.query(Integer.class).single();
	}

	String organisationName(String organisationId) {
		return idFixtures.api.get(idFixtures.admin, "/api/v1/organisations/" + organisationId).json().get("name")
				.asString();
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

	static JsonNode find(JsonNode timeline, String kind) {
		for (JsonNode entry : timeline) {
			if (entry.get("kind").asString().equals(kind)) {
				return entry;
			}
		}
		throw new AssertionError("no " + kind + " in " + timeline);
	}

	static List<String> strings(JsonNode array) {
		List<String> values = new ArrayList<>();
		array.forEach(v -> values.add(v.asString()));
		return values;
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
