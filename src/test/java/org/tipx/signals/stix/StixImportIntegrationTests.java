package org.tipx.signals.stix;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Stream;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.web.server.LocalServerPort;
import org.tipx.Api;
import org.tipx.TipxIntegrationTest;
import org.tipx.signals.stix.StixCallers.Caller;

/**
 * STIX bundles as MISP and OpenCTI write them are filed as reports through the usual filing path; the same bundle twice
 * files nothing new; what tipx does not file is listed, never dropped; bad bundles are refused whole.
 */
@TipxIntegrationTest
class StixImportIntegrationTests {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final String AMBER_2 = "marking-definition--55d920b0-5e8b-4f79-9ee9-91f868d9b421";

	private static final String GREEN_1 = "marking-definition--34098fce-860f-48ae-8e50-ebd3cc5e41da";

	@LocalServerPort
	int port;

	StixCallers callers;

	Caller analyst;

	@BeforeEach
	void organisation() {
		callers = new StixCallers(new Api(port));
		analyst = callers.analyst("KH");
	}

	@Test
	void aBundleIsFiledAsReportsAndTheSameBundleTwiceFilesNothingNew() {
		String machine = callers.machineToken(analyst);
		String phone = "+8551" + ThreadLocalRandom.current().nextInt(2_000_000, 9_999_999);
		String host = "jobs-" + UUID.randomUUID().toString().substring(0, 8) + ".example.com";
		String report = "report--" + UUID.randomUUID();
		String indicator = "indicator--" + UUID.randomUUID();
		String domain = "domain-name--" + UUID.randomUUID();
		String relationship = "relationship--" + UUID.randomUUID();
		String bundle = """
				{"type":"bundle","id":"bundle--%s","objects":[
				 {"type":"report","spec_version":"2.1","id":"%s","created":"2026-10-01T00:00:00.000Z",
				  "modified":"2026-10-02T00:00:00.000Z","name":"Recruiter ring","published":"2026-10-02T00:00:00Z",
				  "object_refs":["%s"],"object_marking_refs":["%s"]},
				 {"type":"indicator","spec_version":"2.1","id":"%s","created":"2026-10-01T00:00:00.000Z",
				  "modified":"2026-10-01T00:00:00.000Z","pattern_type":"stix","valid_from":"2026-10-01T00:00:00Z",
				  "pattern":"[phone-number:value = '%s' OR url:value = 'https://%s/apply' OR file:name = 'x.exe']"},
				 {"type":"domain-name","spec_version":"2.1","id":"%s","value":"%s","object_marking_refs":["%s"]},
				 {"type":"relationship","spec_version":"2.1","id":"%s","created":"2026-10-01T00:00:00.000Z",
				  "modified":"2026-10-01T00:00:00.000Z","relationship_type":"indicates","source_ref":"%s",
				  "target_ref":"%s"}
				]}""".formatted(UUID.randomUUID(), report, indicator, AMBER_2, indicator, phone, host, domain, host,
				GREEN_1, relationship, indicator, domain);

		var first = callers.api.postRaw(machine, "/api/v1/signals/stix", bundle);

		assertThat(first.status()).as(first.body()).isEqualTo(200);
		JsonNode filed = first.json().get("filed");
		assertThat(filed.size()).isEqualTo(2);
		JsonNode fromReport = filed.valueStream().filter(f -> report.equals(f.get("stixReportId").asString()))
				.findFirst().orElseThrow();
		assertThat(fromReport.get("tlp").asString()).isEqualTo("AMBER");
		var read = callers.api.get(analyst.token(), "/api/v1/signals/reports/" + fromReport.get("reportId").asString());
		assertThat(read.json().get("title").asString()).isEqualTo("Recruiter ring");
		assertThat(read.json().get("tlp").asString()).isEqualTo("AMBER");
		assertThat(read.json().get("indicators").valueStream().map(i -> i.get("canonical").asString()))
				.containsExactlyInAnyOrder(phone, "https://" + host + "/apply");
		JsonNode loose = filed.valueStream().filter(f -> f.get("stixReportId").isNull()).findFirst().orElseThrow();
		assertThat(loose.get("tlp").asString()).isEqualTo("GREEN");
		assertThat(loose.get("from").get(0).asString()).isEqualTo(domain);
		assertThat(ignoredIds(first.json())).contains(relationship, indicator);
		assertThat(first.json().toString()).contains("file:name is not an identifier tipx files");

		var again = callers.api.postRaw(analyst.token(), "/api/v1/signals/stix", bundle);

		assertThat(again.status()).as(again.body()).isEqualTo(200);
		assertThat(again.json().get("filed").size()).isZero();
		assertThat(again.json().get("alreadyImported").valueStream().map(JsonNode::asString))
				.containsExactlyInAnyOrder(report, domain);
		assertThat(ownReports()).isEqualTo(2);
	}

