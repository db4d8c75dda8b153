package org.tipx.signals.canonical;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;
import org.tipx.signals.IndicatorType;

/**
 * Temporary dispatcher (replaced at merge).
 */
@Component
public class Canonicalisers {

	private final Map<IndicatorType, Canonicaliser> byType = new EnumMap<>(IndicatorType.class);

	Canonicalisers(List<Canonicaliser> all) {
		all.forEach(c -> byType.put(c.type(), c));
	}

	public Canonical canonicalise(RawIndicator indicator) {
		Canonicaliser c = byType.get(indicator.type());
		if (c == null) {
			return new Canonical(indicator.type(), indicator.value().strip(), false, "no canonicaliser", List.of(),
					Map.of(), List.of());
		}
		return c.canonicalise(indicator);
	}
}
