package org.tipx.recruitment.scoring;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

import org.tipx.recruitment.Assessment;
import org.tipx.recruitment.Posting;
import org.tipx.recruitment.Reason;
import org.tipx.shared.CountryCode;
import org.tipx.signals.KnownIdentifiers.Identifier;
import org.tipx.signals.canonical.Canonicalisers;

/**
 * The scoring engine, without Spring: reads each field of a posting (normalised, with the way back to the original),
 * finds the lexicon's red flags, reads pay against the market, asks the text model, combines and calibrates. Contacts
 * known to the caller (through {@code known}) add their own reason. Every reason quotes the original text.
 */
public final class RiskScoring {

	/** A description longer than this (UTF-8) is refused: no real job ad is that long, and reading costs time. */
	public static final int MAX_DESCRIPTION_BYTES = 100 * 1024;

	/** Other fields are short; the same limit keeps a pasted page out of them. */
	public static final int MAX_OTHER_BYTES = 10 * 1024;

	static final String PAY_ABOVE_MARKET = "pay-above-market";

	static final String KNOWN_RECRUITER = "known-recruiter";

	static final String TEXT_MODEL = "text-model";

	/** The language of the text model's training data (EMSCAD). */
	static final String MODEL_LANGUAGE = "en";

	/** Weight of a contact the signal exchange holds in a report the caller may see. */
	static final double KNOWN_RECRUITER_WEIGHT = 3.0;

	static final double PAY_WEIGHT = 1.5;

	/** Indicators that only say what the job is; they carry no weight of their own. */
	private static final String ENTRY_ROLE = "entry-level-role";

	private static final Set<String> SPACELESS = Set.of("th", "lo", "km", "my", "zh");

	private static final Map<String, String> LANGUAGE_COUNTRY = Map.of("id", "ID", "ms", "MY", "th", "TH", "vi", "VN",
			"tl", "PH", "zh", "CN", "km", "KH", "lo", "LA", "my", "MM", "en", "TH");

	private final Lexicon lexicon;

	private final Lexicon destinations;

	private final Pay pay;

	private final Languages languages;

	private final TextModel model;

	private final Calibration calibration;

	private final Contacts contacts;

	public RiskScoring(Lexicon lexicon, Lexicon destinations, Pay pay, Languages languages, TextModel model,
			Calibration calibration, Contacts contacts) {
		this.lexicon = lexicon;
		this.destinations = destinations;
		this.pay = pay;
		this.languages = languages;
		this.model = model;
		this.calibration = calibration;
		this.contacts = contacts;
	}

	/** The engine with the lexicon, reference, model and calibration that ship with tipx. */
	public static RiskScoring shipped() {
		return new RiskScoring(Lexicons.all(), Lexicon.load("/recruitment/destinations.tsv"), Pay.load(),
				new Languages(), TextModel.shipped(), Calibration.shipped(), new Contacts(Canonicalisers.standard()));
	}

	public Calibration calibration() {
		return calibration;
	}

	/** The refusal for a posting that cannot be scored ("field: reason"), or empty. */
	public static Optional<String> refusal(Posting p) {
		if (p == null) {
			return Optional.of("posting: must be an object");
		}
		if (blank(p.title()) && blank(p.description())) {
			return Optional.of("title: a title or a description is required (both are empty or whitespace only)");
		}
		if (p.description() != null && longerThan(p.description(), MAX_DESCRIPTION_BYTES)) {
			return Optional.of("description: longer than 100 KB");
		}
		Map<String, String> others = new LinkedHashMap<>();
		others.put("id", p.id());
		others.put("title", p.title());
		others.put("company", p.company());
		others.put("location", p.location());
		others.put("salary", p.salary());
		others.put("contact", p.contact());
		others.put("url", p.url());
		others.put("platform", p.platform());
		for (Map.Entry<String, String> e : others.entrySet()) {
			if (e.getValue() != null && longerThan(e.getValue(), MAX_OTHER_BYTES)) {
				return Optional.of(e.getKey() + ": longer than 10 KB");
			}
		}
		return Optional.empty();
	}

	/**
	 * @param known which of a posting's contacts the caller may see in the signal exchange (given all of them)
	 */
	public Assessment assess(Posting p, Function<Collection<Identifier>, Set<Identifier>> known) {
		return assess(p, known, true);
	}

	/** Whether the lexicon alone (no text model, no known recruiters) flags a text: the benchmarks' baseline. */
	public boolean assessLexiconOnly(String text) {
		return assess(new Posting(null, null, text, null, null, null, null, null, null), v -> Set.of(), false).flagged();
	}

