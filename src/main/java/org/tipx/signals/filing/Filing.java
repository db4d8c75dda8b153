package org.tipx.signals.filing;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;

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
import org.tipx.signals.Chain;
import org.tipx.signals.IndicatorType;
import org.tipx.signals.Platform;
import org.tipx.signals.ReportFiled;
import org.tipx.signals.ReportId;
import org.tipx.signals.canonical.Canonical;
import org.tipx.signals.canonical.Canonicalisers;
import org.tipx.signals.canonical.RawIndicator;
import org.tipx.signals.correlation.Correlation;
import org.tipx.signals.filing.ReportRules.FieldNames;
import org.tipx.signals.internal.ReportStore;
import org.tipx.signals.internal.SignalsSettings;
import org.tipx.signals.internal.StoredIndicator;
import org.tipx.signals.internal.StoredReport;
import org.tipx.signals.internal.Viewer;

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

	private final ReportRules rules;

	private final AuditTrail audit;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	Filing(ReportStore store, Correlation correlation, Canonicalisers canonicalisers, Directory directory,
			SignalsSettings settings, ReportRules rules, AuditTrail audit, ApplicationEventPublisher events, Clock clock) {
		this.store = store;
		this.correlation = correlation;
		this.canonicalisers = canonicalisers;
		this.directory = directory;
		this.settings = settings;
		this.rules = rules;
		this.audit = audit;
		this.events = events;
		this.clock = clock;
	}

	@Transactional
	public StoredReport file(Viewer filer, NewReport request) {
		return file(filer, request, null).report();
	}

	/**
	 * Files a report on behalf of a larger operation, such as a bulk import, which {@code origin} names in the audit
	 * entry (may be null).
	 */
	@Transactional
	public Filed file(Viewer filer, NewReport request, String origin) {
		ReportRules.Checked checked = check(filer, request);
		Instant now = clock.instant();
		UUID reportId = UUID.randomUUID();
		List<StoredIndicator> indicators = canonicalise(reportId, request.indicators(), checked.country());
		correlation.lock();
		UUID ownNetwork = store.newNetwork(now);
		StoredReport report = new StoredReport(reportId, filer.organisationId(), filer.accountId(),
				request.title().strip(), blankToNull(request.description()), checked.country().value(),
				request.observedAt(), checked.category(), checked.tlp(), request.sharingGroupId(),
				recipients(request), request.confidence(), now, null, null, null, ownNetwork);
		store.insert(report, indicators);
		Correlation.Joined joined = correlation.join(report, indicators);
		audit.record(AuditRecord.success("signals.report.file", "signal_report", reportId)
				.withDetail(checked.tlp() + " " + checked.category() + " indicators=" + request.indicators().size()
						+ (origin == null ? "" : " via " + origin)));
		events.publishEvent(new ReportFiled(new ReportId(reportId), filer.organisationId(), joined.networkId(),
				joined.merged()));
		int invalid = (int) indicators.stream().filter(i -> i.derivedFrom() == null && !i.valid()).count();
		return new Filed(store.find(reportId).orElseThrow(), invalid);
	}

	public List<StoredIndicator> canonicalise(UUID reportId, List<NewReport.NewIndicator> given, CountryCode country) {
		return canonicalise(reportId, given, country, canonicalisers::canonicalise);
	}

	/**
	 * As {@link #canonicalise(UUID, List, CountryCode)}, reducing each value with {@code canonical} instead of the
	 * canonicalisers directly: a bulk import passes a cache of the spellings it has already reduced, which must answer
	 * exactly what the canonicalisers answer.
	 */
	public List<StoredIndicator> canonicalise(UUID reportId, List<NewReport.NewIndicator> given, CountryCode country,
			Function<RawIndicator, Canonical> canonical) {
		List<StoredIndicator> rows = new ArrayList<>();
		List<FieldError> errors = new ArrayList<>();
		int position = 0;
		for (int index = 0; index < given.size(); index++) {
			NewReport.NewIndicator indicator = given.get(index);
			IndicatorType type = IndicatorType.fromWire(indicator.type()).orElseThrow();
			Platform platform = indicator.platform() == null ? null : Platform.fromWire(indicator.platform()).orElseThrow();
			Chain chain = indicator.chain() == null ? null : Chain.fromWire(indicator.chain()).orElseThrow();
			RawIndicator raw = new RawIndicator(type, indicator.value(), platform, chain, country);
			Canonical reduced = canonical.apply(raw);
			rules.checkPlatformKnown(raw, reduced, FieldNames.indicator(index), errors);
			int source = position++;
			rows.add(new StoredIndicator(reportId, source, null, type, indicator.value(), indicator.platform(),
					indicator.chain(), reduced.canonical(), reduced.valid(), reduced.reason()));
			Set<Canonical.Derived> seen = new LinkedHashSet<>(reduced.derived());
			for (Canonical.Derived derived : seen) {
				rows.add(new StoredIndicator(reportId, position++, source, derived.type(), null, null, null,
						derived.canonical(), reduced.valid(), null));
			}
		}
		if (!errors.isEmpty()) {
			throw new InvalidInputException(errors);
		}
		return rows;
	}

	public ReportRules.Checked check(Viewer filer, NewReport r) {
		List<FieldError> errors = new ArrayList<>();
		ReportRules.Checked checked = rules.checkReport(r, FieldNames.JSON, errors);
		if (r.observedAt() == null) {
			errors.add(new FieldError("observedAt", "is required (ISO-8601 instant, e.g. 2026-11-02T08:00:00Z)"));
		}
		if (r.sharingGroupId() != null
				&& !directory.sharingGroupMembers(r.sharingGroupId()).contains(new OrganisationId(filer.organisationId()))) {
			errors.add(new FieldError("sharingGroupId", "is not a sharing group your organisation belongs to"));
		}
		List<UUID> given = r.recipients() == null ? List.of() : r.recipients();
		for (int i = 0; i < given.size(); i++) {
			UUID id = given.get(i);
			if (id == null || directory.organisation(new OrganisationId(id)).isEmpty()) {
				errors.add(new FieldError("recipients[" + i + "]", "no organisation with id " + id));
			}
		}
		if (checked.tlp() == Tlp.AMBER_STRICT && (!given.isEmpty() || r.sharingGroupId() != null)) {
			errors.add(new FieldError("tlp", "AMBER_STRICT is for your organisation only: remove recipients and sharing group"));
		}
		checkIndicators(r.indicators(), errors);
		if (!errors.isEmpty()) {
			throw new InvalidInputException(errors);
		}
		return checked;
	}

	public static Set<UUID> recipients(NewReport r) {
		return r.recipients() == null ? Set.of() : new LinkedHashSet<>(r.recipients());
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
			if (indicator == null) {
				errors.add(new FieldError("indicators[" + i + "]", "must be an object"));
				continue;
			}
			rules.checkIndicator(indicator, FieldNames.indicator(i), errors);
		}
	}

	public static String blankToNull(String value) {
		return value == null || value.isBlank() ? null : value.strip();
	}

	/** A filed report and how many of its given indicators did not parse. */
	public record Filed(StoredReport report, int invalidIndicators) {
	}
}
