package org.tipx.signals.canonical;

import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberFormat;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberType;
import com.google.i18n.phonenumbers.PhoneNumberUtil.ValidationResult;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;

import org.tipx.signals.IndicatorType;

/**
 * Phone numbers in E.164 ({@code +85512345678}), read by libphonenumber with the reporter's country as the place the
 * number was dialled from. Only numbers in a range the numbering plan assigns are valid; the number type (mobile,
 * landline, VoIP...) comes from the same plan.
 */
final class Phones implements Canonicaliser {

	private static final PhoneNumberUtil PLAN = PhoneNumberUtil.getInstance();

	private static final Pattern PUNCTUATION = Pattern.compile("[\\s().\\-]");

	/** English country names by region code: building a Locale and looking its name up costs more than the parse. */
	private static final Map<String, String> COUNTRY_NAMES = new ConcurrentHashMap<>();

	@Override
	public IndicatorType type() {
		return IndicatorType.PHONE;
	}

	@Override
	public Canonical canonicalise(RawIndicator indicator) {
		Trail trail = new Trail(IndicatorType.PHONE);
		String text = indicator.value();
		if (text.regionMatches(true, 0, "tel:", 0, 4)) {
			text = text.substring(4).strip();
			trail.step("removed the tel: prefix");
		}
		String region = indicator.country() == null ? null : indicator.country().value();
		Reading reading = read(text, region);
		if (!reading.valid() && startsWithDoubleZero(text)) {
			Reading international = read("+" + afterDoubleZero(text), null);
			if (international.number() != null) {
				trail.step("read the leading 00 as the international call prefix");
				reading = international;
			}
		}
		if (reading.number() == null) {
			return trail.invalid(text, reading.problem());
		}
		PhoneNumber number = reading.number();
		String e164 = PLAN.format(number, PhoneNumberFormat.E164);
		trail.step(switch (number.getCountryCodeSource()) {
			case FROM_DEFAULT_COUNTRY -> "read as a number dialled in " + countryName(region) + ", the reporter's country";
			case FROM_NUMBER_WITHOUT_PLUS_SIGN -> "read " + number.getCountryCode() + " at the start as the country "
					+ "calling code of " + countryName(region);
			case FROM_NUMBER_WITH_IDD -> "read the international call prefix of " + countryName(region)
					+ " and the country calling code +" + number.getCountryCode();
			default -> "read the country calling code +" + number.getCountryCode();
		});
		if (number.hasExtension()) {
			trail.step("dropped the extension " + number.getExtension() + ": it is not part of the number");
			trail.detail("extension", number.getExtension());
		}
		trail.step("wrote it in E.164: + country code and number, no spaces or leading 0");
		if (!reading.valid()) {
			return trail.invalid(e164, whyInvalid(number));
		}
		String numberRegion = PLAN.getRegionCodeForNumber(number);
		PhoneNumberType numberType = reading.type();
		trail.detail("region", numberRegion).detail("countryCallingCode", String.valueOf(number.getCountryCode()))
				.detail("numberType", numberType.name());
		trail.step("the numbering plan of " + countryName(numberRegion) + " says: " + words(numberType));
		return trail.valid(e164);
	}

	private static Reading read(String text, String region) {
		try {
			String dialledIn = region == null ? "ZZ" : region;
			PhoneNumber number = PlainNumbers.parse(text, dialledIn);
			if (number == null) {
				number = PLAN.parseAndKeepRawInput(text, dialledIn);
			}
			// isValidNumber(n) is getNumberType(n) != UNKNOWN (both match the number against the plan of the region
			// getRegionCodeForNumber finds); asking once for the type answers both and halves the pattern matching.
			PhoneNumberType type = PLAN.getNumberType(number);
			return new Reading(number, type != PhoneNumberType.UNKNOWN, type, null);
		}
		catch (NumberParseException e) {
			return new Reading(null, false, PhoneNumberType.UNKNOWN, switch (e.getErrorType()) {
				case INVALID_COUNTRY_CODE -> region == null && !text.startsWith("+")
						? "a number without a leading + needs the reporter's country to be read"
						: "the country calling code is not one in use";
				case TOO_SHORT_AFTER_IDD, TOO_SHORT_NSN -> "too short to be a phone number";
				case TOO_LONG -> "too long to be a phone number";
				case NOT_A_NUMBER -> "not a phone number";
			});
		}
	}

	private static String whyInvalid(PhoneNumber number) {
		String where = countryName(PLAN.getRegionCodeForCountryCode(number.getCountryCode()));
		ValidationResult possible = PLAN.isPossibleNumberWithReason(number);
		return switch (possible) {
			case TOO_SHORT -> "too short for a number in " + where;
			case TOO_LONG -> "too long for a number in " + where;
			case INVALID_LENGTH -> "not a length numbers in " + where + " have";
			case INVALID_COUNTRY_CODE -> "the country calling code is not one in use";
			case IS_POSSIBLE, IS_POSSIBLE_LOCAL_ONLY -> "no number range in " + where
					+ "'s numbering plan holds this number";
		};
	}

	private static boolean startsWithDoubleZero(String text) {
		String digits = PUNCTUATION.matcher(text).replaceAll("");
		return digits.startsWith("00") && digits.length() > 4;
	}

	private static String afterDoubleZero(String text) {
		return PUNCTUATION.matcher(text).replaceAll("").substring(2);
	}

	static String countryName(String region) {
		if (region == null || region.equals("ZZ") || region.equals("001")) {
			return "no single country";
		}
		return COUNTRY_NAMES.computeIfAbsent(region, code -> new Locale("", code).getDisplayCountry(Locale.ENGLISH));
	}

	private static String words(PhoneNumberType type) {
		return switch (type) {
			case MOBILE -> "a mobile number";
			case FIXED_LINE -> "a landline number";
			case FIXED_LINE_OR_MOBILE -> "a landline or mobile number (the plan does not tell them apart)";
			case VOIP -> "an internet telephony (VoIP) number";
			case TOLL_FREE -> "a toll-free number";
			case PREMIUM_RATE -> "a premium-rate number";
			case SHARED_COST -> "a shared-cost number";
			case PERSONAL_NUMBER -> "a personal number that forwards to another";
			case PAGER -> "a pager number";
			case UAN -> "a company's universal access number";
			case VOICEMAIL -> "a voicemail access number";
			case UNKNOWN -> "a number of unknown type";
		};
	}

	private record Reading(PhoneNumber number, boolean valid, PhoneNumberType type, String problem) {
	}
}
