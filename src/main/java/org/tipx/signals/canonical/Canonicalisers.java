package org.tipx.signals.canonical;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;
import org.tipx.signals.IndicatorType;

/**
 * Reduces any indicator to its canonical form with the canonicaliser for its type. First removes what no identifier
 * contains (invisible characters, surrounding spaces) and refuses values longer than {@value #MAX_LENGTH} characters.
 * Never throws for a bad value: it answers {@code valid=false} with a reason.
 */
@Component
public class Canonicalisers {

	/** No identifier tipx knows is longer; a URL with a long query comes closest. */
	static final int MAX_LENGTH = 2048;

	private static final int SHOWN_OF_TOO_LONG = 256;

	private static final Logger log = LoggerFactory.getLogger(Canonicalisers.class);

	private final Map<IndicatorType, Canonicaliser> byType = new EnumMap<>(IndicatorType.class);

	public Canonicalisers() {
		this(standardSet());
	}

	Canonicalisers(List<Canonicaliser> all) {
		all.forEach(c -> byType.put(c.type(), c));
		for (IndicatorType type : IndicatorType.values()) {
			if (!byType.containsKey(type)) {
				throw new IllegalArgumentException("no canonicaliser for " + type.wire());
			}
		}
	}

	/** All canonicalisers, built without Spring: for unit tests and benchmarks. */
	public static Canonicalisers standard() {
		return new Canonicalisers();
	}

	public Canonical canonicalise(RawIndicator indicator) {
		IndicatorType type = indicator.type();
		String value = indicator.value();
		if (value.length() > MAX_LENGTH) {
			return new Canonical(type, value.substring(0, SHOWN_OF_TOO_LONG) + "…", false,
					"longer than " + MAX_LENGTH + " characters: no " + type.wire() + " is that long", List.of(),
					Map.of("length", String.valueOf(value.length())), List.of());
		}
		Invisibles.Cleaned cleaned = Invisibles.clean(value);
		String stripped = value.strip();
		List<String> before = new ArrayList<>(2);
		if (cleaned.removed() > 0) {
			before.add("removed " + cleaned.removed() + " invisible character" + (cleaned.removed() == 1 ? "" : "s")
					+ " (zero-width spaces, joiners or direction marks)");
		}
		if (cleaned.removed() == 0 && !cleaned.text().equals(stripped)) {
			before.add("turned unusual spaces and line breaks into plain spaces");
		}
		if (value.length() != stripped.length()) {
			before.add("trimmed surrounding spaces");
		}
		if (cleaned.text().isEmpty()) {
			return new Canonical(type, "", false, "empty once invisible characters and spaces are removed", before,
					Map.of(), List.of());
		}
		Canonical canonical;
		try {
			canonical = byType.get(type).canonicalise(
					new RawIndicator(type, cleaned.text(), indicator.platform(), indicator.chain(), indicator.country()));
		}
		catch (RuntimeException e) {
			// The value itself is not logged: it may be personal data.
			log.warn("Canonicaliser for {} failed with {}", type.wire(), e.getClass().getName());
			return new Canonical(type, cleaned.text(), false, "could not be read as a " + type.wire(), before, Map.of(),
					List.of());
		}
		if (before.isEmpty()) {
			return canonical;
		}
		before.addAll(canonical.steps());
		return new Canonical(type, canonical.canonical(), canonical.valid(), canonical.reason(), before,
				canonical.details(), canonical.derived());
	}

	private static List<Canonicaliser> standardSet() {
		Phones phones = new Phones();
		DomainNames domains = new DomainNames();
		MessagingHandles handles = new MessagingHandles(phones);
		IpAddresses ips = new IpAddresses();
		return List.of(phones, new EmailAddresses(domains), new WebAddresses(domains, handles, ips), domains, handles,
				new CryptoAddresses(), new BankAccounts(), ips,
				new Names(IndicatorType.ORGANISATION_NAME), new Names(IndicatorType.PERSON_ALIAS));
	}
}
