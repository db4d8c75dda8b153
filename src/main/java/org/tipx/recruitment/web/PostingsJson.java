package org.tipx.recruitment.web;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.tipx.recruitment.Posting;
import org.tipx.shared.InvalidInputException;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads the scoring API's body itself rather than through the API's general text limits: a posting's description may
 * be up to 100 KB (the general limit is 20,000 characters) and one posting that is too long or malformed must be
 * answered in its own entry, not make the whole request fail. The size of the whole body is still capped by the
 * platform (413), and its bytes must be strict UTF-8.
 */
final class PostingsJson {

	static final List<String> FIELDS = List.of("id", "title", "description", "company", "location", "salary", "contact",
			"url", "platform");

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private PostingsJson() {
	}

	/** One element of the array: the posting, or why it cannot be read ("field: reason"). */
	record Entry(Posting posting, String id, String problem) {
	}

	static List<Entry> read(byte[] body) {
		String text;
		try {
			text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
				.onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(body)).toString();
		}
		catch (CharacterCodingException e) {
			throw new InvalidInputException("postings", "the request body is not valid UTF-8");
		}
		JsonNode root;
		try {
			root = JSON.readTree(text);
		}
		catch (JacksonException e) {
			throw new InvalidInputException("postings", "not valid JSON: " + e.getOriginalMessage());
		}
		if (root == null || !root.isArray()) {
			throw new InvalidInputException("postings", "must be a JSON array of postings");
		}
		List<Entry> entries = new ArrayList<>(root.size());
		for (JsonNode node : root) {
			entries.add(entry(node));
		}
		return entries;
	}

	private static Entry entry(JsonNode node) {
		if (!node.isObject()) {
			return new Entry(null, null, "posting: must be a JSON object");
		}
		String[] values = new String[FIELDS.size()];
		String problem = null;
		for (int i = 0; i < FIELDS.size(); i++) {
			JsonNode value = node.get(FIELDS.get(i));
			if (value == null || value.isNull()) {
				continue;
			}
			if (value.isString() || value.isNumber() && FIELDS.get(i).equals("id")) {
				values[i] = value.asString();
			}
			else if (problem == null) {
				problem = FIELDS.get(i) + ": must be a string";
			}
		}
		Posting posting = new Posting(values[0], values[1], values[2], values[3], values[4], values[5], values[6],
				values[7], values[8]);
		return new Entry(problem == null ? posting : null, values[0], problem);
	}
}