	/** The text model alone: its log-odds of fraud for a title and text (the benchmarks' baseline). */
	public double modelLogit(String text) {
		return model.logit(Normalisation.read(text).folded().text());
	}

	/**
	 * The two raw inputs of the calibration for a posting that can be scored (no known recruiters): the sum of the
	 * lexicon's indicator weights and the text model's log-odds. The training command fits the calibration on them.
	 */
	public Raw raw(Posting p) {
		if (refusal(p).isPresent()) {
			throw new IllegalArgumentException(refusal(p).get());
		}
		Evidence evidence = evidence(p, values -> Set.of(), true);
		return new Raw(evidence.lexiconSum(), evidence.modelLogit());
	}

	/** The lexicon's sum of indicator weights and the text model's log-odds for one posting. */
	public record Raw(double lexiconSum, double modelLogit) {
	}

	private record Evidence(String language, List<Reason> reasons, double lexiconSum, double modelLogit) {
	}

	private Assessment assess(Posting p, Function<Collection<Identifier>, Set<Identifier>> known, boolean useModel) {
		Optional<String> refused = refusal(p);
		if (refused.isPresent()) {
			return new Assessment(p == null ? null : p.id(), null, false, null, List.of(), refused.get());
		}
		Evidence evidence = evidence(p, known, useModel);
		List<Reason> reasons = new ArrayList<>(evidence.reasons());
		double contribution = calibration.model() * evidence.modelLogit();
		if (contribution > 0.5) {
			reasons.add(new Reason(TEXT_MODEL, "", round(contribution), null, -1, -1));
		}
		reasons.sort(Comparator.comparingDouble(Reason::weight).reversed());
		double risk = calibration.probability(evidence.lexiconSum(), evidence.modelLogit());
		return new Assessment(p.id(), round(risk), risk >= calibration.threshold(), evidence.language(), reasons, null);
	}

	private Evidence evidence(Posting p, Function<Collection<Identifier>, Set<Identifier>> known, boolean useModel) {
		Map<String, Normalisation.Read> fields = read(p);
		String title = p.title() == null ? "" : p.title();
		String description = p.description() == null ? "" : p.description();
		String language = languages.of(title + "\n" + description);
		Map<String, Reason> strongest = new HashMap<>();
		boolean entryLevel = false;
		for (Map.Entry<String, Normalisation.Read> field : fields.entrySet()) {
			NormalisedText folded = field.getValue().folded();
			BitSet wordStarts = SPACELESS.contains(language) ? Segmentation.wordStarts(folded.text()) : null;
			for (Lexicon.Hit hit : lexicon.find(folded.text())) {
				if (wordStarts != null && !wordStarts.get(hit.start()) && spaceless(hit.term())) {
					continue;
				}
				if (hit.indicator().equals(ENTRY_ROLE)) {
					entryLevel = true;
					continue;
				}
				keepStrongest(strongest, new Reason(hit.indicator(), folded.quote(hit.start(), hit.end()), hit.weight(),
						field.getKey(), folded.originalStart(hit.start(), hit.end()),
						folded.originalEnd(hit.start(), hit.end())));
			}
		}
		entryLevel |= strongest.containsKey("no-experience") || strongest.containsKey("typing-job");
		if (entryLevel) {
			payReason(fields, language).ifPresent(r -> strongest.put(PAY_ABOVE_MARKET, r));
		}
		knownContacts(fields, language, known).forEach(r -> keepStrongest(strongest, r));
		List<Reason> reasons = new ArrayList<>(strongest.values());
		double lexiconSum = reasons.stream().mapToDouble(Reason::weight).sum();
		String body = fields.containsKey("title") ? fields.get("title").folded().text() : "";
		if (fields.containsKey("description")) {
			body = body + " " + fields.get("description").folded().text();
		}
		// The model learnt English ads only: on other languages its log-odds say more about its bias than about the
		// posting (held-out measurement in docs/recruitment.md), so it speaks for English postings alone.
		double modelLogit = useModel && MODEL_LANGUAGE.equals(language) ? model.logit(body) : 0;
		return new Evidence(language, reasons, lexiconSum, modelLogit);
	}

