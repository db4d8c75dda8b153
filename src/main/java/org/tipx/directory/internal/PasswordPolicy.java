package org.tipx.directory.internal;

import java.util.ArrayList;
import java.util.List;

import com.nulabinc.zxcvbn.Strength;
import com.nulabinc.zxcvbn.Zxcvbn;

import org.springframework.stereotype.Component;
import org.tipx.shared.InvalidInputException;

/**
 * A password must be long enough and not guessable: zxcvbn checks it against lists of common passwords, names,
 * keyboard patterns and the account's own username.
 */
@Component
public class PasswordPolicy {

	static final int MAX_LENGTH = 200;

	private static final int MIN_SCORE = 3;

	private final Zxcvbn zxcvbn = new Zxcvbn();

	private final int minLength;

	PasswordPolicy(DirectorySettings settings) {
		this.minLength = settings.passwordMinLength();
	}

	/** Throws an {@link InvalidInputException} naming {@code field} if the password is weak. */
	public void check(String field, String password, String... personalWords) {
		if (password == null || password.isEmpty()) {
			throw new InvalidInputException(field, "is required");
		}
		int length = password.codePointCount(0, password.length());
		if (length < minLength) {
			throw new InvalidInputException(field, "must be at least " + minLength + " characters");
		}
		if (length > MAX_LENGTH) {
			throw new InvalidInputException(field, "must be at most " + MAX_LENGTH + " characters");
		}
		List<String> words = new ArrayList<>(List.of("tipx", "trafficking", "exchange"));
		for (String word : personalWords) {
			if (word != null && !word.isBlank()) {
				words.add(word);
			}
		}
		Strength strength = zxcvbn.measure(password, words);
		if (strength.getScore() < MIN_SCORE) {
			String warning = strength.getFeedback().getWarning();
			throw new InvalidInputException(field, "is too easy to guess"
					+ (warning == null || warning.isBlank() ? "" : " (" + warning + ")")
					+ "; use a longer passphrase of unrelated words");
		}
	}
}
