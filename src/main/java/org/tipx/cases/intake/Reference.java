package org.tipx.cases.intake;

import java.security.SecureRandom;
import java.util.Optional;

/**
 * What a reporter keeps to ask whether their report was acknowledged: eight random Crockford base32 symbols (40 bits)
 * and a check symbol, shown as {@code XXXX-XXXX-C} so it can be read aloud over a phone. The check symbol (Luhn mod 32
 * over the alphabet) catches any one mistyped symbol and most swapped neighbours before the database is asked.
 */
public record Reference(String value) {

	static final String ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

	private static final int BODY = 8;

	private static final SecureRandom RANDOM = new SecureRandom();

	public Reference {
		if (!valid(value)) {
			throw new IllegalArgumentException("not a reference");
		}
	}

	static Reference random() {
		StringBuilder body = new StringBuilder(BODY + 1);
		for (int i = 0; i < BODY; i++) {
			body.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
		}
		return new Reference(body.append(check(body)).toString());
	}

	/**
	 * A reference as someone typed it: any case, spaces and dashes ignored, O read as 0 and I or L as 1 (Crockford's
	 * rule). Empty when it is not a reference or its check symbol does not match.
	 */
	public static Optional<Reference> parse(String typed) {
		if (typed == null || typed.length() > 40) {
			return Optional.empty();
		}
		String value = normalised(typed);
		return valid(value) ? Optional.of(new Reference(value)) : Optional.empty();
	}

	/** The reference in groups, as shown and read aloud. */
	public String display() {
		return value.substring(0, 4) + "-" + value.substring(4, 8) + "-" + value.charAt(8);
	}

	@Override
	public String toString() {
		return display();
	}

	private static boolean valid(String value) {
		return value != null && value.length() == BODY + 1 && value.chars().allMatch(c -> ALPHABET.indexOf(c) >= 0)
				&& check(value.substring(0, BODY)) == value.charAt(BODY);
	}

	private static String normalised(String typed) {
		StringBuilder out = new StringBuilder(typed.length());
		for (char c : typed.toUpperCase(java.util.Locale.ROOT).toCharArray()) {
			switch (c) {
				case ' ', '-', '\t' -> {
				}
				case 'O' -> out.append('0');
				case 'I', 'L' -> out.append('1');
				default -> out.append(c);
			}
		}
		return out.toString();
	}

	/** Luhn mod N over the alphabet: detects every single substitution and every swap of two different neighbours. */
	static char check(CharSequence body) {
		int n = ALPHABET.length();
		int factor = 2;
		int sum = 0;
		for (int i = body.length() - 1; i >= 0; i--) {
			int addend = factor * ALPHABET.indexOf(body.charAt(i));
			factor = factor == 2 ? 1 : 2;
			sum += addend / n + addend % n;
		}
		return ALPHABET.charAt((n - sum % n) % n);
	}
}