	@Test
	void importedIdentifiersAreCanonicalisedAndLinkWithReportsFiledThroughTheApi() {
		Caller elsewhere = callers.analyst("TH");
		String digits = String.valueOf(ThreadLocalRandom.current().nextInt(2_000_000, 9_999_999));
		String filed = callers.file(elsewhere, "GREEN", List.of(StixCallers.indicator("phone", "+855 1" + digits)),
				List.of());
		String bundle = """
				{"type":"bundle","id":"bundle--%s","objects":[
				 {"type":"phone-number","spec_version":"2.1","id":"phone-number--%s","value":"+855-1%s",
				  "object_marking_refs":["%s"]}]}""".formatted(UUID.randomUUID(), UUID.randomUUID(), digits, GREEN_1);

		var imported = callers.api.postRaw(analyst.token(), "/api/v1/signals/stix", bundle);

		assertThat(imported.status()).as(imported.body()).isEqualTo(200);
		String reportId = imported.json().get("filed").get(0).get("reportId").asString();
		var network = callers.api.get(analyst.token(), "/api/v1/signals/reports/" + reportId + "/network").json();
		assertThat(network.get("reports").valueStream().map(JsonNode::asString)).contains(reportId, filed);
		assertThat(network.get("links").toString()).contains("+8551" + digits);
	}

	@Test
	void unmarkedContentIsRefusedUnlessADefaultLevelIsGiven() {
		String indicator = "indicator--" + UUID.randomUUID();
		String bundle = """
				{"type":"bundle","id":"bundle--%s","objects":[
				 {"type":"indicator","spec_version":"2.1","id":"%s","created":"2026-10-01T00:00:00.000Z",
				  "modified":"2026-10-01T00:00:00.000Z","pattern_type":"stix","valid_from":"2026-10-01T00:00:00Z",
				  "pattern":"[domain-name:value = 'scam-%s.example.org']"}]}"""
				.formatted(UUID.randomUUID(), indicator, UUID.randomUUID().toString().substring(0, 8));

		var refused = callers.api.postRaw(analyst.token(), "/api/v1/signals/stix", bundle);

		assertThat(refused.status()).isEqualTo(400);
		assertThat(refused.isProblem()).isTrue();
		assertThat(refused.body()).contains(indicator + ".object_marking_refs", "defaultTlp");
		assertThat(ownReports()).isZero();

		var accepted = callers.api.postRaw(analyst.token(), "/api/v1/signals/stix?defaultTlp=GREEN", bundle);

		assertThat(accepted.status()).as(accepted.body()).isEqualTo(200);
		assertThat(accepted.json().get("filed").get(0).get("tlp").asString()).isEqualTo("GREEN");
		assertThat(ownReports()).isEqualTo(1);
	}

	@Test
	void aMalformedBundleListsEveryProblemAndFilesNothing() {
		String report = "report--" + UUID.randomUUID();
		String indicator = "indicator--" + UUID.randomUUID();
		String bundle = """
				{"type":"bundle","id":"bundle--%s","objects":[
				 {"type":"report","spec_version":"2.1","id":"%s","created":"2026-10-01T00:00:00.000Z",
				  "modified":"yesterday","object_refs":["%s"],"object_marking_refs":["%s"]},
				 {"type":"indicator","spec_version":"2.1","id":"%s","created":"2026-10-01T00:00:00.000Z",
				  "modified":"2026-10-01T00:00:00.000Z","pattern_type":"stix"},
				 {"type":"url","id":"url--not-a-uuid","value":"https://x.example/"},
				 {"type":"domain-name","id":"domain-name--%s","value":"fine-%s.example.com","object_marking_refs":["%s"]}
				]}""".formatted(UUID.randomUUID(), report, indicator, AMBER_2, indicator, UUID.randomUUID(),
				UUID.randomUUID().toString().substring(0, 8), AMBER_2);

		var refused = callers.api.postRaw(analyst.token(), "/api/v1/signals/stix", bundle);

		assertThat(refused.status()).isEqualTo(400);
		assertThat(refused.isProblem()).isTrue();
		assertThat(refused.body()).contains(report + ".modified", report + ".name", indicator + ".pattern",
				"url--not-a-uuid.id");
		assertThat(ownReports()).isZero();
	}

