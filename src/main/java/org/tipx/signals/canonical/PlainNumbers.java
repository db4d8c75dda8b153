package org.tipx.signals.canonical;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.PhoneNumberUtil.ValidationResult;
import com.google.i18n.phonenumbers.Phonemetadata.PhoneMetadata;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;

/**
 * libphonenumber's own parse, for the way numbers are almost always written (digits, an optional leading +, spaces,
 * dashes, dots and brackets), without the four scans its parse makes to find what such text cannot hold: where the
 * number starts, whether it is one at all, an extension ({@code ext. 12}, {@code #12}, {@code ,,12}: each needs a
 * letter, {@code #}, {@code ;} or a comma), and a {@code phone-context}. Those scans are most of libphonenumber's
 * parse time (about half, measured in docs/benchmarks.md). Every step that reads the numbering plan (the country
 * calling code, the international and national prefixes, the length check, leading zeros) is libphonenumber's own,
 * called as its parse calls it, so the result is the same {@link PhoneNumber}, field for field, or the same
 * {@link NumberParseException} type: {@code FastPathsTests} compares both on every region and spelling it generates.
 * <p>
 * Those steps are not public in libphonenumber; they are reached through method handles, resolved once. If a
 * libphonenumber upgrade renames them, {@link #AVAILABLE} is false and every number takes the library's parse.
 */
final class PlainNumbers {

	private static final PhoneNumberUtil PLAN = PhoneNumberUtil.getInstance();

	/** libphonenumber's MAX_INPUT_STRING_LENGTH, MIN_LENGTH_FOR_NSN and MAX_LENGTH_FOR_NSN. */
	private static final int MAX_INPUT = 250;

	private static final int MIN_NSN = 2;

	private static final int MAX_NSN = 17;

	private static final MethodHandle METADATA_FOR_REGION;

	private static final MethodHandle METADATA_FOR_REGION_OR_CALLING_CODE;

	private static final MethodHandle EXTRACT_COUNTRY_CODE;

	private static final MethodHandle NORMALIZE;

	private static final MethodHandle STRIP_NATIONAL_PREFIX;

	private static final MethodHandle TEST_LENGTH;

	private static final MethodHandle LEADING_ZEROS;

	static final boolean AVAILABLE;

	static {
		MethodHandle[] found = new MethodHandle[7];
		boolean available;
		try {
			MethodHandles.Lookup lookup = MethodHandles.privateLookupIn(PhoneNumberUtil.class, MethodHandles.lookup());
			Class<?> util = PhoneNumberUtil.class;
			found[0] = lookup.findVirtual(util, "getMetadataForRegion", MethodType.methodType(PhoneMetadata.class,
					String.class));
			found[1] = lookup.findVirtual(util, "getMetadataForRegionOrCallingCode",
					MethodType.methodType(PhoneMetadata.class, int.class, String.class));
			found[2] = lookup.findVirtual(util, "maybeExtractCountryCode", MethodType.methodType(int.class,
					CharSequence.class, PhoneMetadata.class, StringBuilder.class, boolean.class, PhoneNumber.class));
			found[3] = lookup.findStatic(util, "normalize", MethodType.methodType(StringBuilder.class,
					StringBuilder.class));
			found[4] = lookup.findVirtual(util, "maybeStripNationalPrefixAndCarrierCode",
					MethodType.methodType(boolean.class, StringBuilder.class, PhoneMetadata.class, StringBuilder.class));
			found[5] = lookup.findVirtual(util, "testNumberLength", MethodType.methodType(ValidationResult.class,
					CharSequence.class, PhoneMetadata.class));
			found[6] = lookup.findStatic(util, "setItalianLeadingZerosForPhoneNumber", MethodType.methodType(
					void.class, CharSequence.class, PhoneNumber.class));
			available = true;
		}
		catch (ReflectiveOperationException | SecurityException | IllegalArgumentException e) {
			available = false;
		}
		METADATA_FOR_REGION = found[0];
		METADATA_FOR_REGION_OR_CALLING_CODE = found[1];
		EXTRACT_COUNTRY_CODE = found[2];
		NORMALIZE = found[3];
		STRIP_NATIONAL_PREFIX = found[4];
		TEST_LENGTH = found[5];
		LEADING_ZEROS = found[6];
		AVAILABLE = available;
	}

	private PlainNumbers() {
	}

