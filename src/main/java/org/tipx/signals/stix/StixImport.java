package org.tipx.signals.stix;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import tools.jackson.databind.JsonNode;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.tipx.shared.CountryCode;
import org.tipx.shared.InvalidInputException;
import org.tipx.shared.InvalidInputException.FieldError;
import org.tipx.shared.Tlp;
import org.tipx.signals.Category;
import org.tipx.signals.Chain;
import org.tipx.signals.IndicatorType;
import org.tipx.signals.Platform;
import org.tipx.signals.canonical.Canonical;
import org.tipx.signals.canonical.Canonicalisers;
import org.tipx.signals.canonical.RawIndicator;
import org.tipx.signals.filing.Filing;
import org.tipx.signals.filing.NewReport;
import org.tipx.signals.filing.ReportRules;
import org.tipx.signals.internal.SignalsSettings;
import org.tipx.signals.internal.Viewer;
import org.tipx.signals.internal.Viewers;

/**
 * Files a STIX 2.1 bundle as reports, through the same filing path, canonical forms and correlation as the API: one
 * tipx report per STIX report (its indicators and observables), and one report per TLP level for the indicators and
 * observables in no report. TLP comes from the markings (TLP 2.0 and 1.0 ids, and TLP marking definitions in the
 * bundle), the tightest of a report's and its contents'; content without any marking is refused unless a default
 * level is given. An object version (id + modified) the organisation imported before is not filed again. Everything
 * tipx does not file is listed as ignored with the reason. All or nothing: one transaction.
 */
@Service
public class StixImport {

	private static final int MAX_TITLE = ReportRules.MAX_TITLE;

	private final Filing filing;

	private final Canonicalisers canonicalisers;

	private final ImportedObjects imported;

	private final Viewers viewers;

	private final SignalsSettings settings;

	private final Clock clock;

	StixImport(Filing filing, Canonicalisers canonicalisers, ImportedObjects imported, Viewers viewers,
			SignalsSettings settings, Clock clock) {
		this.filing = filing;
		this.canonicalisers = canonicalisers;
		this.imported = imported;
		this.viewers = viewers;
		this.settings = settings;
		this.clock = clock;
	}

	/** One identifier taken from an object, with the object's marking and version. */
	private record Value(NewReport.NewIndicator indicator, String key) {
	}

	/** What one indicator or observable gives: its values, and the parts that could not be used. */
	private record Content(String id, String type, String modified, Optional<Tlp> tlp, Instant observedAt,
			List<Value> values, List<String> unusable) {
	}