	@Test
	void badUtf8DeepNestingAndOversizedBundlesAreRefusedCleanly() throws Exception {
		byte[] notUtf8 = "{\"type\":\"bundle\",\"id\":\"bundle--x\",\"objects\":[\"\u00ff\"]}"
				.getBytes(StandardCharsets.ISO_8859_1);
		assertThat(post(notUtf8).statusCode()).isEqualTo(400);
		String deep = "{\"type\":\"bundle\",\"objects\":" + "[".repeat(5_000) + "]".repeat(5_000) + "}";
		HttpResponse<String> nested = post(deep.getBytes(StandardCharsets.UTF_8));
		assertThat(nested.statusCode()).isEqualTo(400);
		assertThat(nested.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
		byte[] huge = ("{\"type\":\"bundle\",\"id\":\"bundle--" + UUID.randomUUID() + "\",\"objects\":[],\"x\":\""
				+ "a".repeat(2_000_000) + "\"}").getBytes(StandardCharsets.UTF_8);
		assertThat(post(huge).statusCode()).isEqualTo(413);
		assertThat(callers.api.postRaw(analyst.token(), "/api/v1/signals/stix", "{\"type\":\"indicator\"}").status())
				.isEqualTo(400);
		assertThat(ownReports()).isZero();
	}

	@Test
	void theOasisExampleBundlesBecomeReportsAndEverythingElseIsListed() throws IOException {
		Path examples = OasisSchemas.ROOT.resolve("examples");
		Assumptions.assumeTrue(Files.isDirectory(examples),
				"the OASIS STIX examples are not at " + examples.toAbsolutePath().normalize() + ": not imported");
		List<Path> files;
		try (Stream<Path> walk = Files.walk(examples)) {
			files = walk.filter(f -> f.toString().endsWith(".json")).sorted().toList();
		}
		int bundles = 0;
		int reports = 0;
		for (Path file : files) {
			String text = Files.readString(file);
			JsonNode given = JSON.readTree(text);
			var reply = callers.api.postRaw(analyst.token(), "/api/v1/signals/stix?defaultTlp=GREEN", text);
			if (!given.path("type").asString().equals("bundle")) {
				assertThat(reply.status()).as(file.toString()).isEqualTo(400);
				assertThat(reply.body()).contains("bundle");
				continue;
			}
			bundles++;
			assertThat(reply.status()).as(file + " " + reply.body()).isEqualTo(200);
			JsonNode answer = reply.json();
			Set<String> accounted = new HashSet<>(ignoredIds(answer));
			for (JsonNode report : answer.get("filed")) {
				reports++;
				report.get("from").forEach(id -> accounted.add(id.asString()));
				if (!report.get("stixReportId").isNull()) {
					accounted.add(report.get("stixReportId").asString());
				}
			}
			List<String> silent = new ArrayList<>();
			for (JsonNode object : given.get("objects")) {
				String id = object.get("id").asString();
				boolean tlp = object.get("type").asString().equals("marking-definition") && TlpMarkings.of(id).isPresent();
				if (!accounted.contains(id) && !tlp) {
					silent.add(id);
				}
			}
			assertThat(silent).as(file + ": objects neither filed nor listed as ignored").isEmpty();
		}
		assertThat(bundles).isGreaterThanOrEqualTo(3);
		assertThat(reports).isGreaterThanOrEqualTo(2);
		assertThat(ownReports()).isEqualTo(reports);
	}

	private HttpResponse<String> post(byte[] body) throws IOException, InterruptedException {
		return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
				+ "/api/v1/signals/stix")).header("Authorization", "Bearer " + analyst.token())
				.header("Content-Type", "application/stix+json;version=2.1")
				.POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofString());
	}

	private static List<String> ignoredIds(JsonNode answer) {
		return answer.get("ignored").valueStream().map(i -> i.get("id").asString()).toList();
	}

	private int ownReports() {
		return callers.api.get(analyst.token(), "/api/v1/signals/reports?limit=500").json().size();
	}
}
