package org.tipx.signals.stix;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The OASIS STIX 2.1 JSON schemas from {@code ../shared/data/stix2-json-schemas} (relative to the project), each
 * registered under its {@code $id} so their {@code $ref}s between files resolve to the local copies; tipx's own
 * observable types validate against the common cyber-observable schema and the type's schema shipped in
 * {@code src/main/resources/stix/}.
 */
final class OasisSchemas {

	static final Path ROOT = Path.of("..", "shared", "data", "stix2-json-schemas");

	static final Path SCHEMAS = ROOT.resolve("schemas");

	private static final String BASE = "http://raw.githubusercontent.com/oasis-open/cti-stix2-json-schemas/stix2.1/schemas/";

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final SchemaRegistry registry;

	private final Map<String, Schema> byType = new HashMap<>();

	OasisSchemas() {
		Map<String, String> documents = new HashMap<>();
		try (Stream<Path> files = Files.walk(SCHEMAS)) {
			for (Path file : files.filter(f -> f.toString().endsWith(".json")).toList()) {
				String text = Files.readString(file, StandardCharsets.UTF_8);
				documents.put(JSON.readTree(text).get("$id").asString(), text);
			}
			for (TipxObservables type : TipxObservables.values()) {
				try (InputStream in = OasisSchemas.class.getClassLoader().getResourceAsStream(type.schemaResource())) {
					String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
					documents.put(JSON.readTree(text).get("$id").asString(), text);
				}
			}
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12,
				builder -> builder.schemas(documents));
	}

	static boolean present() {
		return Files.isDirectory(SCHEMAS.resolve("common"));
	}

	/** The problems of one object against the schemas of its type; empty when it conforms. */
	List<String> problems(JsonNode object) {
		String type = object.get("type").asString();
		List<String> problems = new ArrayList<>();
		for (Schema schema : schemasOf(type)) {
			schema.validate(object).forEach(e -> problems.add(object.get("id").asString() + " " + e.getMessage()));
		}
		return problems;
	}

	/**
	 * The problems of a bundle's envelope (with its first report) against bundle.json. The objects are checked one by one with
	 * {@link #problems}: bundle.json's own check of custom objects cannot tell a new SCO from an SDO (both of its
	 * alternatives match), so it would refuse every bundle with a new SCO type.
	 */
	List<String> bundleProblems(JsonNode bundle) {
		var envelope = ((tools.jackson.databind.node.ObjectNode) bundle.deepCopy());
		var objects = envelope.putArray("objects");
		bundle.get("objects").valueStream().filter(o -> o.get("type").asString().equals("report")).findFirst()
				.ifPresent(objects::add);
		List<String> problems = new ArrayList<>();
		schema("common/bundle.json").validate(envelope).forEach(e -> problems.add(e.getMessage()));
		return problems;
	}

	private List<Schema> schemasOf(String type) {
		var tipx = TipxObservables.ofType(type);
		if (tipx.isPresent()) {
			String own = JSON.readTree(read(tipx.get().schemaResource())).get("$id").asString();
			return List.of(schema("common/cyber-observable-core.json"), registry.getSchema(SchemaLocation.of(own)));
		}
		String file = switch (type) {
			case "marking-definition", "extension-definition", "bundle" -> "common/" + type + ".json";
			case "relationship", "sighting" -> "sros/" + type + ".json";
			case "url", "domain-name", "email-addr", "ipv4-addr", "ipv6-addr", "user-account" -> "observables/" + type
					+ ".json";
			default -> "sdos/" + type + ".json";
		};
		return List.of(schema(file));
	}

	private Schema schema(String file) {
		return byType.computeIfAbsent(file, f -> registry.getSchema(SchemaLocation.of(BASE + f)));
	}

	private static String read(String resource) {
		try (InputStream in = OasisSchemas.class.getClassLoader().getResourceAsStream(resource)) {
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}
}