	/**
	 * What {@code PhoneNumberUtil.parseAndKeepRawInput(text, region)} gives, when the text is plainly written; null
	 * when it is not (then call the library).
	 *
	 * @param region the region the number was dialled from, as libphonenumber takes it ("ZZ" for none)
	 * @throws NumberParseException exactly when, and of the type, libphonenumber throws
	 */
	static PhoneNumber parse(String text, String region) throws NumberParseException {
		String number = plain(text);
		if (number == null || !AVAILABLE) {
			return null;
		}
		boolean plus = number.charAt(0) == '+';
		PhoneMetadata regionMetadata = metadataFor(region);
		if (regionMetadata == null && !plus) {
			return null; // libphonenumber refuses it (no region to read it in); let it say so
		}
		try {
			PhoneNumber phoneNumber = new PhoneNumber();
			phoneNumber.setRawInput(text);
			StringBuilder normalized = new StringBuilder();
			int countryCode;
			try {
				countryCode = (int) EXTRACT_COUNTRY_CODE.invokeExact(PLAN, (CharSequence) number, regionMetadata,
						normalized, true, phoneNumber);
			}
			catch (NumberParseException e) {
				if (e.getErrorType() == NumberParseException.ErrorType.INVALID_COUNTRY_CODE && plus) {
					// as libphonenumber: strip the plus and try again
					countryCode = (int) EXTRACT_COUNTRY_CODE.invokeExact(PLAN, (CharSequence) number.substring(1),
							regionMetadata, normalized, true, phoneNumber);
					if (countryCode == 0) {
						throw new NumberParseException(NumberParseException.ErrorType.INVALID_COUNTRY_CODE,
								"Could not interpret numbers after plus-sign.");
					}
				}
				else {
					throw new NumberParseException(e.getErrorType(), e.getMessage());
				}
			}
			if (countryCode != 0) {
				String numberRegion = PLAN.getRegionCodeForCountryCode(countryCode);
				if (!numberRegion.equals(region)) {
					regionMetadata = (PhoneMetadata) METADATA_FOR_REGION_OR_CALLING_CODE.invokeExact(PLAN, countryCode,
							numberRegion);
				}
			}
			else {
				StringBuilder national = (StringBuilder) NORMALIZE.invokeExact(new StringBuilder(number));
				normalized.append(national);
				countryCode = regionMetadata.getCountryCode();
				phoneNumber.setCountryCode(countryCode);
			}
			if (normalized.length() < MIN_NSN) {
				throw new NumberParseException(NumberParseException.ErrorType.TOO_SHORT_NSN,
						"The string supplied is too short to be a phone number.");
			}
			if (regionMetadata != null) {
				StringBuilder carrierCode = new StringBuilder();
				StringBuilder potential = new StringBuilder(normalized);
				// whether a prefix was stripped is not asked, as in libphonenumber: the length check decides
				boolean strippedOrNot = (boolean) STRIP_NATIONAL_PREFIX.invokeExact(PLAN, potential, regionMetadata,
						carrierCode);
				ValidationResult length = (ValidationResult) TEST_LENGTH.invokeExact(PLAN, (CharSequence) potential,
						regionMetadata);
				if (length != ValidationResult.TOO_SHORT && length != ValidationResult.IS_POSSIBLE_LOCAL_ONLY
						&& length != ValidationResult.INVALID_LENGTH) {
					normalized = potential;
					if (carrierCode.length() > 0) {
						phoneNumber.setPreferredDomesticCarrierCode(carrierCode.toString());
					}
				}
			}
			if (normalized.length() < MIN_NSN) {
				throw new NumberParseException(NumberParseException.ErrorType.TOO_SHORT_NSN,
						"The string supplied is too short to be a phone number.");
			}
			if (normalized.length() > MAX_NSN) {
				throw new NumberParseException(NumberParseException.ErrorType.TOO_LONG,
						"The string supplied is too long to be a phone number.");
			}
			LEADING_ZEROS.invokeExact((CharSequence) normalized, phoneNumber);
			phoneNumber.setNationalNumber(Long.parseLong(normalized.toString()));
			return phoneNumber;
		}
		catch (NumberParseException | RuntimeException | Error e) {
			throw e;
		}
		catch (Throwable e) {
			throw new IllegalStateException("libphonenumber failed inside its own parse", e);
		}
	}

	/** The metadata libphonenumber reads a number in, or null for no region or one it does not know. */
	private static PhoneMetadata metadataFor(String region) {
		if (region == null || !PLAN.getSupportedRegions().contains(region)) {
			return null;
		}
		try {
			return (PhoneMetadata) METADATA_FOR_REGION.invokeExact(PLAN, region);
		}
		catch (RuntimeException | Error e) {
			throw e;
		}
		catch (Throwable e) {
			throw new IllegalStateException(e);
		}
	}

	/**
	 * The number as libphonenumber's extraction would cut it (from the first + or digit to the last digit) when the
	 * text is plain: at most 250 characters, only ASCII digits, spaces, dashes, dots and brackets, a + only where the
	 * number starts, and at least three digits (what libphonenumber's viability pattern then accepts). Null otherwise.
	 */
	static String plain(String text) {
		int length = text.length();
		if (length > MAX_INPUT) {
			return null;
		}
		int start = -1;
		int end = -1;
		int digits = 0;
		for (int i = 0; i < length; i++) {
			char c = text.charAt(i);
			if (c >= '0' && c <= '9') {
				digits++;
				end = i;
				if (start < 0) {
					start = i;
				}
			}
			else if (c == '+') {
				if (start >= 0) {
					return null;
				}
				start = i;
			}
			else if (c != ' ' && c != '-' && c != '.' && c != '(' && c != ')') {
				return null;
			}
		}
		if (digits < 3 || start < 0) {
			return null;
		}
		return text.substring(start, end + 1);
	}
}