	@Transactional
	public StixImported file(Viewer viewer, byte[] body, Tlp defaultTlp) {
		StixBundleReader.Bundle bundle = StixBundleReader.read(body);
		CountryCode country = viewers.countryOf(viewer).orElse(null);
		Map<String, JsonNode> latest = latestVersions(bundle.objects());
		Map<String, Tlp> markings = markings(latest.values());
		List<StixImported.Ignored> ignored = new ArrayList<>();
		List<String> already = new ArrayList<>();
		Map<String, Content> contents = new LinkedHashMap<>();
		List<JsonNode> reports = new ArrayList<>();
		for (JsonNode object : latest.values()) {
			String type = StixBundleReader.text(object, "type");
			String id = StixBundleReader.text(object, "id");
			switch (type) {
				case "report" -> reports.add(object);
				case "indicator" -> contents.put(id, indicator(object, markings, country));
				case "marking-definition" -> {
					if (!markings.containsKey(id)) {
						ignored.add(new StixImported.Ignored(id, type, "a marking that is not TLP restricts nothing in tipx"));
					}
				}
				case "extension-definition" -> {
					if (java.util.Arrays.stream(TipxObservables.values()).noneMatch(t -> t.extensionId().equals(id))) {
						ignored.add(new StixImported.Ignored(id, type, "an extension tipx does not know"));
					}
				}
				case "identity" -> ignored.add(new StixImported.Ignored(id, type,
						"identities are not filed: reports are filed as your organisation's"));
				default -> {
					Optional<Content> observable = observable(object, markings, country);
					if (observable.isPresent()) {
						contents.put(id, observable.get());
					}
					else {
						ignored.add(new StixImported.Ignored(id, type,
								"tipx files reports, indicators and identifiers; a " + type + " is none of them"));
					}
				}
			}
		}
		for (Content content : contents.values()) {
			if (content.values().isEmpty()) {
				ignored.add(new StixImported.Ignored(content.id(), content.type(), String.join("; ", content.unusable())));
			}
			else if (!content.unusable().isEmpty()) {
				ignored.add(new StixImported.Ignored(content.id(), content.type(),
						"partly filed; not filed: " + String.join("; ", content.unusable())));
			}
		}
		List<Planned> planned = new ArrayList<>();
		List<FieldError> unmarked = new ArrayList<>();
		Set<String> inReports = new HashSet<>();
		for (JsonNode report : reports) {
			String id = StixBundleReader.text(report, "id");
			List<Content> inside = new ArrayList<>();
			for (JsonNode ref : report.get("object_refs")) {
				inReports.add(ref.stringValue());
				Content content = contents.get(ref.stringValue());
				if (content != null && !content.values().isEmpty()) {
					inside.add(content);
				}
			}
			String modified = StixBundleReader.text(report, "modified");
			if (imported.known(viewer.organisationId(), id, modified)) {
				already.add(id);
				continue;
			}
			if (inside.isEmpty()) {
				ignored.add(new StixImported.Ignored(id, "report", "refers to no identifier tipx understands"));
				continue;
			}
			Optional<Tlp> tlp = tightest(tlpOf(report, markings), inside.stream().map(Content::tlp).toList());
			if (tlp.isEmpty() && defaultTlp == null) {
				unmarked.add(noMarking(id));
				continue;
			}
			Instant observed = instant(report, "published").or(() -> instant(report, "created"))
					.orElse(earliest(inside));
			planned.add(new Planned(id, modified, title(StixBundleReader.text(report, "name"), id),
					StixBundleReader.text(report, "description"), observed, category(report), tlp.orElse(defaultTlp),
					confidence(report), inside));
		}
		Map<Tlp, List<Content>> loose = new EnumMap<>(Tlp.class);
		for (Content content : contents.values()) {
			if (inReports.contains(content.id()) || content.values().isEmpty()) {
				continue;
			}
			if (imported.known(viewer.organisationId(), content.id(), content.modified())) {
				already.add(content.id());
				continue;
			}
			if (content.tlp().isEmpty() && defaultTlp == null) {
				unmarked.add(noMarking(content.id()));
				continue;
			}
			loose.computeIfAbsent(content.tlp().orElse(defaultTlp), t -> new ArrayList<>()).add(content);
		}
		if (!unmarked.isEmpty()) {
			throw new InvalidInputException(unmarked);
		}
		for (Map.Entry<Tlp, List<Content>> group : loose.entrySet()) {
			planned.add(new Planned(null, null, title("STIX " + bundle.id() + " indicators (TLP:" + group.getKey() + ")",
					bundle.id()), "Indicators and observables of STIX bundle " + bundle.id() + " in no report.",
					earliest(group.getValue()), Category.OTHER, group.getKey(), null, group.getValue()));
		}
		List<StixImported.FiledReport> filed = new ArrayList<>();
		for (Planned plan : planned) {
			filed.addAll(file(viewer, plan, country, bundle.id()));
		}
		return new StixImported(bundle.id(), filed, already, ignored);
	}

	/** A report to file. {@code stixId} is null for the report of content in no report. */
	private record Planned(String stixId, String modified, String title, String description, Instant observedAt,
			Category category, Tlp tlp, Integer confidence, List<Content> contents) {
	}

