package org.tipx.protection.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.text.Normalizer;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.tipx.protection.SearchTokens;

/**
 * {@link SearchTokens} under a 256-bit key in its own file, created on first start (rw-------). The key is not
 * rotated with the field keyset: rotating it would mean re-computing every token from the opened values.
 */
final class KeyedSearchTokens implements SearchTokens {

	private final byte[] key;

	KeyedSearchTokens(Path file, boolean create) {
		this.key = load(file, create);
	}

	@Override
	public List<String> of(String text, String purpose) {
		if (text == null || text.isBlank()) {
			return List.of();
		}
		String folded = Normalizer.normalize(text, Normalizer.Form.NFKD).replaceAll("\\p{M}+", "")
				.toLowerCase(Locale.ROOT);
		Set<String> tokens = new LinkedHashSet<>();
		for (String word : folded.split("[^\\p{L}\\p{N}]+")) {
			if (word.codePointCount(0, word.length()) >= 2) {
				tokens.add(token(purpose + "\u0000" + word));
			}
		}
		return List.copyOf(tokens);
	}

	private String token(String input) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(key, "HmacSHA256"));
			byte[] digest = mac.doFinal(input.getBytes(StandardCharsets.UTF_8));
			// 128 bits are plenty to keep words apart and keep the index small
			return HexFormat.of().formatHex(digest, 0, 16);
		}
		catch (GeneralSecurityException e) {
			throw new IllegalStateException("HMAC-SHA-256 is not available", e);
		}
	}

	private static byte[] load(Path file, boolean create) {
		try {
			if (Files.exists(file)) {
				byte[] read = Base64.getDecoder().decode(Files.readString(file, StandardCharsets.US_ASCII).trim());
				if (read.length != 32) {
					throw new IllegalStateException("search key " + file + " is not a 256-bit key");
				}
				return read;
			}
			if (!create) {
				throw new IllegalStateException("search key " + file + " does not exist");
			}
			byte[] fresh = new byte[32];
			new SecureRandom().nextBytes(fresh);
			Path directory = file.toAbsolutePath().getParent();
			Files.createDirectories(directory);
			Files.writeString(file, Base64.getEncoder().encodeToString(fresh), StandardCharsets.US_ASCII,
					StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
			try {
				Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
			}
			catch (UnsupportedOperationException e) {
				// not a POSIX file system: the directory's own protection applies
			}
			return fresh;
		}
		catch (IOException e) {
			throw new UncheckedIOException("cannot read or create the search key " + file, e);
		}
	}
}
