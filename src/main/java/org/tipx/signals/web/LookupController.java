package org.tipx.signals.web;

import java.util.ArrayList;
import java.util.List;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.tipx.shared.Actor;
import org.tipx.shared.Allowed;
import org.tipx.shared.CountryCode;
import org.tipx.shared.InvalidInputException;
import org.tipx.signals.Chain;
import org.tipx.signals.IndicatorType;
import org.tipx.signals.Platform;
import org.tipx.signals.canonical.RawIndicator;
import org.tipx.signals.internal.Viewers;
import org.tipx.signals.reading.Lookups;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * Looks identifiers up among the reports the caller may see.
 */
@RestController
@RequestMapping("/api/v1/signals/lookup")
@Tag(name = "signals")
class LookupController {

	static final int MAX_BATCH = 1000;

	private final Lookups lookups;

	private final Viewers viewers;

	LookupController(Lookups lookups, Viewers viewers) {
		this.lookups = lookups;
		this.viewers = viewers;
	}

	@GetMapping
	@Allowed.SignalReaders
	@Operation(summary = "One value: its canonical form and the visible reports that hold it")
	Lookups.Answer one(@RequestParam(required = false) String type, @RequestParam(required = false) String value,
			@RequestParam(required = false) String country, @RequestParam(required = false) String platform,
			@RequestParam(required = false) String chain) {
		RawIndicator indicator = parse("", type, value, country, platform, chain);
		return lookups.lookup(viewers.current(), caller(), List.of(indicator)).get(0);
	}

	@PostMapping
	@Allowed.SignalReaders
	@Operation(summary = "Up to 1,000 values at once, answered in order")
	List<Lookups.Answer> many(@RequestBody List<LookupJson> values) {
		if (values == null || values.isEmpty()) {
			throw new InvalidInputException("values", "at least one value is required");
		}
		if (values.size() > MAX_BATCH) {
			throw new InvalidInputException("values", "at most " + MAX_BATCH + " values per request");
		}
		List<RawIndicator> indicators = new ArrayList<>();
		for (int i = 0; i < values.size(); i++) {
			LookupJson v = values.get(i);
			if (v == null) {
				throw new InvalidInputException("[" + i + "]", "must be an object");
			}
			indicators.add(parse("[" + i + "].", v.type(), v.value(), v.country(), v.platform(), v.chain()));
		}
		return lookups.lookup(viewers.current(), caller(), indicators);
	}

	static RawIndicator parse(String at, String type, String value, String country, String platform, String chain) {
		IndicatorType indicatorType = type == null ? null : IndicatorType.fromWire(type).orElse(null);
		if (indicatorType == null) {
			throw new InvalidInputException(at + "type", "must be one of " + IndicatorType.wireNames());
		}
		if (value == null || value.isBlank()) {
			throw new InvalidInputException(at + "value", "is required");
		}
		Platform parsedPlatform = null;
		if (platform != null && !platform.isBlank()) {
			parsedPlatform = Platform.fromWire(platform).orElseThrow(
					() -> new InvalidInputException(at + "platform", "must be one of " + Platform.wireNames()));
		}
		Chain parsedChain = null;
		if (chain != null && !chain.isBlank()) {
			parsedChain = Chain.fromWire(chain)
					.orElseThrow(() -> new InvalidInputException(at + "chain", "must be one of " + Chain.wireNames()));
		}
		CountryCode parsedCountry = country == null || country.isBlank() ? null : CountryCode.parse(at + "country", country);
		return new RawIndicator(indicatorType, value, parsedPlatform, parsedChain, parsedCountry);
	}

	private static String caller() {
		return Actor.current().map(Actor::identity).orElse("anonymous");
	}

	record LookupJson(String type, String value, String country, String platform, String chain) {
	}
}
