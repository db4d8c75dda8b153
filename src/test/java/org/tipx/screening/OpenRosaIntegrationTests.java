package org.tipx.screening;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.javarosa.core.model.Constants;
import org.javarosa.core.model.FormDef;
import org.javarosa.core.model.SelectChoice;
import org.javarosa.core.model.data.SelectOneData;
import org.javarosa.core.model.data.StringData;
import org.javarosa.core.model.instance.InstanceInitializationFactory;
import org.javarosa.form.api.FormEntryController;
import org.javarosa.form.api.FormEntryModel;
import org.javarosa.form.api.FormEntryPrompt;
import org.javarosa.model.xform.XFormSerializingVisitor;
import org.javarosa.xform.util.XFormUtils;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.tipx.Api;
import org.tipx.Fixtures;
import org.tipx.TipxIntegrationTest;

/**
 * ODK Collect's conversation with tipx: the form list, the form, HEAD then POST of an interview made offline with
 * JavaRosa's FormEntryController, replays acknowledged without duplicates, conflicts and bad files refused in OpenRosa
 * XML, and device tokens issued and revoked by the organisation's admin.
 */
@TipxIntegrationTest
class OpenRosaIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	final HttpClient http = HttpClient.newHttpClient();

	Fixtures fixtures;

	String orgAdmin;

	String device;

	String organisation;

	@BeforeEach
	void device() {
		fixtures = new Fixtures(new Api(port));
		organisation = fixtures.organisation("BORDER_IMMIGRATION", "TH");
		orgAdmin = fixtures.tokenFor(fixtures.account(organisation, "ORG_ADMIN"));
		var issued = fixtures.api.post(orgAdmin, "/api/v1/screenings/devices", Map.of("name", "Tablet 3, Mae Sot"));
		assertThat(issued.status()).as(issued.body()).isEqualTo(201);
		device = "http://localhost:" + port + issued.json().get("serverPath").asString();
	}

	@Test
	void collectDownloadsTheFormFillsItOfflineAndSubmitsItOnce() throws Exception {
		HttpResponse<String> list = get(device + "/formList");
		assertThat(list.statusCode()).isEqualTo(200);
		assertThat(list.headers().firstValue("X-OpenRosa-Version")).contains("1.0");
		assertThat(list.body()).contains("<formID>tipx-screening</formID>").contains("<hash>md5:")
				.contains("<downloadUrl>" + device + "/forms/tipx-screening</downloadUrl>");

		HttpResponse<byte[]> form = http.send(HttpRequest.newBuilder(URI.create(device + "/forms/tipx-screening"))
				.build(), HttpResponse.BodyHandlers.ofByteArray());
		assertThat(form.statusCode()).isEqualTo(200);

		byte[] instance = fillAsCollectDoes(form.body(), Map.of("assistance", "yes", "referral", "yes",
				"shareWithCountryOfNationality", "yes", "research", "no", "nationality", "MM", "age_band", "18_24",
				"A3", "yes", "C1", "yes", "E1", "yes", "I3", "yes"));

		HttpResponse<Void> head = http.send(HttpRequest.newBuilder(URI.create(device + "/submission"))
				.method("HEAD", HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.discarding());
		assertThat(head.statusCode()).isEqualTo(204);

		int before = count();
		HttpResponse<String> first = submit(device, instance);
		assertThat(first.statusCode()).as(first.body()).isEqualTo(201);
		assertThat(first.body()).contains("nature=\"submit_success\"").contains("PRESUMED_VICTIM")
				.contains("non-punishment applies");
		assertThat(count()).isEqualTo(before + 1);

		HttpResponse<String> again = submit(device, instance);
		assertThat(again.statusCode()).isEqualTo(200);
		assertThat(again.body()).contains("Already received");
		assertThat(count()).isEqualTo(before + 1);
	}

	@Test
	void aRecordedSubmissionIsAcceptedOnceAndAConflictingOneRefused() throws Exception {
		byte[] recorded = getClass().getResourceAsStream("/screening/recorded-odk-submission.xml").readAllBytes();
		String unique = "uuid:" + UUID.randomUUID();
		byte[] mine = new String(recorded, StandardCharsets.UTF_8)
				.replace("uuid:6b1e8f0c-3f59-4d55-9d35-1c7a0f7e2b41", unique).getBytes(StandardCharsets.UTF_8);

		HttpResponse<String> accepted = submit(device, mine);
		assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(201);
		var stored = jdbc.sql("SELECT outcome, forced_criminality, non_punishment, source FROM screening WHERE instance_id = ?")
				.param(unique).query((rs, n) -> rs.getString(1) + " " + rs.getBoolean(2) + " " + rs.getBoolean(3) + " "
						+ rs.getString(4)).single();
		assertThat(stored).isEqualTo("PRESUMED_VICTIM true true OPENROSA");

		assertThat(submit(device, mine).statusCode()).isEqualTo(200);
		byte[] altered = new String(mine, StandardCharsets.UTF_8).replace("<E3>yes</E3>", "<E3>no</E3>")
				.getBytes(StandardCharsets.UTF_8);
		HttpResponse<String> conflict = submit(device, altered);
		assertThat(conflict.statusCode()).isEqualTo(409);
		assertThat(conflict.body()).contains("<OpenRosaResponse").contains("different content");
		assertThat(jdbc.sql("SELECT count(*) FROM screening WHERE instance_id = ?").param(unique).query(Integer.class)
				.single()).isEqualTo(1);
	}

	@Test
	void badSubmissionsAreRefusedInOpenRosaXmlAndNothingIsStored() throws Exception {
		int before = count();
		HttpResponse<String> malformed = submit(device, "<data id=\"tipx-screening\"><consent>".getBytes());
		assertThat(malformed.statusCode()).isEqualTo(400);
		assertThat(malformed.headers().firstValue("Content-Type").orElse("")).startsWith("text/xml");
		assertThat(malformed.body()).contains("<OpenRosaResponse").contains("not well-formed");

		String hostile = "<?xml version=\"1.0\"?><!DOCTYPE data [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
				+ "<data id=\"tipx-screening\"><profile><nationality>&x;</nationality></profile></data>";
		HttpResponse<String> xxe = submit(device, hostile.getBytes());
		assertThat(xxe.statusCode()).isEqualTo(400);
		assertThat(xxe.body()).doesNotContain("root:");

		byte[] recorded = getClass().getResourceAsStream("/screening/recorded-odk-submission.xml").readAllBytes();
		String badChoice = new String(recorded, StandardCharsets.UTF_8)
				.replace("uuid:6b1e8f0c-3f59-4d55-9d35-1c7a0f7e2b41", "uuid:" + UUID.randomUUID())
				.replace("<A1>yes</A1>", "<A1>perhaps</A1>");
		HttpResponse<String> refused = submit(device, badChoice.getBytes(StandardCharsets.UTF_8));
		assertThat(refused.statusCode()).isEqualTo(400);
		assertThat(refused.body()).contains("A1");

		String otherForm = new String(recorded, StandardCharsets.UTF_8).replace("id=\"tipx-screening\"",
				"id=\"household-survey\"");
		assertThat(submit(device, otherForm.getBytes(StandardCharsets.UTF_8)).body()).contains("formId");

		byte[] huge = new byte[1024 * 1024 + 10];
		java.util.Arrays.fill(huge, (byte) ' ');
		assertThat(submit(device, huge).statusCode()).isEqualTo(413);
		assertThat(count()).isEqualTo(before);
	}

	@Test
	void aSubmissionNestedTooDeepIsRefusedInOpenRosaXml() throws Exception {
		int before = count();
		String deep = "<data id=\"tipx-screening\">" + "<g>".repeat(20_000) + "x" + "</g>".repeat(20_000) + "</data>";
		HttpResponse<String> refused = submit(device, deep.getBytes(StandardCharsets.UTF_8));
		assertThat(refused.statusCode()).isEqualTo(400);
		assertThat(refused.headers().firstValue("Content-Type").orElse("")).startsWith("text/xml");
		assertThat(refused.body()).contains("<OpenRosaResponse").contains("deeper than 64 levels");
		assertThat(count()).isEqualTo(before);
	}

	@Test
	void aBrokenMultipartBodyIsRefusedInOpenRosaXml() throws Exception {
		int before = count();
		String cutOff = "--b0undary\r\nContent-Disposition: form-data; name=\"xml_submission_file\"; "
				+ "filename=\"submission.xml\"\r\nContent-Type: text/xml\r\n\r\n<data id=\"tipx-screening\">";
		for (String type : List.of("multipart/form-data; boundary=b0undary", "multipart/form-data")) {
			HttpResponse<String> refused = http.send(HttpRequest.newBuilder(URI.create(device + "/submission"))
					.header("Content-Type", type).header("X-OpenRosa-Version", "1.0")
					.POST(HttpRequest.BodyPublishers.ofString(cutOff)).build(), HttpResponse.BodyHandlers.ofString());
			assertThat(refused.statusCode()).as(type).isEqualTo(400);
			assertThat(refused.headers().firstValue("Content-Type").orElse("")).as(type).startsWith("text/xml");
			assertThat(refused.body()).as(type).contains("<OpenRosaResponse").contains("multipart");
		}
		assertThat(count()).isEqualTo(before);
	}

	@Test
	void aRevokedDeviceOrAMissingTokenIsRefused() throws Exception {
		assertThat(get("http://localhost:" + port + "/key/not-a-real-device-token-000/formList").statusCode())
				.isEqualTo(401);
		assertThat(get("http://localhost:" + port + "/formList").statusCode()).isEqualTo(401);

		String id = fixtures.api.get(orgAdmin, "/api/v1/screenings/devices").json().get(0).get("id").asString();
		assertThat(fixtures.api.delete(orgAdmin, "/api/v1/screenings/devices/" + id).status()).isEqualTo(204);
		assertThat(get(device + "/formList").statusCode()).isEqualTo(401);
		assertThat(fixtures.api.post(fixtures.tokenFor(fixtures.account(fixtures.organisation("CONSULATE", "ID"),
				"SCREENER")), "/api/v1/screenings/devices", Map.of("name", "x")).status()).isEqualTo(403);
	}

	@Test
	void aScreenersBearerTokenWorksWithoutADeviceKey() throws Exception {
		String screener = fixtures.tokenFor(fixtures.account(fixtures.organisation("CONSULATE", "VN"), "SCREENER"));
		HttpResponse<String> list = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/formList"))
				.header("Authorization", "Bearer " + screener).build(), HttpResponse.BodyHandlers.ofString());
		assertThat(list.statusCode()).isEqualTo(200);
		assertThat(list.body()).contains("<downloadUrl>http://localhost:" + port + "/forms/tipx-screening</downloadUrl>");
	}

	/** Fills the form with JavaRosa as ODK Collect does: one event at a time, answering what the person said. */
	static byte[] fillAsCollectDoes(byte[] formXml, Map<String, String> said) throws Exception {
		FormDef def = XFormUtils.getFormFromInputStream(new ByteArrayInputStream(formXml));
		def.initialize(true, new InstanceInitializationFactory());
		FormEntryModel model = new FormEntryModel(def);
		FormEntryController controller = new FormEntryController(model);
		controller.setLanguage("English (en)");
		Map<String, String> answered = new HashMap<>();
		int event;
		while ((event = controller.stepToNextEvent()) != FormEntryController.EVENT_END_OF_FORM) {
			if (event != FormEntryController.EVENT_QUESTION) {
				continue;
			}
			FormEntryPrompt prompt = model.getQuestionPrompt();
			String name = prompt.getIndex().getReference().getNameLast();
			String value = said.get(name);
			if (value == null || prompt.isReadOnly()) {
				continue;
			}
			if (prompt.getControlType() == Constants.CONTROL_SELECT_ONE) {
				SelectChoice choice = prompt.getSelectChoices().stream().filter(c -> c.getValue().equals(value))
						.findFirst().orElseThrow();
				assertThat(controller.answerQuestion(new SelectOneData(choice.selection()), true))
						.isEqualTo(FormEntryController.ANSWER_OK);
			}
			else {
				assertThat(controller.answerQuestion(new StringData(value), true)).isEqualTo(FormEntryController.ANSWER_OK);
			}
			answered.put(name, value);
		}
		assertThat(answered).containsAllEntriesOf(said);
		def.postProcessInstance();
		return new XFormSerializingVisitor().serializeInstance(def.getInstance());
	}

	HttpResponse<String> get(String url) throws Exception {
		return http.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
	}

	HttpResponse<String> submit(String base, byte[] instance) throws Exception {
		String boundary = "----tipx" + UUID.randomUUID();
		ByteArrayOutputStream body = new ByteArrayOutputStream();
		body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"xml_submission_file\"; "
				+ "filename=\"submission.xml\"\r\nContent-Type: text/xml\r\n\r\n").getBytes(StandardCharsets.UTF_8));
		body.write(instance);
		body.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
		return http.send(HttpRequest.newBuilder(URI.create(base + "/submission"))
				.header("Content-Type", "multipart/form-data; boundary=" + boundary)
				.header("X-OpenRosa-Version", "1.0")
				.POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build(),
				HttpResponse.BodyHandlers.ofString());
	}

	/** This test's organisation's screenings (other tests screen in the same database meanwhile). */
	int count() {
		return jdbc.sql("SELECT count(*) FROM screening WHERE organisation_id = ?::uuid").param(organisation)
				.query(Integer.class).single();
	}
}
