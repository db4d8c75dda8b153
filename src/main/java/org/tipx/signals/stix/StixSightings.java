package org.tipx.signals.stix;

import java.util.List;
import java.util.Map;

import org.tipx.signals.internal.Viewer;
import org.tipx.signals.reading.ReportView;

/**
 * Where the sightings and outcomes recorded on a report's indicators join its STIX export as {@code sighting}
 * objects. The sightings part of tipx provides the bean; without one a report exports no sightings.
 */
public interface StixSightings {

	/**
	 * The sighting objects of a report's indicators that the viewer may see.
	 *
	 * @param indicatorIds the STIX id given to each exported indicator, by {@code type + ":" + canonical}; a
	 *                     sighting's {@code sighting_of_ref} points at one of them
	 */
	List<Map<String, Object>> of(Viewer viewer, ReportView report, Map<String, String> indicatorIds);
}
