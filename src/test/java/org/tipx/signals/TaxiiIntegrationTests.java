package org.tipx.signals;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.web.server.LocalServerPort;
import org.tipx.Api;
import org.tipx.Fixtures;
import org.tipx.TipxIntegrationTest;
import org.tipx.signals.SignalFixtures.Analyst;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The TAXII 2.1 server as a TAXII client meets it: discovery, the API root, the caller's collections, paging through
 * a collection with {@code limit}/{@code next} and {@code added_after}, filters, the manifest, and TLP exactly as the
 * signals API applies it.
 */
@TipxIntegrationTest
class TaxiiIntegrationTests {

	private static final String TAXII = "application/taxii+json;version=2.1";

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@LocalServerPort
	int port;

	SignalFixtures signals;

	HttpClient http = HttpClient.newHttpClient();

	@BeforeEach
	void fixtures() {
		signals = new SignalFixtures(new Api(port));
	}

	@Test
	void aClientFindsTheApiRootAndTheCollectionsOfItsOrganisationWithHttpBasic() throws Exception {
		Analyst analyst = signals.analyst("KH");

		Taxii discovery = get(basic(analyst.token()), "/taxii2/");
		assertThat(discovery.status()).as(discovery.body()).isEqualTo(200);
		assertThat(discovery.contentType()).isEqualTo(TAXII);
		String root = discovery.json().get("api_roots").get(0).asString();
		assertThat(root).endsWith("/taxii2/api/");
		Taxii apiRoot = get(basic(analyst.token()), "/taxii2/api/");
		assertThat(apiRoot.json().get("versions").get(0).asString()).isEqualTo(TAXII);

		Taxii collections = get(bearer(analyst.token()), "/taxii2/api/collections/");
		List<String> ids = new ArrayList<>();
		collections.json().get("collections").forEach(c -> ids.add(c.get("id").asString()));
		assertThat(ids).contains(analyst.organisationId(), "6b5a7c3e-3b1f-5d2a-9a64-7469707863c1");

		assertThat(get(null, "/taxii2/").status()).isEqualTo(401);
		assertThat(get(basic("not-a-token"), "/taxii2/").status()).isEqualTo(401);
		Analyst other = signals.analyst("TH");
		assertThat(get(bearer(analyst.token()), "/taxii2/api/collections/" + other.organisationId() + "/").status())
				.as("another organisation's collection does not exist for this caller").isEqualTo(404);
	}

