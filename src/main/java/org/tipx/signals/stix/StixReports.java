package org.tipx.signals.stix;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import org.tipx.directory.Directory;
import org.tipx.directory.Organisation;
import org.tipx.directory.OrganisationId;
import org.tipx.shared.Tlp;
import org.tipx.signals.internal.Viewer;
import org.tipx.signals.reading.ReportView;

/**
 * Turns a report, exactly as {@link org.tipx.signals.reading.ReportReading} shows it to a viewer, into STIX 2.1
 * objects: an {@code identity} for the reporting organisation, a {@code report}, and for each valid identifier its
 * cyber-observable (standard types where STIX has one, {@link TipxObservables} otherwise) and an {@code indicator}
 * with a STIX pattern. Invalid values (they never link) and names and aliases (they only suggest) are not exported.
 * Reading and auditing are the caller's: this class only converts what it is given.
 */
@Component
public class StixReports {

	/** STIX timestamps for created/modified are precise to the millisecond (§3.2). */
	static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'")
			.withZone(ZoneOffset.UTC);

	/** The identity of an organisation never changes meaning, so it has one version. */
	private static final String IDENTITY_VERSION = "2020-01-01T00:00:00.000Z";

	private final Directory directory;

	private final ObjectProvider<StixSightings> sightings;

	StixReports(Directory directory, ObjectProvider<StixSightings> sightings) {
		this.directory = directory;
		this.sightings = sightings;
	}

	public ReportObjects of(Viewer viewer, ReportView report) {
		Tlp tlp = Tlp.valueOf(report.tlp());
		List<String> marking = List.of(TlpMarkings.id(tlp));
		Instant modified = report.retracted() && report.retractedAt() != null ? report.retractedAt() : report.createdAt();
		String created = time(report.createdAt());
		String modifiedText = time(modified);
		String identity = "identity--" + report.organisationId();
		List<Map<String, Object>> objects = new ArrayList<>();
		objects.add(identity(report));
		List<Map<String, Object>> content = new ArrayList<>();
		Map<String, String> indicatorIds = new LinkedHashMap<>();
		Set<TipxObservables> extensions = EnumSet.noneOf(TipxObservables.class);
		for (ReportView.IndicatorView indicator : report.indicators()) {
			Optional<Observable> found = indicator.valid() ? Observable.of(indicator) : Optional.empty();
			if (found.isEmpty()) {
				continue;
			}
			Observable observable = found.get();
			String key = indicator.type() + ":" + indicator.canonical();
			if (indicatorIds.containsKey(key)) {
				continue;
			}
			observable.extension().ifPresent(extensions::add);
			Map<String, Object> sco = observable.object();
			sco.put("object_marking_refs", marking);
			content.add(sco);
			Map<String, Object> sdo = new LinkedHashMap<>();
			sdo.put("type", "indicator");
			sdo.put("spec_version", "2.1");
			sdo.put("id", StixIds.derived("indicator", report.id().toString(), key));
			sdo.put("created_by_ref", identity);
			sdo.put("created", created);
			sdo.put("modified", modifiedText);
			sdo.put("name", indicator.type() + " " + indicator.canonical());
			sdo.put("indicator_types", List.of("malicious-activity"));
			sdo.put("pattern", observable.pattern());
			sdo.put("pattern_type", "stix");
			sdo.put("pattern_version", "2.1");
			sdo.put("valid_from", time(report.observedAt()));
			if (report.retracted()) {
				sdo.put("revoked", true);
			}
			sdo.put("object_marking_refs", marking);
			indicatorIds.put(key, (String) sdo.get("id"));
			content.add(sdo);
		}
		Map<String, Object> stixReport = new LinkedHashMap<>();
		stixReport.put("type", "report");
		stixReport.put("spec_version", "2.1");
		stixReport.put("id", "report--" + report.id());
		stixReport.put("created_by_ref", identity);
		stixReport.put("created", created);
		stixReport.put("modified", modifiedText);
		stixReport.put("name", report.title());
		if (report.description() != null) {
			stixReport.put("description", report.description());
		}
		stixReport.put("report_types", List.of("threat-report"));
		stixReport.put("published", time(report.createdAt()));
		List<String> refs = new ArrayList<>();
		content.forEach(o -> refs.add((String) o.get("id")));
		// A report must refer to something; one whose every value is invalid refers to its author.
		stixReport.put("object_refs", refs.isEmpty() ? List.of(identity) : refs);
		if (report.confidence() != null) {
			stixReport.put("confidence", report.confidence());
		}
		if (report.retracted()) {
			stixReport.put("revoked", true);
		}
		stixReport.put("object_marking_refs", marking);
		stixReport.put("x_tipx_category", report.category());
		stixReport.put("x_tipx_reporter_country", report.reporterCountry());
		stixReport.put("x_tipx_observed_at", time(report.observedAt()));
		objects.add(stixReport);
		objects.addAll(content);
		StixSightings provider = sightings.getIfAvailable();
		if (provider != null) {
			objects.addAll(provider.of(viewer, report, indicatorIds));
		}
		return new ReportObjects(report.id(), report.createdAt(), modified, tlp, objects, extensions);
	}

	private Map<String, Object> identity(ReportView report) {
		String name = directory.organisation(new OrganisationId(report.organisationId())).map(Organisation::name)
				.orElse("organisation " + report.organisationId());
		Map<String, Object> identity = new LinkedHashMap<>();
		identity.put("type", "identity");
		identity.put("spec_version", "2.1");
		identity.put("id", "identity--" + report.organisationId());
		identity.put("created", IDENTITY_VERSION);
		identity.put("modified", IDENTITY_VERSION);
		identity.put("name", name);
		identity.put("identity_class", "organization");
		return identity;
	}

	static String time(Instant instant) {
		return TIMESTAMP.format(instant.truncatedTo(ChronoUnit.MILLIS));
	}
}