	private List<StixImported.FiledReport> file(Viewer viewer, Planned plan, CountryCode country, String bundleId) {
		Map<String, NewReport.NewIndicator> values = new LinkedHashMap<>();
		for (Content content : plan.contents()) {
			content.values().forEach(v -> values.putIfAbsent(v.key(), v.indicator()));
		}
		List<NewReport.NewIndicator> all = new ArrayList<>(values.values());
		List<StixImported.FiledReport> filed = new ArrayList<>();
		int parts = (all.size() + settings.maxIndicators() - 1) / settings.maxIndicators();
		Instant now = clock.instant();
		for (int part = 0; part < parts; part++) {
			List<NewReport.NewIndicator> chunk = all.subList(part * settings.maxIndicators(),
					Math.min(all.size(), (part + 1) * settings.maxIndicators()));
			String title = parts == 1 ? plan.title() : title(plan.title() + " (" + (part + 1) + "/" + parts + ")", "");
			NewReport report = new NewReport(title, clip(plan.description(), ReportRules.MAX_DESCRIPTION),
					country == null ? null : country.value(), plausible(plan.observedAt(), now), plan.category().name(),
					plan.tlp().name(), null, null, plan.confidence(), chunk);
			UUID reportId = filing.file(viewer, report, "STIX " + bundleId).report().id();
			filed.add(new StixImported.FiledReport(reportId, plan.stixId(), title, plan.tlp().name(), chunk.size(),
					plan.contents().stream().map(Content::id).toList()));
			if (plan.stixId() != null) {
				imported.remember(viewer.organisationId(), plan.stixId(), plan.modified(), reportId, now);
			}
			for (Content content : plan.contents()) {
				imported.remember(viewer.organisationId(), content.id(), content.modified(), reportId, now);
			}
		}
		return filed;
	}

	private Content indicator(JsonNode object, Map<String, Tlp> markings, CountryCode country) {
		String id = StixBundleReader.text(object, "id");
		String modified = StixBundleReader.text(object, "modified");
		Optional<Tlp> tlp = tlpOf(object, markings);
		Instant observed = instant(object, "valid_from").or(() -> instant(object, "created")).orElse(null);
		String patternType = StixBundleReader.text(object, "pattern_type");
		if (patternType != null && !patternType.equals("stix")) {
			return new Content(id, "indicator", modified, tlp, observed, List.of(),
					List.of("pattern_type " + patternType + " is not understood, only stix"));
		}
		List<Value> values = new ArrayList<>();
		List<String> unusable = new ArrayList<>();
		try {
			for (List<StixPattern.Comparison> alternative : StixPattern.parse(StixBundleReader.text(object, "pattern"))
					.alternatives()) {
				Either found = fromPattern(alternative);
				if (found.indicator() == null) {
					unusable.add(found.reason());
				}
				else {
					usable(found.indicator(), country, values, unusable);
				}
			}
		}
		catch (StixPattern.NotUnderstood e) {
			unusable.add("pattern not understood: " + e.getMessage());
		}
		return new Content(id, "indicator", modified, tlp, observed, values, unusable);
	}

	private Optional<Content> observable(JsonNode object, Map<String, Tlp> markings, CountryCode country) {
		String type = StixBundleReader.text(object, "type");
		String id = StixBundleReader.text(object, "id");
		NewReport.NewIndicator indicator = switch (type) {
			case "url" -> of("url", object, "value", null, null);
			case "domain-name" -> of("domain", object, "value", null, null);
			case "email-addr" -> of("email", object, "value", null, null);
			case "ipv4-addr", "ipv6-addr" -> of("ip", object, "value", null, null);
			case "phone-number" -> of("phone", object, "value", null, null);
			case "cryptocurrency-wallet" -> of("crypto_address", object, "value", null,
					Chain.fromWire(String.valueOf(StixBundleReader.text(object, "chain")).toLowerCase()).map(Chain::wire)
							.orElse(null));
			case "bank-account" -> of("bank_account", object, StixBundleReader.text(object, "value") != null ? "value"
					: StixBundleReader.text(object, "iban") != null ? "iban" : "account_number", null, null);
			case "user-account" -> of("messaging_handle", object,
					StixBundleReader.text(object, "user_id") != null ? "user_id" : "account_login",
					platform(StixBundleReader.text(object, "account_type")), null);
			default -> null;
		};
		if (indicator == null) {
			return Optional.empty();
		}
		List<Value> values = new ArrayList<>();
		List<String> unusable = new ArrayList<>();
		usable(indicator, country, values, unusable);
		return Optional.of(new Content(id, type, ImportedObjects.UNVERSIONED, tlpOf(object, markings), null, values,
				unusable));
	}

