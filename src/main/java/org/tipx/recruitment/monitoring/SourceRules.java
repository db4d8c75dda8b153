package org.tipx.recruitment.monitoring;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import org.springframework.stereotype.Component;
import org.tipx.shared.InvalidInputException;
import org.tipx.shared.InvalidInputException.FieldError;
import org.tipx.sharing.OutboundAddresses;

/**
 * Checks a source as described: every broken rule is named by its field, and nothing is stored. A feed's address
 * must pass the webhooks' outbound rule ({@link OutboundAddresses}); a CSV source names a plain sub-folder of the drop
 * folder, so no source can read outside it.
 */
@Component
class SourceRules {

	/** The posting fields a mapping may name, and {@code items}: the path of the array in a JSON answer. */
	static final Set<String> MAPPABLE = Set.of("id", "title", "description", "company", "location", "salary",
			"contact", "url", "platform", "items");

	private static final Pattern FOLDER = Pattern.compile("[a-z0-9][a-z0-9_-]{0,62}");

	private static final Pattern FIELD_NAME = Pattern.compile("[\\p{L}\\p{N}_ .-]{1,100}");

	private final OutboundAddresses addresses;

	private final MonitoringSettings settings;

	SourceRules(OutboundAddresses addresses, MonitoringSettings settings) {
		this.addresses = addresses;
		this.settings = settings;
	}

	Checked check(SourceDraft draft) {
		if (draft == null) {
			throw new InvalidInputException("body", "is required: a source with name, kind and location");
		}
		List<FieldError> errors = new ArrayList<>();
		String name = draft.name() == null ? "" : draft.name().strip();
		if (name.isEmpty() || name.length() > 200) {
			errors.add(new FieldError("name", "is required, at most 200 characters"));
		}
		SourceKind kind = null;
		try {
			kind = draft.kind() == null ? null : SourceKind.valueOf(draft.kind().strip().toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException e) {
			kind = null;
		}
		if (kind == null) {
			errors.add(new FieldError("kind", "must be one of FEED (RSS or Atom), JSON, CSV"));
		}
		String location = draft.location() == null ? "" : draft.location().strip();
		if (kind == SourceKind.CSV) {
			if (!FOLDER.matcher(location).matches()) {
				errors.add(new FieldError("location",
						"must name a sub-folder of the drop folder: lower-case letters, digits, - and _ (at most 63)"));
			}
		}
		else if (kind != null) {
			location = address(location, errors);
		}
		int minutes = draft.intervalMinutes() == null ? 60 : draft.intervalMinutes();
		if (minutes < 1 || minutes > 1440) {
			errors.add(new FieldError("intervalMinutes", "must be between 1 and 1440 (minutes)"));
		}
		Map<String, String> mapping = mapping(draft.fieldMapping(), kind, errors);
		if (!errors.isEmpty()) {
			throw new InvalidInputException(errors);
		}
		return new Checked(name, kind, location, mapping, Duration.ofMinutes(minutes),
				draft.enabled() == null || draft.enabled());
	}

	private String address(String location, List<FieldError> errors) {
		if (location.isEmpty() || location.length() > 2_000) {
			errors.add(new FieldError("location", "is required: the feed's https address, at most 2,000 characters"));
			return location;
		}
		try {
			URI uri = new URI(location);
			addresses.check(uri, settings.allowInsecure());
			return uri.toString();
		}
		catch (URISyntaxException e) {
			errors.add(new FieldError("location", "is not a valid address: " + e.getReason()));
		}
		catch (OutboundAddresses.Refused refused) {
			errors.add(new FieldError("location", refused.getMessage()));
		}
		return location;
	}

	private static Map<String, String> mapping(Map<String, String> given, SourceKind kind, List<FieldError> errors) {
		if (given == null || given.isEmpty()) {
			return Map.of();
		}
		if (kind == SourceKind.FEED) {
			errors.add(new FieldError("fieldMapping", "applies only to JSON and CSV sources"));
			return Map.of();
		}
		Map<String, String> mapping = new LinkedHashMap<>();
		given.forEach((field, name) -> {
			if (!MAPPABLE.contains(field)) {
				errors.add(new FieldError("fieldMapping." + field, "is not a posting field; use " + MAPPABLE));
			}
			else if (name == null || !FIELD_NAME.matcher(name).matches()) {
				errors.add(new FieldError("fieldMapping." + field, "must name a field: at most 100 letters or digits"));
			}
			else {
				mapping.put(field, name);
			}
		});
		return mapping;
	}

	/** A source that passed the checks. */
	record Checked(String name, SourceKind kind, String location, Map<String, String> fieldMapping, Duration interval,
			boolean enabled) {
	}
}
