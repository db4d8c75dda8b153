package org.tipx.protection.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;

import com.google.crypto.tink.InsecureSecretKeyAccess;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.TinkJsonProtoKeysetFormat;

/**
 * A Tink JSON keyset kept in a file readable only by its owner, replaced atomically when it changes (as the field
 * keyset is).
 */
record KeysetFile(Path file) {

	boolean exists() {
		return Files.exists(file);
	}

	KeysetHandle read() {
		try {
			return TinkJsonProtoKeysetFormat.parseKeyset(Files.readString(file, StandardCharsets.UTF_8),
					InsecureSecretKeyAccess.get());
		}
		catch (IOException e) {
			throw new UncheckedIOException("cannot read the keyset " + file, e);
		}
		catch (GeneralSecurityException e) {
			throw new IllegalStateException("the keyset " + file + " is not a valid Tink JSON keyset", e);
		}
	}

	void write(KeysetHandle handle) {
		try {
			String json = TinkJsonProtoKeysetFormat.serializeKeyset(handle, InsecureSecretKeyAccess.get());
			Path directory = file.toAbsolutePath().getParent();
			Files.createDirectories(directory);
			Path temporary = Files.createTempFile(directory, ".keyset", ".tmp");
			try {
				try {
					Files.setPosixFilePermissions(temporary, PosixFilePermissions.fromString("rw-------"));
				}
				catch (UnsupportedOperationException notPosix) {
					// Windows: the file inherits the directory's access control list.
				}
				Files.writeString(temporary, json, StandardCharsets.UTF_8);
				try {
					Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
				}
				catch (AtomicMoveNotSupportedException e) {
					Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING);
				}
			}
			finally {
				Files.deleteIfExists(temporary);
			}
		}
		catch (IOException e) {
			throw new UncheckedIOException("cannot write the keyset " + file, e);
		}
		catch (GeneralSecurityException e) {
			throw new IllegalStateException("cannot serialise the keyset", e);
		}
	}
}
