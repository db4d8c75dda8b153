package org.tipx.screening.internal;

import java.security.SecureRandom;
import java.util.Locale;
import java.util.Optional;

/**
 * A letter's verification code: twelve Crockford base-32 symbols (60 random bits) and a check symbol, shown as
 * {@code XXXX-XXXX-XXXX-C}. The check symbol (Crockford's mod 37) catches a mistyped or altered code before any
 * lookup; read-alike letters (O, I, L) are taken as the digits they resemble. New codes are drawn until their check
 * symbol is one of the 32 digits and letters, so every code can be read aloud; codes issued before with one of
 * Crockford's other check symbols ({@code * ~ $ = U}) still verify.
 */
public final class VerificationCode {

	private static final String SYMBOLS = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

	private static final String CHECK_SYMBOLS = SYMBOLS + "*~$=U";

	private static final SecureRandom RANDOM = new SecureRandom();

	private VerificationCode() {
	}

	/** A new code, formatted, made only of digits and capital letters. */
	public static String generate() {
		while (true) {
			StringBuilder code = new StringBuilder();
			for (int i = 0; i < 12; i++) {
				code.append(SYMBOLS.charAt(RANDOM.nextInt(32)));
			}
			char check = check(code.toString());
			// about one body in seven has a symbol for its check (* ~ $ = U): hard to read aloud, so draw again
			if (SYMBOLS.indexOf(check) >= 0) {
				return format(code + String.valueOf(check));
			}
		}
	}

	/** The code in its stored form, or empty if it is not a well-formed code (wrong length, symbol or check). */
	public static Optional<String> normalise(String input) {
		if (input == null || input.length() > 40) {
			return Optional.empty();
		}
		String compact = input.toUpperCase(Locale.ROOT).replace("-", "").replace(" ", "").replace('O', '0')
				.replace('I', '1').replace('L', '1');
		if (compact.length() != 13) {
			return Optional.empty();
		}
		String body = compact.substring(0, 12);
		for (char c : body.toCharArray()) {
			if (SYMBOLS.indexOf(c) < 0) {
				return Optional.empty();
			}
		}
		if (check(body) != compact.charAt(12)) {
			return Optional.empty();
		}
		return Optional.of(format(compact));
	}

	private static char check(String body) {
		long value = 0;
		for (char c : body.toCharArray()) {
			value = value * 32 + SYMBOLS.indexOf(c);
		}
		return CHECK_SYMBOLS.charAt((int) (value % 37));
	}

	private static String format(String compact) {
		return compact.substring(0, 4) + "-" + compact.substring(4, 8) + "-" + compact.substring(8, 12) + "-"
				+ compact.charAt(12);
	}
}
