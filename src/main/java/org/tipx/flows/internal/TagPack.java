package org.tipx.flows.internal;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

import org.tipx.shared.InvalidInputException;
import org.tipx.shared.Tlp;
import org.tipx.shared.InvalidInputException.FieldError;

/**
 * A GraphSense TagPack (YAML): a header ({@code title}, {@code creator}, optional {@code description},
 * {@code is_public}) and a list of {@code tags}; every other header field ({@code label}, {@code source},
 * {@code currency}, {@code network}, {@code category}, {@code abuse}, {@code lastmod}, ...) is inherited by each tag
 * that does not set it. Each address tag's category (else its abuse, else its concepts) is mapped onto a tipx kind
 * ({@link #CATEGORIES}); a tag whose category has no tipx kind, a transaction tag, or a tag on a chain tipx does not
 * trace is returned in {@link #unmapped}, never dropped in silence. {@code is_public} ({@code true} or {@code false},
 * absent = {@code false} as in graphsense-tagpack-tool) decides whom the tags are shared with ({@link #tlp}).
 *
 * <p>
 * Read as a node tree through SnakeYAML's safe loader: no types are constructed, aliases to collections are limited
 * (so a "billion laughs" file fails), nesting and size are bounded, and a duplicate key is an error (checked here:
 * the composer leaves that to the constructor). Any problem names
 * its line and field, and nothing of the pack is stored.
 */
record TagPack(String title, String creator, boolean isPublic, List<Entry> mapped, List<Unmapped> unmapped) {

	/** The largest pack read, in characters. */
	static final int MAX_CHARACTERS = 8_000_000;

	static final int MAX_TAGS = 100_000;

	/** GraphSense / INTERPOL taxonomy concepts (and common spellings) onto tipx kinds. */
	static final Map<String, String> CATEGORIES = Map.ofEntries(Map.entry("exchange", "exchange"),
			Map.entry("otc", "otc"), Map.entry("otc_broker", "otc"), Map.entry("otc_desk", "otc"),
			Map.entry("mixing_service", "mixer"), Map.entry("mixing", "mixer"), Map.entry("coinjoin", "mixer"),
			Map.entry("mixer", "mixer"), Map.entry("bridge", "bridge"), Map.entry("defi_bridge", "bridge"),
			Map.entry("scam", "scam"), Map.entry("phishing", "scam"), Map.entry("investment_fraud", "scam"),
			Map.entry("ponzi_scheme", "scam"), Map.entry("pyramid_scheme", "scam"), Map.entry("perpetrator", "scam"),
			Map.entry("victim", "victim"), Map.entry("mule", "mule"), Map.entry("money_mule", "mule"));

	/** GraphSense network / currency codes onto tipx chains. */
	static final Map<String, String> NETWORKS = Map.ofEntries(Map.entry("btc", "bitcoin"), Map.entry("bitcoin", "bitcoin"),
			Map.entry("eth", "ethereum"), Map.entry("ethereum", "ethereum"), Map.entry("trx", "tron"),
			Map.entry("tron", "tron"), Map.entry("bsc", "bsc"), Map.entry("bnb", "bsc"), Map.entry("polygon", "polygon"),
			Map.entry("matic", "polygon"), Map.entry("pol", "polygon"));

	private static final Set<String> HEADER_ONLY = Set.of("title", "creator", "description", "owner", "is_public", "tags");

	/** One tag that maps onto a tipx kind; {@code index} is its place in {@code tags}, from 0. */
	record Entry(int index, String chain, String address, String tag, String label, String source, String category) {
	}

	/** A tag tipx did not take, with the reason. */
	record Unmapped(int index, String address, String category, String reason) {
	}

