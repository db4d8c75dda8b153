package org.tipx.protection.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tipx.protection.InstanceKeys;
import org.tipx.protection.PublicKeyset;

/**
 * The installation's own keys: created once, owner-only, signing what others verify with the published keys and
 * opening what others encrypted to it, before and after a rotation.
 */
class InstanceKeyringTests {

	@TempDir
	Path directory;

	InstanceKeyring keyring() {
		return new InstanceKeyring(directory.resolve("sign.json"), directory.resolve("encrypt.json"), true);
	}

	static byte[] bytes(String text) {
		return text.getBytes(StandardCharsets.UTF_8);
	}

	@Test
	void theKeysAreCreatedOnceInOwnerOnlyFilesAndReadAgainOnTheNextStart() throws Exception {
		List<PublicKeyset> first = keyring().publicKeys();
		assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(directory.resolve("sign.json"))))
				.isEqualTo("rw-------");
		assertThat(keyring().publicKeys()).isEqualTo(first);
		assertThat(PublicKeyset.fingerprint(first)).hasSize(64);
	}

	@Test
	void aSignatureVerifiesWithThePublishedKeysAndNotOverOtherBytes() {
		InstanceKeyring keys = keyring();
		InstanceKeys.Signature signature = keys.sign(bytes("package"));
		PublicKeyset published = keys.publicKeys().get(0);
		assertThat(published.use()).isEqualTo(PublicKeyset.SIGN);
		assertThat(published.verifies(bytes("package"), signature.value())).isTrue();
		assertThat(published.verifies(bytes("packagf"), signature.value())).isFalse();
	}

	@Test
	void whatWasSignedOrEncryptedBeforeARotationStillVerifiesAndOpensAfterIt() {
		InstanceKeyring keys = keyring();
		InstanceKeys.Signature before = keys.sign(bytes("package"));
		byte[] sealed = keys.publicKeys().get(1).encrypt(bytes("Rina"), bytes("context"));
		List<PublicKeyset> rotated = keys.rotate();
		InstanceKeys.Signature after = keys.sign(bytes("package"));
		assertThat(after.keyId()).isNotEqualTo(before.keyId());
		assertThat(rotated.get(0).verifies(bytes("package"), before.value())).isTrue();
		assertThat(rotated.get(0).verifies(bytes("package"), after.value())).isTrue();
		assertThat(new String(keyring().decrypt(sealed, bytes("context")), StandardCharsets.UTF_8)).isEqualTo("Rina");
		assertThatThrownBy(() -> keys.decrypt(sealed, bytes("another context")))
				.isInstanceOf(IllegalStateException.class);
	}

	@Test
	void aPublicKeysetThatIsNotOneIsRefused() {
		assertThatThrownBy(() -> new PublicKeyset("sign", "bm90IGEga2V5c2V0"))
				.isInstanceOf(IllegalArgumentException.class);
		PublicKeyset encrypt = keyring().publicKeys().get(1);
		assertThatThrownBy(() -> new PublicKeyset("sign", encrypt.keyset()))
				.isInstanceOf(IllegalArgumentException.class);
	}
}
