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
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.google.crypto.tink.Aead;
import com.google.crypto.tink.InsecureSecretKeyAccess;
import com.google.crypto.tink.KeyStatus;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.RegistryConfiguration;
import com.google.crypto.tink.TinkJsonProtoKeysetFormat;
import com.google.crypto.tink.aead.AeadConfig;
import com.google.crypto.tink.aead.PredefinedAeadParameters;

/**
 * The field keyset: Tink AES-256-GCM keys kept in one JSON keyset file, one of them primary. New values are sealed
 * under the primary; every enabled key still opens what it sealed. Rotation adds a new primary and rewrites the file
 * atomically while tipx runs; requests in flight keep the keyset they started with.
 *
 * <p>The file is cleartext key material readable only by its owner: keep it out of backups of the database and, in
 * production, on an encrypted volume or injected from a secret store (see README, "Field encryption").
 */
public class Keyring {

	private static final Logger log = LoggerFactory.getLogger(Keyring.class);

	static {
		try {
			AeadConfig.register();
		}
		catch (GeneralSecurityException e) {
			throw new IllegalStateException("Tink AEAD is not available", e);
		}
	}

	private final Path file;

	private final AtomicReference<Keys> current = new AtomicReference<>();

	public Keyring(Path file, boolean createIfMissing) {
		this.file = file;
		if (Files.exists(file)) {
			current.set(Keys.of(read(file)));
		}
		else if (createIfMissing) {
			KeysetHandle fresh = generate();
			write(fresh);
			current.set(Keys.of(fresh));
			log.warn("Created a new field keyset in {}: keep this file; without it sealed data cannot be read", file);
		}
		else {
			throw new IllegalStateException("No field keyset at " + file + " (TIPX_FIELD_KEYSET_FILE) and "
					+ "tipx.protection.create-keyset is false: restore the keyset file or point to it");
		}
	}

	Keys keys() {
		return current.get();
	}

	/** The id of the key new values are sealed under. */
	public int primaryId() {
		return current.get().primaryId();
	}

	/** The ids of every key that opens values. */
	public List<Integer> ids() {
		return current.get().ids();
	}

	/** Adds a new primary key, keeps the others for opening, and saves the keyset. Returns the new primary's id. */
	public synchronized int rotate() {
		try {
			KeysetHandle rotated = KeysetHandle.newBuilder(current.get().handle())
					.addEntry(KeysetHandle.generateEntryFromParameters(PredefinedAeadParameters.AES256_GCM)
							.withRandomId().makePrimary())
					.build();
			write(rotated);
			Keys keys = Keys.of(rotated);
			current.set(keys);
			log.info("Field keyset rotated: key {} is primary; {} keys in {}", keys.primaryId(), keys.ids().size(),
					file);
			return keys.primaryId();
		}
		catch (GeneralSecurityException e) {
			throw new IllegalStateException("could not rotate the field keyset", e);
		}
	}

	/** Removes a key that is not primary, once nothing sealed under it remains. */
	public synchronized void retire(int keyId) {
		Keys keys = current.get();
		if (keyId == keys.primaryId()) {
			throw new IllegalArgumentException("key " + keyId + " is the primary key");
		}
		KeysetHandle.Builder builder = KeysetHandle.newBuilder(keys.handle());
		boolean found = false;
		for (int i = builder.size() - 1; i >= 0; i--) {
			if (keys.handle().getAt(i).getId() == keyId) {
				builder.deleteAt(i);
				found = true;
			}
		}
		if (!found) {
			throw new IllegalArgumentException("no key " + keyId + " in the keyset");
		}
		try {
			KeysetHandle retired = builder.build();
			write(retired);
			current.set(Keys.of(retired));
		}
		catch (GeneralSecurityException e) {
			throw new IllegalStateException("could not retire key " + keyId, e);
		}
	}

	private static KeysetHandle generate() {
		try {
			return KeysetHandle.generateNew(PredefinedAeadParameters.AES256_GCM);
		}
		catch (GeneralSecurityException e) {
			throw new IllegalStateException("could not generate a field key", e);
		}
	}

	private static KeysetHandle read(Path file) {
		try {
			return TinkJsonProtoKeysetFormat.parseKeyset(Files.readString(file, StandardCharsets.UTF_8),
					InsecureSecretKeyAccess.get());
		}
		catch (IOException e) {
			throw new UncheckedIOException("cannot read the field keyset " + file, e);
		}
		catch (GeneralSecurityException e) {
			throw new IllegalStateException("the field keyset " + file + " is not a valid Tink JSON keyset", e);
		}
	}

	private void write(KeysetHandle handle) {
		try {
			String json = TinkJsonProtoKeysetFormat.serializeKeyset(handle, InsecureSecretKeyAccess.get());
			Path directory = file.toAbsolutePath().getParent();
			Files.createDirectories(directory);
			Path temporary = Files.createTempFile(directory, ".field-keyset", ".tmp");
			try {
				restrict(temporary);
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
			throw new UncheckedIOException("cannot write the field keyset " + file, e);
		}
		catch (GeneralSecurityException e) {
			throw new IllegalStateException("cannot serialise the field keyset", e);
		}
	}

	private static void restrict(Path path) throws IOException {
		try {
			Files.setPosixFilePermissions(path, PosixFilePermissions.fromString("rw-------"));
		}
		catch (UnsupportedOperationException notPosix) {
			// Windows: the file inherits the directory's access control list.
		}
	}

	/** One state of the keyset: the handle, its AEAD, its primary and all key ids. */
	record Keys(KeysetHandle handle, Aead aead, int primaryId, List<Integer> ids) {

		static Keys of(KeysetHandle handle) {
			try {
				List<Integer> ids = new ArrayList<>();
				for (int i = 0; i < handle.size(); i++) {
					if (handle.getAt(i).getStatus() == KeyStatus.ENABLED) {
						ids.add(handle.getAt(i).getId());
					}
				}
				return new Keys(handle, handle.getPrimitive(RegistryConfiguration.get(), Aead.class),
						handle.getPrimary().getId(), List.copyOf(ids));
			}
			catch (GeneralSecurityException e) {
				throw new IllegalStateException("the field keyset cannot make an AEAD", e);
			}
		}
	}
}
