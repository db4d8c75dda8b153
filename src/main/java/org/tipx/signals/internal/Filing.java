package org.tipx.signals.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.tipx.audit.AuditRecord;
import org.tipx.audit.AuditTrail;
import org.tipx.directory.Directory;
import org.tipx.directory.OrganisationId;
import org.tipx.shared.CountryCode;
import org.tipx.shared.InvalidInputException;
import org.tipx.shared.InvalidInputException.FieldError;
import org.tipx.shared.Tlp;
import org.tipx.signals.Category;
import org.tipx.signals.Chain;
import org.tipx.signals.IndicatorType;
import org.tipx.signals.Platform;
import org.tipx.signals.ReportFiled;
import org.tipx.signals.ReportId;
import org.tipx.signals.canonical.Canonical;
import org.tipx.signals.canonical.Canonicalisers;
import org.tipx.signals.canonical.RawIndicator;

/**
 * Files a report: checks it whole (a structurally bad indicator rejects the request, naming its index), reduces each
 * indicator to its canonical form (values that do not parse are kept as invalid and never link), stores it, and links
 * it into networks.
 */
@Service
public class Filing {

	private final ReportStore store;

	private final Correlation correlation;

	private final Canonicalisers canonicalisers;

	private final Directory directory;

	private final SignalsSettings settings;

	private final AuditTrail audit;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	Filing(ReportStore store, Correlation correlation, Canonicalisers canonicalisers, Directory directory,
			SignalsSettings settings, AuditTrail audit, ApplicationEventPublisher events, Clock clock) {
		this.store = store;
		this.correlation = correlation;
		this.canonicalisers = canonicalisers;
		this.directory = directory;
		this.settings = settings;
		this.audit = audit;
		this.events = events;
		this.clock = clock;
	}

	@Transactional
	public StoredReport file(Viewer filer, NewReport request) {
		Checked checked = check(filer, request);
		Instant now = clock.instant();
		UUID reportId = UUID.randomUUID();
		List<StoredIndicator> indicators = canonicalise(reportId, request.indicators(), checked.country());
		correlation.lock();
		UUID ownNetwork = store.newNetwork(now);
		StoredReport report = new StoredReport(reportId, filer.organisationId(), filer.accountId(),
				request.title().strip(), blankToNull(request.description()), checked.country().value(),
				request.observedAt(), checked.category(), checked.tlp(), request.sharingGroupId(), checked.recipients(),
				request.confidence(), now, null, null, null, ownNetwork);
		store.insert(report, indicators);
		Correlation.Joined joined = correlation.join(report, indicators);
		audit.record(AuditRecord.success("signals.report.file", "signal_report", reportId)
				.withDetail(checked.tlp() + " " + checked.category() + " indicators=" + request.indicators().size()));
		events.publishEvent(new ReportFiled(new ReportId(reportId), filer.organisationId(), joined.networkId(),
				joined.merged()));
		return store.find(reportId).orElseThrow();
	}

	private List<StoredIndicator> canonicalise(UUID reportId, List<NewReport.NewIndicator> given, CountryCode country) {
		List<StoredIndicator> rows = new ArrayList<>();
		List<FieldError> errors = new ArrayList<>();
		int position = 0;
		for (int index = 0; index < given.size(); index++) {
			NewReport.NewIndicator indicator = given.get(index);
			IndicatorType type = IndicatorType.fromWire(indicator.type()).orElseThrow();
			Platform platform = indicator.platform() == null ? null : Platform.fromWire(indicator.platform()).orElseThrow();
			Chain chain = indicator.chain() == null ? null : Chain.fromWire(indicator.chain()).orElseThrow();
			Canonical canonical = canonicalisers.canonicalise(new RawIndicator(type, indicator.value(), platform, chain,
					country));
			if (type == IndicatorType.MESSAGING_HANDLE && platform == null && !canonical.details().containsKey("platform")) {
				errors.add(new FieldError("indicators[" + index + "].platform",
						"is required for a handle whose platform cannot be told from the value, one of "
								+ Platform.wireNames()));
			}
			int source = position++;
			rows.add(new StoredIndicator(reportId, source, null, type, indicator.value(), indicator.platform(),
					indicator.chain(), canonical.canonical(), canonical.valid(), canonical.reason()));
			Set<Canonical.Derived> seen = new LinkedHashSet<>(canonical.derived());
			for (Canonical.Derived derived : seen) {
				rows.add(new StoredIndicator(reportId, position++, source, derived.type(), null, null, null,
						derived.canonical(), canonical.valid(), null));
			}
		}
		if (!errors.isEmpty()) {
			throw new InvalidInputException(errors);
		}
		return rows;
	}

