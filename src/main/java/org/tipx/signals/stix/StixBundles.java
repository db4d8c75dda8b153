package org.tipx.signals.stix;

import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

import org.tipx.shared.Tlp;

/**
 * Assembles the STIX objects of one or more reports into a bundle: each object once (an organisation's identity or an
 * observable shared by two reports appears once), followed by the TLP marking definitions used and the extension
 * definitions (with the tipx identity that creates them) of the tipx observable types used. A TAXII collection needs
 * the same definitions beside its objects: {@link #definitions}.
 */
public final class StixBundles {

	/** The media type of a STIX 2.1 bundle. */
	public static final String MEDIA_TYPE = "application/stix+json;version=2.1";

	private StixBundles() {
	}

	public static Map<String, Object> bundle(Collection<ReportObjects> reports) {
		Map<String, Map<String, Object>> byId = new LinkedHashMap<>();
		Set<Tlp> markings = EnumSet.noneOf(Tlp.class);
		Set<TipxObservables> extensions = EnumSet.noneOf(TipxObservables.class);
		for (ReportObjects report : reports) {
			markings.add(report.tlp());
			extensions.addAll(report.extensions());
			for (Map<String, Object> object : report.objects()) {
				byId.merge((String) object.get("id"), object, StixBundles::tighter);
			}
		}
		List<Map<String, Object>> objects = new ArrayList<>(byId.values());
		objects.addAll(definitions(markings, extensions));
		Map<String, Object> bundle = new LinkedHashMap<>();
		bundle.put("type", "bundle");
		bundle.put("id", "bundle--" + UUID.randomUUID());
		bundle.put("objects", objects);
		return bundle;
	}

	/** The marking definitions and extension definitions the objects of the given markings and types refer to. */
	public static List<Map<String, Object>> definitions(Set<Tlp> markings, Set<TipxObservables> extensions) {
		List<Map<String, Object>> definitions = new ArrayList<>();
		for (Tlp tlp : new TreeSet<>(markings)) {
			definitions.add(TlpMarkings.definition(tlp));
		}
		if (!extensions.isEmpty()) {
			definitions.add(TipxObservables.tipxIdentity());
			for (TipxObservables type : new TreeSet<>(extensions)) {
				definitions.add(type.definition());
			}
		}
		return definitions;
	}

	/**
	 * One observable in two reports of different markings is marked with the tighter one, so a bundle never shows an
	 * identifier more widely than any report that holds it.
	 */
	@SuppressWarnings("unchecked")
	private static Map<String, Object> tighter(Map<String, Object> a, Map<String, Object> b) {
		Object ma = a.get("object_marking_refs");
		Object mb = b.get("object_marking_refs");
		if (!(ma instanceof List<?> la) || !(mb instanceof List<?> lb) || la.isEmpty() || lb.isEmpty()) {
			return a;
		}
		Tlp ta = TlpMarkings.of((String) la.get(0)).orElse(Tlp.RED);
		Tlp tb = TlpMarkings.of((String) lb.get(0)).orElse(Tlp.RED);
		return TlpMarkings.tightness(tb) > TlpMarkings.tightness(ta) ? b : a;
	}
}