	@Test
	void aClientPagesThroughACollectionWithNextAndThenAsksOnlyForWhatWasAddedAfter() throws Exception {
		Analyst analyst = signals.analyst("KH");
		List<String> filed = new ArrayList<>();
		for (int i = 0; i < 7; i++) {
			filed.add(signals.file(analyst, "AMBER", SignalFixtures.indicator("phone", "+85512" + (345600 + i)),
					SignalFixtures.indicator("url", "https://jobs-" + i + "-taxii.com/apply")));
		}
		String objects = "/taxii2/api/collections/" + analyst.organisationId() + "/objects/";

		List<JsonNode> all = new ArrayList<>();
		String next = null;
		int pages = 0;
		String lastAdded = null;
		do {
			Taxii page = get(basic(analyst.token()), objects + "?limit=5" + (next == null ? "" : "&next=" + next));
			assertThat(page.status()).as(page.body()).isEqualTo(200);
			assertThat(page.contentType()).isEqualTo(TAXII);
			JsonNode envelope = page.json();
			if (envelope.has("objects")) {
				assertThat(envelope.get("objects").size()).isLessThanOrEqualTo(5);
				envelope.get("objects").forEach(all::add);
				lastAdded = page.header("X-TAXII-Date-Added-Last");
			}
			next = envelope.get("more").asBoolean() ? envelope.get("next").asString() : null;
			pages++;
		}
		while (next != null && pages < 50);
		assertThat(next).as("the last page says there is no more").isNull();
		assertThat(pages).as("seven reports of several objects each do not fit in one page of five").isGreaterThan(3);

		Set<String> reports = new TreeSet<>();
		all.stream().filter(o -> o.get("type").asString().equals("report"))
				.forEach(o -> reports.add(o.get("id").asString().substring("report--".length())));
		assertThat(reports).containsExactlyInAnyOrderElementsOf(filed);
		assertThat(all.stream().filter(o -> o.get("type").asString().equals("indicator")).count())
				.as("each report's two indicators, once each").isEqualTo(14);
		assertThat(all.stream().map(o -> o.get("type").asString())).contains("marking-definition", "identity",
				"url");

		Taxii badNext = get(basic(analyst.token()), objects + "?next=not-a-cursor");
		assertThat(badNext.status()).isEqualTo(400);
		assertThat(badNext.contentType()).isEqualTo(TAXII);
		assertThat(badNext.json().get("details").get("errors").get(0).get("field").asString()).isEqualTo("next");
		assertThat(get(basic(analyst.token()), objects + "?added_after=yesterday").json().get("http_status")
				.asString()).isEqualTo("400");

		Taxii nothingNew = get(basic(analyst.token()), objects + "?added_after=" + encode(lastAdded));
		assertThat(nothingNew.json().get("more").asBoolean()).isFalse();
		assertThat(nothingNew.json().has("objects")).as("nothing was added after the last page").isFalse();

		String later = signals.file(analyst, "GREEN", SignalFixtures.indicator("phone", "+85512999000"));
		Taxii added = get(basic(analyst.token()), objects + "?added_after=" + encode(lastAdded)
				+ "&match[type]=report");
		List<String> addedReports = new ArrayList<>();
		added.json().get("objects").forEach(o -> addedReports.add(o.get("id").asString()));
		assertThat(addedReports).containsExactly("report--" + later);

		Taxii manifest = get(basic(analyst.token()), "/taxii2/api/collections/" + analyst.organisationId()
				+ "/manifest/?match[id]=report--" + later);
		JsonNode record = manifest.json().get("objects").get(0);
		assertThat(record.get("id").asString()).isEqualTo("report--" + later);
		assertThat(record.get("media_type").asString()).isEqualTo("application/stix+json;version=2.1");
		Taxii versions = get(basic(analyst.token()), "/taxii2/api/collections/" + analyst.organisationId()
				+ "/objects/report--" + later + "/versions/");
		assertThat(versions.json().get("versions").get(0).asString()).isEqualTo(record.get("version").asString());
	}

	@Test
	void theCommunityCollectionHoldsGreenReportsOnlyAndASharingGroupItsMembersReports() throws Exception {
		Analyst reporter = signals.analyst("KH");
		Analyst member = signals.analyst("ID");
		Analyst outsider = signals.analyst("MM");
		String group = signals.api.post(signals.directory.admin, "/api/v1/sharing-groups", Map.of("name",
				Fixtures.unique("Mekong"), "organisationIds", List.of(reporter.organisationId(),
						member.organisationId()))).json().get("id").asString();
		String green = signals.file(reporter, "GREEN", SignalFixtures.indicator("phone", "+85512777001"));
		String red = signals.file(reporter, "RED", SignalFixtures.indicator("phone", "+85512777002"));
		Map<String, Object> toGroup = SignalFixtures.report("AMBER", "KH",
				List.of(SignalFixtures.indicator("phone", "+85512777003")));
		toGroup = new LinkedHashMap<>(toGroup);
		toGroup.put("sharingGroupId", group);
		String amber = signals.file(reporter, toGroup);

		Set<String> community = reportsIn(outsider, "6b5a7c3e-3b1f-5d2a-9a64-7469707863c1");
		assertThat(community).contains(green).doesNotContain(red, amber);
		assertThat(reportsIn(member, group)).contains(amber).doesNotContain(red);
		assertThat(get(bearer(outsider.token()), "/taxii2/api/collections/" + group + "/").status()).isEqualTo(404);
		assertThat(reportsIn(reporter, reporter.organisationId())).contains(green, red, amber);
	}

