package org.tipx.protection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.tipx.protection.internal.Keyring;
import org.tipx.protection.internal.TinkFieldCipher;

/**
 * Sealing and opening values: bound to their place, tamper-evident, readable across a key rotation, and unreadable
 * once the key that sealed them is gone.
 */
class FieldCipherTests {

	@TempDir
	Path directory;

	@Test
	void aSealedValueOpensInItsOwnPlaceAndShowsNoPlaintext() {
		FieldCipher cipher = new TinkFieldCipher(new Keyring(directory.resolve("keys.json"), true));
		String sealed = cipher.seal("Siti Rahma, passport B1234567", "screening.name/42");

		assertThat(sealed).startsWith("tk1:").doesNotContain("Siti").doesNotContain("B1234567");
		assertThat(cipher.isSealed(sealed)).isTrue();
		assertThat(cipher.open(sealed, "screening.name/42")).isEqualTo("Siti Rahma, passport B1234567");
		assertThat(cipher.seal("Siti Rahma, passport B1234567", "screening.name/42")).isNotEqualTo(sealed);
	}

	@Test
	void aSealedValueMovedToAnotherRowOrAlteredDoesNotOpen() {
		FieldCipher cipher = new TinkFieldCipher(new Keyring(directory.resolve("keys.json"), true));
		String sealed = cipher.seal("+855 12 345 678", "screening.contact/1");

		assertThatThrownBy(() -> cipher.open(sealed, "screening.contact/2")).isInstanceOf(IllegalStateException.class)
				.hasMessageContaining("does not open");
		char last = sealed.charAt(sealed.length() - 2);
		String altered = sealed.substring(0, sealed.length() - 2) + (last == 'A' ? 'B' : 'A')
				+ sealed.charAt(sealed.length() - 1);
		assertThatThrownBy(() -> cipher.open(altered, "screening.contact/1")).isInstanceOf(IllegalStateException.class);
		assertThatThrownBy(() -> cipher.open("plain text", "screening.contact/1"))
				.isInstanceOf(IllegalStateException.class);
		assertThat(cipher.isSealed("whsec_plain")).isFalse();
	}

	@Test
	void afterARotationOldValuesStillOpenAndNewOnesUseTheNewKey() {
		Keyring keyring = new Keyring(directory.resolve("keys.json"), true);
		FieldCipher cipher = new TinkFieldCipher(keyring);
		int first = keyring.primaryId();
		String old = cipher.seal("before", "t.c/1");

		int second = keyring.rotate();

		assertThat(second).isNotEqualTo(first);
		assertThat(keyring.ids()).containsExactlyInAnyOrder(first, second);
		assertThat(cipher.open(old, "t.c/1")).isEqualTo("before");
		assertThat(cipher.sealedUnderOldKey(old)).isTrue();
		String fresh = cipher.seal("after", "t.c/1");
		assertThat(cipher.sealedUnderOldKey(fresh)).isFalse();

		FieldCipher restarted = new TinkFieldCipher(new Keyring(directory.resolve("keys.json"), false));
		assertThat(restarted.open(old, "t.c/1")).isEqualTo("before");
		assertThat(restarted.open(fresh, "t.c/1")).isEqualTo("after");
	}

	@Test
	void aRetiredKeyNoLongerOpensWhatItSealed() {
		Keyring keyring = new Keyring(directory.resolve("keys.json"), true);
		FieldCipher cipher = new TinkFieldCipher(keyring);
		int first = keyring.primaryId();
		String old = cipher.seal("before", "t.c/1");
		keyring.rotate();

		assertThatThrownBy(() -> keyring.retire(keyring.primaryId())).isInstanceOf(IllegalArgumentException.class);
		keyring.retire(first);

		assertThat(keyring.ids()).doesNotContain(first);
		assertThatThrownBy(() -> cipher.open(old, "t.c/1")).isInstanceOf(IllegalStateException.class);
	}

	@Test
	void theKeysetFileIsReadableOnlyByItsOwnerAndIsNotSilentlyReplaced() throws Exception {
		Path file = directory.resolve("keys.json");
		new Keyring(file, true);

		assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
		assertThatThrownBy(() -> new Keyring(directory.resolve("missing.json"), false))
				.isInstanceOf(IllegalStateException.class).hasMessageContaining("TIPX_FIELD_KEYSET_FILE");
		Files.writeString(directory.resolve("broken.json"), "{\"not\": \"a keyset\"}");
		assertThatThrownBy(() -> new Keyring(directory.resolve("broken.json"), true))
				.isInstanceOf(IllegalStateException.class).hasMessageContaining("not a valid Tink JSON keyset");
	}
}
