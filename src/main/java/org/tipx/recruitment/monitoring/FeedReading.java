package org.tipx.recruitment.monitoring;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;

import org.tipx.recruitment.Posting;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.dataformat.csv.CsvMapper;
import tools.jackson.dataformat.csv.CsvSchema;

/**
 * Reads the postings out of a source's answer: RSS 2.0, RSS 1.0 (RDF) or Atom entries; a JSON array of postings in the
 * scoring API's shape, or with the source's field names ({@code fieldMapping}, with {@code items} the dotted path of
 * the array); CSV with a header row of the posting's field names or the mapped ones. Anything else is a
 * {@link FeedFailure} naming what was wrong. XML is read with DTDs and external entities refused.
 */
final class FeedReading {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private FeedReading() {
	}

	static List<Posting> read(SourceKind kind, byte[] body, Map<String, String> mapping) throws FeedFailure {
		return switch (kind) {
			case FEED -> feed(body);
			case JSON -> json(body, mapping);
			case CSV -> csv(body, mapping);
		};
	}

	static List<Posting> feed(byte[] body) throws FeedFailure {
		Document document;
		try {
			DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
			factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
			factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
			factory.setFeature("http://xml.org/sax/features/external-general-entities", false);
			factory.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
			factory.setXIncludeAware(false);
			factory.setExpandEntityReferences(false);
			factory.setNamespaceAware(true);
			DocumentBuilder builder = factory.newDocumentBuilder();
			builder.setErrorHandler(null);
			document = builder.parse(new ByteArrayInputStream(body));
		}
		catch (ParserConfigurationException | SAXException | IOException e) {
			throw new FeedFailure("is not a readable RSS or Atom feed (XML does not parse)");
		}
		Element root = document.getDocumentElement();
		String name = root.getLocalName() == null ? root.getNodeName() : root.getLocalName();
		List<Posting> postings = new ArrayList<>();
		switch (name) {
			case "rss", "RDF" -> {
				for (Element item : descendants(root, "item")) {
					String link = text(item, "link");
					String guid = text(item, "guid");
					postings.add(posting(guid != null ? guid : link, text(item, "title"), text(item, "description"),
							null, null, null, null, link, null));
				}
			}
			case "feed" -> {
				for (Element entry : descendants(root, "entry")) {
					String summary = text(entry, "content");
					summary = summary != null ? summary : text(entry, "summary");
					String link = null;
					for (Element l : descendants(entry, "link")) {
						if (link == null || "alternate".equals(l.getAttribute("rel"))) {
							link = l.getAttribute("href");
						}
					}
					String author = null;
					for (Element a : descendants(entry, "author")) {
						author = text(a, "name");
					}
					postings.add(posting(text(entry, "id"), text(entry, "title"), summary, author, null, null, null,
							link, null));
				}
			}
			default -> throw new FeedFailure("is not an RSS or Atom feed (root element " + clip(name) + ")");
		}
		return postings;
	}

	static List<Posting> json(byte[] body, Map<String, String> mapping) throws FeedFailure {
		JsonNode root;
		try {
			root = JSON.readTree(utf8(body));
		}
		catch (JacksonException e) {
			throw new FeedFailure("is not valid JSON");
		}
		JsonNode items = root;
		String path = mapping.get("items");
		if (path != null) {
			for (String step : path.split("\\.")) {
				items = items == null ? null : items.get(step);
			}
		}
		if (items == null || !items.isArray()) {
			throw new FeedFailure(path == null ? "is not a JSON array of postings"
					: "has no array of postings at " + clip(path));
		}
		List<Posting> postings = new ArrayList<>();
		for (JsonNode item : items) {
			if (!item.isObject()) {
				throw new FeedFailure("holds an entry that is not a JSON object");
			}
			postings.add(posting(field -> {
				JsonNode value = item.get(mapping.getOrDefault(field, field));
				return value == null || value.isNull() || value.isContainer() ? null : value.asString();
			}));
		}
		return postings;
	}

	static List<Posting> csv(byte[] body, Map<String, String> mapping) throws FeedFailure {
		String text = utf8(body);
		if (text.startsWith("\uFEFF")) {
			text = text.substring(1);
		}
		List<Posting> postings = new ArrayList<>();
		try {
			CsvMapper mapper = new CsvMapper();
			Iterator<Map<String, String>> rows = mapper.readerForMapOf(String.class)
					.with(CsvSchema.emptySchema().withHeader()).readValues(text);
			while (rows.hasNext()) {
				Map<String, String> row = rows.next();
				postings.add(posting(field -> blank(row.get(mapping.getOrDefault(field, field)))));
			}
		}
		catch (JacksonException | IllegalStateException e) {
			throw new FeedFailure("is not a readable CSV file with a header row");
		}
		return postings;
	}

	private static Posting posting(java.util.function.Function<String, String> field) {
		return posting(field.apply("id"), field.apply("title"), field.apply("description"), field.apply("company"),
				field.apply("location"), field.apply("salary"), field.apply("contact"), field.apply("url"),
				field.apply("platform"));
	}

	private static Posting posting(String id, String title, String description, String company, String location,
			String salary, String contact, String url, String platform) {
		return new Posting(blank(id), blank(title), blank(description), blank(company), blank(location), blank(salary),
				blank(contact), blank(url), blank(platform));
	}

	/** Strict UTF-8: a body that is not is garbage, not text to guess at. */
	static String utf8(byte[] body) throws FeedFailure {
		try {
			return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
					.onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(body)).toString();
		}
		catch (CharacterCodingException e) {
			throw new FeedFailure("is not UTF-8 text");
		}
	}

	private static List<Element> descendants(Element parent, String localName) {
		List<Element> found = new ArrayList<>();
		NodeList nodes = parent.getElementsByTagNameNS("*", localName);
		for (int i = 0; i < nodes.getLength(); i++) {
			found.add((Element) nodes.item(i));
		}
		return found;
	}

	/** The text of the first child element of that name (direct children only, so an item's title is not the channel's). */
	private static String text(Element parent, String localName) {
		for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
			if (n instanceof Element e && localName.equals(e.getLocalName() == null ? e.getNodeName() : e.getLocalName())) {
				return blank(e.getTextContent());
			}
		}
		return null;
	}

	private static String blank(String value) {
		return value == null || value.isBlank() ? null : value.strip();
	}

	private static String clip(String value) {
		String safe = value.replaceAll("[^\\p{Alnum}._-]", "?");
		return safe.length() > 40 ? safe.substring(0, 40) : safe;
	}
}