	@Test
	void objectsAddedToTheOwnCollectionAreFiledAsReportsWithAStatus() throws Exception {
		Analyst analyst = signals.analyst("KH");
		String indicator = "indicator--" + java.util.UUID.randomUUID();
		String envelope = """
				{"objects":[{"type":"indicator","spec_version":"2.1","id":"%s","created":"2026-11-01T00:00:00.000Z",
				"modified":"2026-11-01T00:00:00.000Z","pattern":"[url:value = 'https://taxii-%s.com/job']",
				"pattern_type":"stix","valid_from":"2026-11-01T00:00:00Z",
				"object_marking_refs":["marking-definition--bab4a63c-aed9-4cf5-a766-dfca5abac2bb"]}]}"""
				.formatted(indicator, java.util.UUID.randomUUID());
		Taxii posted = send(bearer(analyst.token()), "POST", "/taxii2/api/collections/" + analyst.organisationId()
				+ "/objects/", envelope);
		assertThat(posted.status()).as(posted.body()).isEqualTo(202);
		JsonNode status = posted.json();
		assertThat(status.get("status").asString()).isEqualTo("complete");
		assertThat(status.get("success_count").asInt()).isEqualTo(1);
		Taxii again = get(bearer(analyst.token()), "/taxii2/api/status/" + status.get("id").asString() + "/");
		assertThat(again.json().get("successes").get(0).get("id").asString()).isEqualTo(indicator);

		Taxii community = send(bearer(analyst.token()), "POST",
				"/taxii2/api/collections/6b5a7c3e-3b1f-5d2a-9a64-7469707863c1/objects/", envelope);
		assertThat(community.status()).as("only the organisation's own collection takes objects").isEqualTo(403);
		Analyst stranger = signals.analyst("TH");
		assertThat(get(bearer(stranger.token()), "/taxii2/api/status/" + status.get("id").asString() + "/")
				.status()).isEqualTo(404);
	}

	/** Every report of a collection, following {@code next} (the shared database holds other tests' reports too). */
	private Set<String> reportsIn(Analyst viewer, String collection) throws Exception {
		Set<String> ids = new TreeSet<>();
		String next = null;
		for (int pages = 0; pages < 1_000; pages++) {
			Taxii page = get(bearer(viewer.token()), "/taxii2/api/collections/" + collection
					+ "/objects/?match[type]=report&limit=1000" + (next == null ? "" : "&next=" + next));
			assertThat(page.status()).as(page.body()).isEqualTo(200);
			if (page.json().has("objects")) {
				page.json().get("objects")
						.forEach(o -> ids.add(o.get("id").asString().substring("report--".length())));
			}
			if (!page.json().get("more").asBoolean()) {
				return ids;
			}
			next = page.json().get("next").asString();
		}
		throw new AssertionError("the collection did not end within 1,000 pages");
	}

	private static String basic(String token) {
		return "Basic " + Base64.getEncoder().encodeToString(("taxii-client:" + token).getBytes(StandardCharsets.UTF_8));
	}

	private static String bearer(String token) {
		return "Bearer " + token;
	}

	private static String encode(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

	private Taxii get(String authorization, String path) throws Exception {
		return send(authorization, "GET", path, null);
	}

	private Taxii send(String authorization, String method, String path, String body) throws Exception {
		String uri = "http://localhost:" + port + path.replace("[", "%5B").replace("]", "%5D");
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(uri)).header("Accept", TAXII)
				.method(method, body == null ? HttpRequest.BodyPublishers.noBody()
						: HttpRequest.BodyPublishers.ofString(body));
		if (body != null) {
			request.header("Content-Type", TAXII);
		}
		if (authorization != null) {
			request.header("Authorization", authorization);
		}
		HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
		return new Taxii(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
				response.body(), response.headers().map());
	}

	private record Taxii(int status, String contentType, String body, Map<String, List<String>> headers) {

		JsonNode json() {
			return JSON.readTree(body);
		}

		String header(String name) {
			return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name)).findFirst()
					.map(e -> e.getValue().get(0)).orElse(null);
		}
	}
}