	private static boolean spaceless(String term) {
		if (term.isEmpty()) {
			return false;
		}
		int script = com.ibm.icu.lang.UScript.getScript(term.codePointAt(0));
		return script == com.ibm.icu.lang.UScript.THAI || script == com.ibm.icu.lang.UScript.LAO
				|| script == com.ibm.icu.lang.UScript.KHMER || script == com.ibm.icu.lang.UScript.MYANMAR
				|| script == com.ibm.icu.lang.UScript.HAN;
	}

	private static void keepStrongest(Map<String, Reason> strongest, Reason r) {
		strongest.merge(r.indicator(), r, (a, b) -> Math.abs(b.weight()) > Math.abs(a.weight())
				|| (b.weight() == a.weight() && b.field().equals(a.field()) && b.start() <= a.start()
						&& b.end() - b.start() > a.end() - a.start()) ? b : a);
	}

	private Map<String, Normalisation.Read> read(Posting p) {
		Map<String, Normalisation.Read> fields = new LinkedHashMap<>();
		put(fields, "title", p.title());
		put(fields, "description", p.description());
		put(fields, "company", p.company());
		put(fields, "location", p.location());
		put(fields, "salary", p.salary());
		put(fields, "contact", p.contact());
		put(fields, "url", p.url());
		return fields;
	}

	private static void put(Map<String, Normalisation.Read> fields, String name, String value) {
		if (!blank(value)) {
			fields.put(name, Normalisation.read(value));
		}
	}

	private Optional<Reason> payReason(Map<String, Normalisation.Read> fields, String language) {
		String country = destination(fields).orElse(LANGUAGE_COUNTRY.getOrDefault(language, "TH"));
		double reference = pay.entryReference(country).orElse(500.0);
		Reason best = null;
		double bestRatio = 0;
		for (String name : List.of("salary", "title", "description")) {
			Normalisation.Read read = fields.get(name);
			if (read == null) {
				continue;
			}
			Optional<Pay.Offer> offer = pay.highestOffer(read.plain().text(), language);
			if (offer.isPresent() && offer.get().usdPerMonth() / reference > Math.max(bestRatio, Pay.FAR_ABOVE)) {
				Pay.Offer o = offer.get();
				bestRatio = o.usdPerMonth() / reference;
				NormalisedText plain = read.plain();
				best = new Reason(PAY_ABOVE_MARKET, plain.quote(o.start(), o.end()), PAY_WEIGHT, name,
						plain.originalStart(o.start(), o.end()), plain.originalEnd(o.start(), o.end()));
			}
		}
		return Optional.ofNullable(best);
	}

	/** The country the job is in: the location field first, then places named in the text. */
	private Optional<String> destination(Map<String, Normalisation.Read> fields) {
		for (String name : List.of("location", "title", "description")) {
			Normalisation.Read read = fields.get(name);
			if (read != null) {
				List<Lexicon.Hit> hits = destinations.find(read.folded().text());
				if (!hits.isEmpty()) {
					return Optional.of(hits.get(0).indicator());
				}
			}
		}
		return Optional.empty();
	}

	private List<Reason> knownContacts(Map<String, Normalisation.Read> fields, String language,
			Function<Collection<Identifier>, Set<Identifier>> known) {
		CountryCode country = new CountryCode(LANGUAGE_COUNTRY.getOrDefault(language, "TH"));
		Map<Identifier, Reason> found = new LinkedHashMap<>();
		for (Map.Entry<String, Normalisation.Read> field : fields.entrySet()) {
			NormalisedText plain = field.getValue().plain();
			for (Contacts.Found c : contacts.in(plain.text(), country)) {
				found.putIfAbsent(c.identifier(),
						new Reason(KNOWN_RECRUITER, plain.quote(c.start(), c.end()), KNOWN_RECRUITER_WEIGHT,
								field.getKey(), plain.originalStart(c.start(), c.end()),
								plain.originalEnd(c.start(), c.end())));
			}
		}
		if (found.isEmpty()) {
			return List.of();
		}
		Set<Identifier> seen = known.apply(found.keySet());
		return found.entrySet().stream().filter(e -> seen.contains(e.getKey())).map(Map.Entry::getValue).toList();
	}

	private static boolean blank(String s) {
		return s == null || s.isBlank() || s.codePoints().allMatch(cp -> Character.isWhitespace(cp)
				|| Character.isSpaceChar(cp) || Character.getType(cp) == Character.FORMAT);
	}

	private static boolean longerThan(String s, int limit) {
		return s.length() > limit || (s.length() * 3L > limit && s.getBytes(StandardCharsets.UTF_8).length > limit);
	}

	private static double round(double v) {
		return Math.round(v * 1000) / 1000.0;
	}
}
