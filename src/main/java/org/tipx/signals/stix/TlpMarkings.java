package org.tipx.signals.stix;

import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import org.tipx.shared.Tlp;

/**
 * The OASIS TLP 2.0 marking definitions (cti-stix-common-objects, extension-definition-specifications/tlp-2.0), by
 * their published ids and exactly as published, and the TLP 1.0 ids STIX 2.1 §7.2.1.4 predefines, which MISP and older
 * feeds still use. Exports mark with 2.0; imports read both (TLP:WHITE is TLP:CLEAR).
 */
public final class TlpMarkings {

	/** The extension the OASIS TLP 2.0 marking definitions carry. */
	public static final String TLP_2_EXTENSION = "extension-definition--60a3c5c5-0d10-413e-aab3-9e08dde9e88d";

	private static final String PUBLISHED = "2022-10-01T00:00:00.000Z";

	private static final Map<Tlp, String> TLP_2 = new EnumMap<>(Map.of(
			Tlp.CLEAR, "marking-definition--94868c89-83c2-464b-929b-a1a8aa3c8487",
			Tlp.GREEN, "marking-definition--bab4a63c-aed9-4cf5-a766-dfca5abac2bb",
			Tlp.AMBER, "marking-definition--55d920b0-5e8b-4f79-9ee9-91f868d9b421",
			Tlp.AMBER_STRICT, "marking-definition--939a9414-2ddd-4d32-a0cd-375ea402b003",
			Tlp.RED, "marking-definition--e828b379-4e03-4974-9ac4-e53a884c97c1"));

	private static final Map<String, Tlp> TLP_1 = Map.of(
			"marking-definition--613f2e26-407d-48c7-9eca-b8e91df99dc9", Tlp.CLEAR,
			"marking-definition--34098fce-860f-48ae-8e50-ebd3cc5e41da", Tlp.GREEN,
			"marking-definition--f88d31f6-486f-44da-b317-01333bde0b82", Tlp.AMBER,
			"marking-definition--5e57c739-391a-4eb3-b6be-7d15ca92d5ed", Tlp.RED);

	private TlpMarkings() {
	}

	/** The published id of a TLP 2.0 level. */
	public static String id(Tlp tlp) {
		return TLP_2.get(tlp);
	}

	/** The TLP 2.0 marking-definition object of a level, as OASIS publishes it. */
	public static Map<String, Object> definition(Tlp tlp) {
		Map<String, Object> marking = new LinkedHashMap<>();
		marking.put("type", "marking-definition");
		marking.put("spec_version", "2.1");
		marking.put("id", TLP_2.get(tlp));
		marking.put("created", PUBLISHED);
		marking.put("name", "TLP:" + word(tlp).toUpperCase());
		marking.put("extensions", Map.of(TLP_2_EXTENSION,
				Map.of("extension_type", "property-extension", "tlp_2_0", word(tlp))));
		return marking;
	}

	/** The level a published TLP 2.0 or TLP 1.0 marking id stands for. */
	public static Optional<Tlp> of(String markingId) {
		for (Map.Entry<Tlp, String> entry : TLP_2.entrySet()) {
			if (entry.getValue().equals(markingId)) {
				return Optional.of(entry.getKey());
			}
		}
		return Optional.ofNullable(TLP_1.get(markingId));
	}

	/** The level a TLP word names, as marking definitions write it: {@code amber+strict}, {@code TLP:WHITE}. */
	public static Optional<Tlp> ofWord(String word) {
		if (word == null) {
			return Optional.empty();
		}
		String w = word.strip().toLowerCase();
		w = w.startsWith("tlp:") ? w.substring(4) : w;
		return switch (w) {
			case "clear", "white" -> Optional.of(Tlp.CLEAR);
			case "green" -> Optional.of(Tlp.GREEN);
			case "amber" -> Optional.of(Tlp.AMBER);
			case "amber+strict" -> Optional.of(Tlp.AMBER_STRICT);
			case "red" -> Optional.of(Tlp.RED);
			default -> Optional.empty();
		};
	}

	/** How tight a level is, for choosing the tightest of several: RED is tighter than AMBER_STRICT here. */
	static int tightness(Tlp tlp) {
		return switch (tlp) {
			case CLEAR -> 0;
			case GREEN -> 1;
			case AMBER -> 2;
			case AMBER_STRICT -> 3;
			case RED -> 4;
		};
	}

	private static String word(Tlp tlp) {
		return tlp == Tlp.AMBER_STRICT ? "amber+strict" : tlp.name().toLowerCase();
	}
}
