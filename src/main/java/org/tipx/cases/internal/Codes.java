package org.tipx.cases.internal;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.tipx.shared.InvalidInputException;
import org.tipx.shared.InvalidInputException.FieldError;

/**
 * The coded vocabularies of a case, after HTCDS 2.0 and the CTDC codebook where they have a field, with the values
 * they lack for scam compounds (forced criminality as an exploitation type of its own; online recruitment methods and
 * platforms). Codes are stored and exported; pages show them in words from the message bundles
 * ({@code cases.code.<vocabulary>.<code>}).
 */
public final class Codes {

	private Codes() {
	}

	public static final List<String> TRAFFICKING_STATUS = List.of("PRESUMED", "POSSIBLE", "NOT_DETERMINED");

	public static final List<String> RECRUITMENT_METHODS = List.of("ONLINE_JOB_AD", "SOCIAL_MEDIA_MESSAGE",
			"RECRUITMENT_AGENCY", "FRIEND_OR_ACQUAINTANCE", "FAMILY_MEMBER", "INTIMATE_PARTNER", "OTHER");

	public static final List<String> PLATFORMS = List.of("FACEBOOK", "TELEGRAM", "WHATSAPP", "LINE", "TIKTOK",
			"INSTAGRAM", "WECHAT", "JOB_BOARD", "OTHER");

	/** CTDC's means of control. */
	public static final List<String> MEANS_OF_CONTROL = List.of("DEBT_BONDAGE", "TAKES_EARNINGS",
			"RESTRICTS_FINANCIAL_ACCESS", "THREATS", "PSYCHOLOGICAL_ABUSE", "PHYSICAL_ABUSE", "SEXUAL_ABUSE",
			"FALSE_PROMISES", "PSYCHOACTIVE_SUBSTANCES", "RESTRICTS_MOVEMENT", "RESTRICTS_MEDICAL_CARE",
			"EXCESSIVE_WORKING_HOURS", "THREAT_OF_LAW_ENFORCEMENT", "WITHHOLDS_NECESSITIES", "WITHHOLDS_DOCUMENTS",
			"OTHER");

	/** HTCDS exploitation types plus FORCED_CRIMINALITY, which HTCDS folds into "other". */
	public static final List<String> EXPLOITATION_TYPES = List.of("FORCED_LABOUR", "FORCED_CRIMINALITY",
			"SEXUAL_EXPLOITATION", "FORCED_MARRIAGE", "OTHER");

	public static final List<String> AGE_BANDS = List.of("UNDER_18", "18_24", "25_34", "35_44", "45_PLUS");

	public static final List<String> GENDERS = List.of("FEMALE", "MALE", "OTHER", "UNDISCLOSED");

	/** What a referral may ask of the receiving organisation. */
	public static final List<String> SERVICES = List.of("SHELTER", "MEDICAL", "PSYCHOSOCIAL", "LEGAL_AID",
			"INTERPRETATION", "FAMILY_TRACING", "TRAVEL_DOCUMENTS", "RETURN_ESCORT", "REINTEGRATION",
			"CHILD_PROTECTION");

	public static final List<String> RISKS = List.of("UNKNOWN", "LOW", "MEDIUM", "HIGH");

	/** Checks one optional code; adds an error naming the field when it is not in the vocabulary. */
	static String one(String field, String value, List<String> vocabulary, List<FieldError> errors) {
		if (value == null || value.isBlank()) {
			return null;
		}
		if (!vocabulary.contains(value)) {
			errors.add(new FieldError(field, "'" + value + "' is not one of " + String.join(", ", vocabulary)));
		}
		return value;
	}

	/** Checks a list of codes, drops repeats, keeps the order given. */
	static List<String> many(String field, List<String> values, List<String> vocabulary, List<FieldError> errors) {
		if (values == null) {
			return List.of();
		}
		Set<String> kept = new LinkedHashSet<>();
		for (int i = 0; i < values.size(); i++) {
			String value = values.get(i);
			if (value == null || !vocabulary.contains(value)) {
				errors.add(new FieldError(field + "[" + i + "]",
						"'" + value + "' is not one of " + String.join(", ", vocabulary)));
			}
			else {
				kept.add(value);
			}
		}
		return new ArrayList<>(kept);
	}

	static void throwIfAny(List<FieldError> errors) {
		if (!errors.isEmpty()) {
			throw new InvalidInputException(errors);
		}
	}
}
