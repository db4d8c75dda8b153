package org.tipx.signals.stix;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.tipx.shared.InvalidInputException;
import org.tipx.shared.InvalidInputException.FieldError;

/**
 * Reads a STIX 2.1 bundle and checks its structure before anything is filed: strict UTF-8, JSON nested at most
 * {@link #MAX_DEPTH} deep, a {@code bundle} with an {@code objects} array, each object with a type and an id of that
 * type, valid timestamps and marking references, and the properties tipx needs of the objects it files (a report's
 * name and object_refs, an indicator's pattern, an observable's value). Every problem is collected and answered at
 * once, named by object id and property; nothing is filed from a bundle with problems. What tipx does not file is not
 * a problem: it is listed as ignored by {@link StixImport}.
 */
final class StixBundleReader {

	static final int MAX_DEPTH = 64;

	static final int MAX_OBJECTS = 20_000;

	private static final JsonMapper JSON = JsonMapper.builder(JsonFactory.builder()
			.streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(MAX_DEPTH).build()).build())
			.enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();

	private static final Pattern TYPE = Pattern.compile("^([a-z][a-z0-9]*)+(-[a-z0-9]+)*-?$");

	private static final Pattern UUID_PART = Pattern
			.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

	private static final Pattern TIMESTAMP = Pattern
			.compile("^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d+)?Z$");

	private static final Set<String> SCO_WITH_VALUE = Set.of("url", "domain-name", "email-addr", "ipv4-addr",
			"ipv6-addr", "phone-number", "cryptocurrency-wallet");

	private StixBundleReader() {
	}

	/** A bundle that passed the checks. */
	record Bundle(String id, List<JsonNode> objects) {
	}

	static Bundle read(byte[] body) {
		String text;
		try {
			text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
					.onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(body)).toString();
		}
		catch (CharacterCodingException e) {
			throw new InvalidInputException("body", "is not UTF-8 text (JSON must be UTF-8)");
		}
		JsonNode root;
		try {
			root = JSON.readTree(text);
		}
		catch (JacksonException e) {
			String reason = e.getOriginalMessage();
			throw new InvalidInputException("body", "is not JSON a STIX bundle can be read from: "
					+ (reason == null ? "unreadable" : reason.lines().findFirst().orElse("unreadable")));
		}
		List<FieldError> problems = new ArrayList<>();
		if (root == null || !root.isObject()) {
			throw new InvalidInputException("body", "must be a JSON object: a STIX bundle");
		}
		if (!"bundle".equals(text(root, "type"))) {
			throw new InvalidInputException("type", "must be \"bundle\": tipx imports STIX 2.1 bundles");
		}
		String id = text(root, "id");
		if (id == null || !id.matches("^bundle--" + UUID_PART.pattern() + "$")) {
			problems.add(new FieldError("id", "must be bundle--<UUID>"));
		}
		JsonNode objects = root.get("objects");
		if (objects == null || !objects.isArray()) {
			problems.add(new FieldError("objects", "must be an array of STIX objects"));
			throw new InvalidInputException(problems);
		}
		if (objects.size() > MAX_OBJECTS) {
			throw new InvalidInputException("objects", "at most " + MAX_OBJECTS + " objects per bundle");
		}
		List<JsonNode> read = new ArrayList<>();
		for (int i = 0; i < objects.size(); i++) {
			JsonNode object = objects.get(i);
			String name = "objects[" + i + "]";
			if (!object.isObject()) {
				problems.add(new FieldError(name, "must be a STIX object"));
				continue;
			}
			String type = text(object, "type");
			String objectId = text(object, "id");
			if (objectId != null && objectId.length() < 200 && type != null) {
				name = objectId;
			}
			if (type == null || type.length() < 3 || type.length() > 250 || !TYPE.matcher(type).matches()) {
				problems.add(new FieldError(name + ".type", "must be a STIX type name"));
				continue;
			}
			if (objectId == null || !objectId.matches("^" + Pattern.quote(type) + "--" + UUID_PART.pattern() + "$")) {
				problems.add(new FieldError(name + ".id", "must be " + type + "--<UUID>"));
				continue;
			}
			check(object, name, type, problems);
			read.add(object);
		}
		if (!problems.isEmpty()) {
			throw new InvalidInputException(problems);
		}
		return new Bundle(id, read);
	}

	private static void check(JsonNode object, String name, String type, List<FieldError> problems) {
		for (String field : List.of("created", "modified", "valid_from", "published")) {
			JsonNode value = object.get(field);
			if (value != null && !timestamp(value)) {
				problems.add(new FieldError(name + "." + field, "must be a STIX timestamp (2026-11-02T08:00:00.000Z)"));
			}
		}
		JsonNode markings = object.get("object_marking_refs");
		if (markings != null && (!markings.isArray() || !allMatch(markings, "marking-definition"))) {
			problems.add(new FieldError(name + ".object_marking_refs", "must be a list of marking-definition ids"));
		}
		switch (type) {
			case "report" -> {
				required(object, name, "name", problems);
				required(object, name, "modified", problems);
				JsonNode refs = object.get("object_refs");
				if (refs == null || !refs.isArray() || refs.isEmpty() || !allMatch(refs, null)) {
					problems.add(new FieldError(name + ".object_refs", "must be a non-empty list of STIX ids"));
				}
			}
			case "indicator" -> {
				required(object, name, "pattern", problems);
				required(object, name, "modified", problems);
				JsonNode patternType = object.get("pattern_type");
				if (patternType != null && !patternType.isString()) {
					problems.add(new FieldError(name + ".pattern_type", "must be a string"));
				}
			}
			case "bank-account" -> {
				if (text(object, "value") == null && text(object, "iban") == null
						&& text(object, "account_number") == null) {
					problems.add(new FieldError(name + ".value", "a bank account needs value, iban or account_number"));
				}
			}
			case "user-account" -> {
				if (text(object, "user_id") == null && text(object, "account_login") == null) {
					problems.add(new FieldError(name + ".user_id", "a user account needs user_id or account_login"));
				}
			}
			default -> {
				if (SCO_WITH_VALUE.contains(type)) {
					required(object, name, "value", problems);
				}
			}
		}
	}

	private static void required(JsonNode object, String name, String field, List<FieldError> problems) {
		String value = text(object, field);
		if (value == null || value.isBlank()) {
			problems.add(new FieldError(name + "." + field, "is required (a string)"));
		}
	}

	private static boolean allMatch(JsonNode ids, String type) {
		for (JsonNode id : ids) {
			if (!id.isString()) {
				return false;
			}
			String text = id.stringValue();
			int dashes = text.indexOf("--");
			if (dashes <= 0 || (type != null && !text.substring(0, dashes).equals(type))
					|| !UUID_PART.matcher(text.substring(dashes + 2)).matches()) {
				return false;
			}
		}
		return true;
	}

	private static boolean timestamp(JsonNode value) {
		if (!value.isString() || !TIMESTAMP.matcher(value.stringValue()).matches()) {
			return false;
		}
		try {
			Instant.parse(value.stringValue());
			return true;
		}
		catch (DateTimeParseException e) {
			return false;
		}
	}

	/** A string property, or null when absent or not a string. */
	static String text(JsonNode object, String field) {
		JsonNode value = object.get(field);
		return value != null && value.isString() ? value.stringValue() : null;
	}
}