	private Checked check(Viewer filer, NewReport r) {
		List<FieldError> errors = new ArrayList<>();
		if (r.title() == null || r.title().isBlank() || r.title().length() > 300) {
			errors.add(new FieldError("title", "is required, at most 300 characters"));
		}
		if (r.description() != null && r.description().length() > 20_000) {
			errors.add(new FieldError("description", "must be at most 20,000 characters"));
		}
		CountryCode country = null;
		try {
			country = CountryCode.parse("reporterCountry", r.reporterCountry());
		}
		catch (InvalidInputException e) {
			errors.addAll(e.errors());
		}
		if (r.observedAt() == null) {
			errors.add(new FieldError("observedAt", "is required (ISO-8601 instant, e.g. 2026-11-02T08:00:00Z)"));
		}
		else if (r.observedAt().isAfter(clock.instant().plus(Duration.ofDays(1)))) {
			errors.add(new FieldError("observedAt", "is in the future"));
		}
		Category category = parse(Category.class, r.category(), "category", Category.names(), errors);
		Tlp tlp = parse(Tlp.class, r.tlp(), "tlp", Tlp.names(), errors);
		if (r.confidence() != null && (r.confidence() < 0 || r.confidence() > 100)) {
			errors.add(new FieldError("confidence", "must be between 0 and 100"));
		}
		if (r.sharingGroupId() != null
				&& !directory.sharingGroupMembers(r.sharingGroupId()).contains(new OrganisationId(filer.organisationId()))) {
			errors.add(new FieldError("sharingGroupId", "is not a sharing group your organisation belongs to"));
		}
		Set<UUID> recipients = new LinkedHashSet<>();
		List<UUID> given = r.recipients() == null ? List.of() : r.recipients();
		for (int i = 0; i < given.size(); i++) {
			UUID id = given.get(i);
			if (id == null || directory.organisation(new OrganisationId(id)).isEmpty()) {
				errors.add(new FieldError("recipients[" + i + "]", "no organisation with id " + id));
			}
			else {
				recipients.add(id);
			}
		}
		if (tlp == Tlp.AMBER_STRICT && (!recipients.isEmpty() || r.sharingGroupId() != null)) {
			errors.add(new FieldError("tlp", "AMBER_STRICT is for your organisation only: remove recipients and sharing group"));
		}
		checkIndicators(r.indicators(), errors);
		if (!errors.isEmpty()) {
			throw new InvalidInputException(errors);
		}
		return new Checked(country, category, tlp, recipients);
	}

	private void checkIndicators(List<NewReport.NewIndicator> indicators, List<FieldError> errors) {
		if (indicators == null || indicators.isEmpty()) {
			errors.add(new FieldError("indicators", "at least one indicator is required"));
			return;
		}
		if (indicators.size() > settings.maxIndicators()) {
			errors.add(new FieldError("indicators", "at most " + settings.maxIndicators() + " indicators per report"));
			return;
		}
		for (int i = 0; i < indicators.size(); i++) {
			NewReport.NewIndicator indicator = indicators.get(i);
			String at = "indicators[" + i + "]";
			if (indicator == null) {
				errors.add(new FieldError(at, "must be an object"));
				continue;
			}
			if (indicator.type() == null || IndicatorType.fromWire(indicator.type()).isEmpty()) {
				errors.add(new FieldError(at + ".type", "must be one of " + IndicatorType.wireNames()));
			}
			if (indicator.value() == null || indicator.value().isBlank()) {
				errors.add(new FieldError(at + ".value", "is required"));
			}
			if (indicator.platform() != null && Platform.fromWire(indicator.platform()).isEmpty()) {
				errors.add(new FieldError(at + ".platform", "must be one of " + Platform.wireNames()));
			}
			if (indicator.chain() != null && Chain.fromWire(indicator.chain()).isEmpty()) {
				errors.add(new FieldError(at + ".chain", "must be one of " + Chain.wireNames()));
			}
		}
	}

	private static <E extends Enum<E>> E parse(Class<E> type, String value, String field, List<String> allowed,
			List<FieldError> errors) {
		try {
			return Enum.valueOf(type, value == null ? "" : value.strip());
		}
		catch (IllegalArgumentException e) {
			errors.add(new FieldError(field, "must be one of " + allowed));
			return null;
		}
	}

	private static String blankToNull(String value) {
		return value == null || value.isBlank() ? null : value.strip();
	}

	private record Checked(CountryCode country, Category category, Tlp tlp, Set<UUID> recipients) {
	}
}