	private static NewReport.NewIndicator of(String type, JsonNode object, String field, String platform, String chain) {
		String value = StixBundleReader.text(object, field);
		return value == null ? null : new NewReport.NewIndicator(type, value, platform, chain);
	}

	/** A found indicator, or why the comparison names nothing tipx files. */
	private record Either(NewReport.NewIndicator indicator, String reason) {
	}

	private static Either fromPattern(List<StixPattern.Comparison> alternative) {
		if (alternative.size() == 1) {
			StixPattern.Comparison c = alternative.get(0);
			String type = switch (c.objectType() + ":" + c.path()) {
				case "url:value" -> "url";
				case "domain-name:value" -> "domain";
				case "email-addr:value", "email-message:from_ref.value", "email-message:sender_ref.value" -> "email";
				case "ipv4-addr:value", "ipv6-addr:value" -> "ip";
				case "phone-number:value" -> "phone";
				case "cryptocurrency-wallet:value" -> "crypto_address";
				case "bank-account:value", "bank-account:iban", "bank-account:account_number" -> "bank_account";
				case "user-account:user_id", "user-account:account_login" -> "messaging_handle";
				default -> null;
			};
			return type == null
					? new Either(null, c.objectType() + ":" + c.path() + " is not an identifier tipx files")
					: new Either(new NewReport.NewIndicator(type, c.value(), null, null), null);
		}
		String platform = null;
		String handle = null;
		for (StixPattern.Comparison c : alternative) {
			if (!c.objectType().equals("user-account")) {
				handle = null;
				break;
			}
			if (c.path().equals("account_type")) {
				platform = platform(c.value());
			}
			else if (c.path().equals("user_id") || c.path().equals("account_login")) {
				handle = c.value();
			}
		}
		if (handle != null && platform != null) {
			return new Either(new NewReport.NewIndicator("messaging_handle", handle, platform, null), null);
		}
		return new Either(null, "only a user-account's account_type AND user_id are understood together");
	}

	/** Keeps a value that reduces to a valid canonical form, or says why not. */
	private void usable(NewReport.NewIndicator indicator, CountryCode country, List<Value> values, List<String> unusable) {
		if (indicator.value().isBlank() || indicator.value().length() > ReportRules.MAX_VALUE) {
			unusable.add(indicator.type() + " value is empty or longer than " + ReportRules.MAX_VALUE + " characters");
			return;
		}
		IndicatorType type = IndicatorType.fromWire(indicator.type()).orElseThrow();
		Canonical canonical = canonicalisers.canonicalise(new RawIndicator(type, indicator.value(),
				indicator.platform() == null ? null : Platform.fromWire(indicator.platform()).orElse(null),
				indicator.chain() == null ? null : Chain.fromWire(indicator.chain()).orElse(null), country));
		if (!canonical.valid()) {
			unusable.add(indicator.type() + " '" + indicator.value() + "' is not valid: " + canonical.reason());
			return;
		}
		if (type == IndicatorType.MESSAGING_HANDLE && indicator.platform() == null
				&& !canonical.details().containsKey("platform")) {
			unusable.add("handle '" + indicator.value() + "' has no platform tipx knows");
			return;
		}
		values.add(new Value(indicator, type.wire() + ":" + canonical.canonical()));
	}

	private static String platform(String accountType) {
		return accountType == null ? null : Platform.fromWire(accountType.strip().toLowerCase()).map(Platform::wire)
				.orElse(null);
	}

	/** The newest version of each object (by modified), in bundle order. */
	private static Map<String, JsonNode> latestVersions(List<JsonNode> objects) {
		Map<String, JsonNode> latest = new LinkedHashMap<>();
		for (JsonNode object : objects) {
			latest.merge(StixBundleReader.text(object, "id"), object, (a, b) -> {
				String ma = StixBundleReader.text(a, "modified");
				String mb = StixBundleReader.text(b, "modified");
				return ma != null && mb != null && Instant.parse(mb).isAfter(Instant.parse(ma)) ? b : a;
			});
		}
		return latest;
	}