	static TagPack read(String yaml) {
		if (yaml == null || yaml.isBlank()) {
			throw new InvalidInputException("file", "empty: a TagPack has a title, a creator and tags");
		}
		if (yaml.length() > MAX_CHARACTERS) {
			throw new InvalidInputException("file", "larger than " + MAX_CHARACTERS + " characters: split the pack");
		}
		LoaderOptions options = new LoaderOptions();
		options.setAllowDuplicateKeys(false);
		options.setMaxAliasesForCollections(20);
		options.setAllowRecursiveKeys(false);
		options.setNestingDepthLimit(20);
		options.setCodePointLimit(MAX_CHARACTERS);
		Node root;
		try {
			root = new Yaml(new SafeConstructor(options)).compose(new StringReader(yaml));
		}
		catch (MarkedYAMLException e) {
			Mark mark = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
			throw new InvalidInputException("file", (mark == null ? "" : "line " + (mark.getLine() + 1) + ", column "
					+ (mark.getColumn() + 1) + ": ") + e.getProblem());
		}
		catch (YAMLException e) {
			throw new InvalidInputException("file", "not a TagPack YAML file: " + e.getMessage());
		}
		if (!(root instanceof MappingNode header)) {
			throw new InvalidInputException("file", "a TagPack is a mapping with title, creator and tags"
					+ (root == null ? "" : " (line " + line(root) + ")"));
		}
		List<FieldError> errors = new ArrayList<>();
		Map<String, Node> fields = fields(header, "", errors);
		String title = required(fields, "title", "", header, errors);
		String creator = required(fields, "creator", "", header, errors);
		boolean isPublic = isPublic(fields.get("is_public"), errors);
		Map<String, String> inherited = new LinkedHashMap<>();
		fields.forEach((key, node) -> {
			if (!HEADER_ONLY.contains(key) && node instanceof ScalarNode scalar) {
				inherited.put(key, scalar.getValue());
			}
			else if (!HEADER_ONLY.contains(key) && key.equals("concepts") && node instanceof SequenceNode list) {
				inherited.put(key, first(list));
			}
		});
		Node tagsNode = fields.get("tags");
		List<Entry> mapped = new ArrayList<>();
		List<Unmapped> unmapped = new ArrayList<>();
		if (tagsNode == null) {
			errors.add(new FieldError("tags", "required: the list of tags (line " + line(header) + ")"));
		}
		else if (!(tagsNode instanceof SequenceNode tags)) {
			errors.add(new FieldError("tags", "a list of tags (line " + line(tagsNode) + ")"));
		}
		else if (tags.getValue().size() > MAX_TAGS) {
			errors.add(new FieldError("tags", "more than " + MAX_TAGS + " tags: split the pack"));
		}
		else {
			for (int i = 0; i < tags.getValue().size(); i++) {
				tag(i, tags.getValue().get(i), inherited, mapped, unmapped, errors);
			}
		}
		if (!errors.isEmpty()) {
			throw new InvalidInputException(errors);
		}
		return new TagPack(title, creator, isPublic, mapped, unmapped);
	}

	/**
	 * The TLP of the pack's tags. A public pack (published in the GraphSense public TagPack repository) is GREEN:
	 * every tipx organisation may see it, but not CLEAR, because that this organisation imported and acts on these
	 * tags is not itself public (ADR 0028). A private pack stays with the importing organisation (AMBER_STRICT). A
	 * caller's {@code tlp} may narrow that, never widen a private pack.
	 */
	Tlp tlp(String requested) {
		Tlp given;
		try {
			given = requested == null || requested.isBlank() ? null
					: Tlp.valueOf(requested.trim().toUpperCase(Locale.ROOT).replace('+', '_').replace("TLP:", ""));
		}
		catch (IllegalArgumentException e) {
			throw new InvalidInputException("tlp", "one of " + Tlp.names());
		}
		if (given == null) {
			return isPublic ? Tlp.GREEN : Tlp.AMBER_STRICT;
		}
		if (!isPublic && given != Tlp.AMBER_STRICT) {
			throw new InvalidInputException("tlp", "the pack is not public (is_public is false or absent): its tags stay "
					+ "with your organisation (AMBER_STRICT); set is_public: true to share it");
		}
		return given;
	}

	private static boolean isPublic(Node node, List<FieldError> errors) {
		if (node == null) {
			return false;
		}
		String value = node instanceof ScalarNode scalar ? scalar.getValue().trim().toLowerCase(Locale.ROOT) : "";
		if (value.equals("true") || value.equals("false")) {
			return value.equals("true");
		}
		errors.add(new FieldError("is_public", "true or false (line " + line(node) + ")"));
		return false;
	}

