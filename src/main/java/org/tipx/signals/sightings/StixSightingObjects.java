package org.tipx.signals.sightings;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;
import org.tipx.shared.Tlp;
import org.tipx.signals.internal.Viewer;
import org.tipx.signals.reading.ReportView;
import org.tipx.signals.stix.StixSightings;
import org.tipx.signals.stix.TlpMarkings;

/**
 * Sightings and outcomes in a report's STIX export (ADR 0032): each one the viewer may see on the report (the
 * reporting organisation all of them, any other its own) becomes a STIX {@code sighting} of the exported indicator,
 * sighted by the recording organisation's identity, with its kind as {@code x_tipx_kind} and the report's marking.
 * The note is not exported: it is free text a person wrote, shown only inside tipx.
 */
@Component
class StixSightingObjects implements StixSightings {

	private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'")
			.withZone(ZoneOffset.UTC);

	@Override
	public List<Map<String, Object>> of(Viewer viewer, ReportView report, Map<String, String> indicatorIds) {
		List<String> marking = List.of(TlpMarkings.id(Tlp.valueOf(report.tlp())));
		List<Map<String, Object>> objects = new ArrayList<>();
		for (ReportView.IndicatorView indicator : report.indicators()) {
			String indicatorId = indicatorIds.get(indicator.type() + ":" + indicator.canonical());
			if (indicatorId == null || indicator.sightings() == null) {
				continue;
			}
			for (SightingView sighting : indicator.sightings().sightings()) {
				String by = "identity--" + sighting.organisationId();
				Map<String, Object> object = new LinkedHashMap<>();
				object.put("type", "sighting");
				object.put("spec_version", "2.1");
				object.put("id", sighting.stixId());
				object.put("created_by_ref", by);
				object.put("created", time(sighting.createdAt()));
				object.put("modified", time(sighting.createdAt()));
				object.put("first_seen", time(sighting.observedAt()));
				object.put("last_seen", time(sighting.observedAt()));
				object.put("count", 1);
				object.put("sighting_of_ref", indicatorId);
				object.put("where_sighted_refs", List.of(by));
				object.put("x_tipx_kind", sighting.kind());
				object.put("x_tipx_outcome", sighting.outcome());
				object.put("object_marking_refs", marking);
				objects.add(object);
			}
		}
		return objects;
	}

	private static String time(Instant instant) {
		return TIMESTAMP.format(instant.truncatedTo(ChronoUnit.MILLIS));
	}
}
