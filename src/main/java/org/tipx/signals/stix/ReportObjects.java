package org.tipx.signals.stix;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.tipx.shared.Tlp;

/**
 * The STIX objects of one report as a viewer may see it, with what a TAXII collection needs to page over reports:
 * when the report was added and last modified. Marking and extension definitions are not included; the bundle (or
 * collection) adds each once ({@link StixBundles}).
 *
 * @param reportId   the tipx report
 * @param dateAdded  when tipx filed it
 * @param modified   when it last changed (retraction), or when it was filed
 * @param tlp        its marking
 * @param objects    identity, report, indicators, observables and sightings, as JSON-ready maps
 * @param extensions the tipx observable types used, whose extension definitions must travel with the objects
 */
public record ReportObjects(UUID reportId, Instant dateAdded, Instant modified, Tlp tlp,
		List<Map<String, Object>> objects, Set<TipxObservables> extensions) {

	public ReportObjects {
		objects = List.copyOf(objects);
		extensions = Set.copyOf(extensions);
	}
}