	/**
	 * Marking ids that stand for a TLP level: the published TLP 2.0 and 1.0 ids, and marking definitions in the bundle
	 * of definition_type tlp or with the TLP 2.0 extension.
	 */
	private static Map<String, Tlp> markings(Iterable<JsonNode> objects) {
		Map<String, Tlp> markings = new HashMap<>();
		for (JsonNode object : objects) {
			if (!"marking-definition".equals(StixBundleReader.text(object, "type"))) {
				continue;
			}
			String id = StixBundleReader.text(object, "id");
			Optional<Tlp> tlp = TlpMarkings.of(id);
			JsonNode definition = object.get("definition");
			if (tlp.isEmpty() && "tlp".equals(StixBundleReader.text(object, "definition_type")) && definition != null
					&& definition.isObject()) {
				tlp = TlpMarkings.ofWord(StixBundleReader.text(definition, "tlp"));
			}
			JsonNode extensions = object.get("extensions");
			if (tlp.isEmpty() && extensions != null && extensions.isObject()
					&& extensions.get(TlpMarkings.TLP_2_EXTENSION) != null) {
				tlp = TlpMarkings.ofWord(StixBundleReader.text(extensions.get(TlpMarkings.TLP_2_EXTENSION), "tlp_2_0"));
			}
			tlp.ifPresent(t -> markings.put(id, t));
		}
		return markings;
	}

	private static Optional<Tlp> tlpOf(JsonNode object, Map<String, Tlp> markings) {
		JsonNode refs = object.get("object_marking_refs");
		List<Optional<Tlp>> found = new ArrayList<>();
		if (refs != null) {
			for (JsonNode ref : refs) {
				String id = ref.stringValue();
				found.add(Optional.ofNullable(markings.get(id)).or(() -> TlpMarkings.of(id)));
			}
		}
		return tightest(Optional.empty(), found);
	}

	private static Optional<Tlp> tightest(Optional<Tlp> first, List<Optional<Tlp>> others) {
		Optional<Tlp> tightest = first;
		for (Optional<Tlp> other : others) {
			if (other.isPresent() && (tightest.isEmpty()
					|| TlpMarkings.tightness(other.get()) > TlpMarkings.tightness(tightest.get()))) {
				tightest = other;
			}
		}
		return tightest;
	}

	private static FieldError noMarking(String id) {
		return new FieldError(id + ".object_marking_refs",
				"has no TLP marking; mark it, or give the level to use with ?defaultTlp=GREEN (CLEAR, GREEN, AMBER,"
						+ " AMBER_STRICT, RED)");
	}

	private static Optional<Instant> instant(JsonNode object, String field) {
		String text = StixBundleReader.text(object, field);
		return text == null ? Optional.empty() : Optional.of(Instant.parse(text));
	}

	private Instant earliest(List<Content> contents) {
		return contents.stream().map(Content::observedAt).filter(java.util.Objects::nonNull).min(Instant::compareTo)
				.orElse(clock.instant());
	}

	/** tipx refuses observations in the future or before 1990; a feed's odd dates are brought within. */
	private static Instant plausible(Instant observed, Instant now) {
		if (observed.isAfter(now.plus(Duration.ofHours(12)))) {
			return now;
		}
		return observed.isBefore(ReportRules.EARLIEST_OBSERVATION) ? ReportRules.EARLIEST_OBSERVATION : observed;
	}

	private static Category category(JsonNode report) {
		String given = StixBundleReader.text(report, "x_tipx_category");
		return Category.names().contains(given) ? Category.valueOf(given) : Category.OTHER;
	}

	private static Integer confidence(JsonNode report) {
		JsonNode value = report.get("confidence");
		return value != null && value.isInt() && value.intValue() >= 0 && value.intValue() <= 100 ? value.intValue()
				: null;
	}

	private static String title(String name, String fallback) {
		String title = name == null || name.isBlank() ? "STIX report " + fallback : name.strip();
		return clip(title, MAX_TITLE);
	}

	private static String clip(String text, int max) {
		return text == null || text.length() <= max ? text : text.substring(0, max - 1) + "…";
	}

}