	private static void tag(int i, Node node, Map<String, String> inherited, List<Entry> mapped, List<Unmapped> unmapped,
			List<FieldError> errors) {
		String at = "tags[" + i + "].";
		if (!(node instanceof MappingNode mapping)) {
			errors.add(new FieldError("tags[" + i + "]", "a tag is a mapping with address, label and source (line "
					+ line(node) + ")"));
			return;
		}
		Map<String, Node> own = fields(mapping, at, errors);
		Map<String, String> tag = new LinkedHashMap<>(inherited);
		own.forEach((key, value) -> {
			if (value instanceof ScalarNode scalar) {
				tag.put(key, scalar.getValue());
			}
			else if (key.equals("concepts") && value instanceof SequenceNode list) {
				tag.put(key, first(list));
			}
		});
		for (String field : List.of("label", "source")) {
			if (blank(tag.get(field))) {
				errors.add(new FieldError(at + field, "required, in the tag or the header (tag at line " + line(node) + ")"));
			}
		}
		String address = tag.get("address");
		String category = firstPresent(tag.get("category"), tag.get("abuse"), tag.get("concepts"));
		if (blank(address)) {
			if (!blank(tag.get("tx_hash"))) {
				unmapped.add(new Unmapped(i, null, category, "a transaction tag; tipx tags addresses"));
			}
			else {
				errors.add(new FieldError(at + "address", "required (tag at line " + line(node) + ")"));
			}
			return;
		}
		String network = firstPresent(tag.get("network"), tag.get("currency"));
		if (blank(network)) {
			errors.add(new FieldError(at + "network", "required: the tag's network or currency, in the tag or the header"
					+ " (tag at line " + line(node) + ")"));
			return;
		}
		String chain = NETWORKS.get(network.trim().toLowerCase(Locale.ROOT));
		String kind = category == null ? null : CATEGORIES.get(category.trim().toLowerCase(Locale.ROOT));
		if (chain == null) {
			unmapped.add(new Unmapped(i, address, category, "network " + network + " is not traced by tipx"));
		}
		else if (kind == null) {
			unmapped.add(new Unmapped(i, address, category, category == null ? "no category, abuse or concept"
					: "category " + category + " has no tipx tag; tipx tags " + String.join(", ", AddressTags.KINDS)));
		}
		else if (errors.isEmpty()) {
			mapped.add(new Entry(i, chain, address.trim(), kind, tag.get("label"), tag.get("source"), category));
		}
	}

	private static Map<String, Node> fields(MappingNode mapping, String at, List<FieldError> errors) {
		Map<String, Node> fields = new LinkedHashMap<>();
		for (NodeTuple tuple : mapping.getValue()) {
			if (tuple.getKeyNode() instanceof ScalarNode key) {
				// the composer does not check duplicates (the constructor would): a second value must not win silently
				if (fields.put(key.getValue(), tuple.getValueNode()) != null) {
					errors.add(new FieldError(at + key.getValue(), "duplicate key (line " + line(key) + ")"));
				}
			}
			else {
				errors.add(new FieldError(at.isEmpty() ? "file" : at.substring(0, at.length() - 1),
						"keys are plain words (line " + line(tuple.getKeyNode()) + ")"));
			}
		}
		return fields;
	}

	private static String required(Map<String, Node> fields, String name, String at, Node parent,
			List<FieldError> errors) {
		Node node = fields.get(name);
		if (node instanceof ScalarNode scalar && !scalar.getValue().isBlank()) {
			return scalar.getValue();
		}
		errors.add(new FieldError(at + name, "required text (line " + line(node == null ? parent : node) + ")"));
		return null;
	}

	private static String first(SequenceNode list) {
		return list.getValue().stream().filter(ScalarNode.class::isInstance).map(n -> ((ScalarNode) n).getValue())
				.filter(v -> CATEGORIES.containsKey(v.toLowerCase(Locale.ROOT))).findFirst()
				.orElse(list.getValue().isEmpty() || !(list.getValue().get(0) instanceof ScalarNode s) ? null : s.getValue());
	}

	private static String firstPresent(String... values) {
		for (String value : values) {
			if (!blank(value)) {
				return value;
			}
		}
		return null;
	}

	private static boolean blank(String value) {
		return value == null || value.isBlank();
	}

	private static int line(Node node) {
		return node.getStartMark() == null ? 0 : node.getStartMark().getLine() + 1;
	}
}
