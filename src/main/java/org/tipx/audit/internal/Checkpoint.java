package org.tipx.audit.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import jakarta.annotation.PreDestroy;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The chain's length and head hash as tipx last appended them, kept outside the database (a file beside the data
 * directory, and the log), so that cutting entries off the end of the table, or rewriting the chain, is detected.
 * <p>
 * The file carries an HMAC-SHA256 over the length and head under a key in a file of its own (beside the checkpoint
 * unless configured elsewhere), so someone who can change the database but not read that key cannot forge a head.
 * The file only moves forward: a head with a lower length than the one on file is never written, and a file that
 * cannot be read or whose HMAC does not match is never overwritten (it is evidence).
 */
@Component
public class Checkpoint {

	private static final Logger log = LoggerFactory.getLogger("org.tipx.audit.checkpoint");

	private static final int LOG_EVERY = 100;

	private static final String MAC_ALGORITHM = "HmacSHA256";

	private final Path file;

	private final Path keyFile;

	/** Guards the file, the key and {@link #written}. */
	private final Object lock = new Object();

	/** The length on file; -1 until the file was first looked at. */
	private long written = -1;

	/** Set when the file on disk is unreadable or forged: from then on it is left as it is. */
	private boolean frozen;

	private byte[] key;

	/** Whether the key was created by this process: a checkpoint without an HMAC is then one from before keys. */
	private boolean keyCreatedNow;

	/** The newest head handed over, written by {@link #writer} (or by {@link #flush}). */
	private final AtomicReference<Mark> pending = new AtomicReference<>();

	private final AtomicBoolean scheduled = new AtomicBoolean();

	private final ExecutorService writer = Executors.newSingleThreadExecutor(r -> {
		Thread thread = new Thread(r, "tipx-audit-checkpoint");
		thread.setDaemon(true);
		return thread;
	});

	@Autowired
	Checkpoint(@Value("${tipx.audit.checkpoint-file}") Path file,
			@Value("${tipx.audit.checkpoint-key-file:}") String keyFile) {
		this.file = file.toAbsolutePath();
		this.keyFile = keyFile == null || keyFile.isBlank() ? this.file.resolveSibling(this.file.getFileName() + ".key")
				: Path.of(keyFile).toAbsolutePath();
	}

	/** A checkpoint with its key beside it. */
	Checkpoint(Path file) {
		this(file, null);
	}

	/**
	 * Hands over a new head, once its entry is committed. The file is written on a thread of its own, newest head
	 * first, so that no audited request waits for the file system (replacing a file takes 0.3 ms typically but 6 ms
	 * and more in one case in a hundred on a shared disk); under load several heads are written as one. The
	 * checkpoint lags the table by that write at most, and never moves backwards when appends finish out of order.
	 */
	public void advance(long length, String headHash) {
		Mark mark = new Mark(length, headHash);
		pending.accumulateAndGet(mark, (current, next) -> current == null || next.length() > current.length() ? next
				: current);
		if (scheduled.compareAndSet(false, true)) {
			try {
				writer.execute(() -> {
					scheduled.set(false);
					try {
						flush();
					}
					catch (UncheckedIOException e) {
						log.error("The audit checkpoint could not be written; verification compares with an older one",
								e);
					}
				});
			}
			catch (RejectedExecutionException e) {
				// shutting down: write it here
				scheduled.set(false);
				flush();
			}
		}
	}

	/** Writes the newest head handed over, if it is ahead of the file; returns once it is written. */
	public void flush() {
		synchronized (lock) {
			Mark mark = pending.get();
			if (mark == null || frozen) {
				return;
			}
			if (written < 0) {
				lookAtFile();
				if (frozen) {
					return;
				}
			}
			if (mark.length() <= written) {
				return;
			}
			write(mark);
		}
	}

	/** Learns the length on file, so that nothing lower is written over it; an unreadable file is kept. */
	private void lookAtFile() {
		try {
			written = readChecked().map(Mark::length).orElse(0L);
		}
		catch (Unreadable e) {
			frozen = true;
			log.error("The audit checkpoint {} is unreadable or forged; it is kept as it is and not written again: {}",
					file, e.getMessage());
		}
	}

	/** Writes what is pending before the application stops. */
	@PreDestroy
	void stop() throws InterruptedException {
		writer.shutdown();
		writer.awaitTermination(5, TimeUnit.SECONDS);
		flush();
	}

	private void write(Mark mark) {
		try {
			Files.createDirectories(file.getParent());
			Path temp = file.resolveSibling(file.getFileName() + ".tmp");
			String content = "length=" + mark.length() + "\nhead=" + mark.head() + "\nhmac=" + mac(mark) + "\n";
			Files.writeString(temp, content, StandardCharsets.US_ASCII);
			try {
				Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
			}
			catch (AtomicMoveNotSupportedException e) {
				Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
			}
		}
		catch (IOException e) {
			throw new UncheckedIOException("cannot write the audit checkpoint " + file, e);
		}
		if (written <= 0 || mark.length() / LOG_EVERY > written / LOG_EVERY) {
			log.info("audit checkpoint length={} head={} hmac={}", mark.length(), mark.head(), mac(mark));
		}
		written = mark.length();
	}

	/**
	 * The last checkpoint, if one was ever written.
	 *
	 * @throws Unreadable if the file cannot be read, or its HMAC does not match the key
	 */
	public Optional<Mark> read() {
		synchronized (lock) {
			return readChecked();
		}
	}

	private Optional<Mark> readChecked() {
		if (!Files.exists(file)) {
			return Optional.empty();
		}
		Properties properties = new Properties();
		try (var reader = Files.newBufferedReader(file, StandardCharsets.US_ASCII)) {
			properties.load(reader);
		}
		catch (IOException | RuntimeException e) {
			throw new Unreadable(null, "the checkpoint file " + file + " cannot be read (" + e.getMessage() + ")");
		}
		Long length;
		try {
			length = Long.parseLong(properties.getProperty("length", ""));
		}
		catch (NumberFormatException e) {
			throw new Unreadable(null, "the checkpoint file " + file + " has no length");
		}
		String head = properties.getProperty("head");
		if (head == null || length < 0) {
			throw new Unreadable(length, "the checkpoint file " + file + " has no head");
		}
		Mark mark = new Mark(length, head);
		String hmac = properties.getProperty("hmac");
		if (hmac == null) {
			loadKey();
			if (!keyCreatedNow) {
				throw new Unreadable(length, "the checkpoint file " + file + " carries no HMAC although its key "
						+ keyFile + " exists: it was not written by tipx");
			}
			// written by a tipx from before checkpoint keys; from now on it is written with one
			return Optional.of(mark);
		}
		if (!MessageDigest.isEqual(hmac.getBytes(StandardCharsets.US_ASCII),
				mac(mark).getBytes(StandardCharsets.US_ASCII))) {
			throw new Unreadable(length, "the HMAC of the checkpoint file " + file
					+ " does not match its key: it was not written by tipx, or the key " + keyFile + " was replaced");
		}
		return Optional.of(mark);
	}

	private String mac(Mark mark) {
		loadKey();
		try {
			Mac mac = Mac.getInstance(MAC_ALGORITHM);
			mac.init(new SecretKeySpec(key, MAC_ALGORITHM));
			byte[] tag = mac.doFinal(("tipx-audit-checkpoint\n" + mark.length() + "\n" + mark.head())
					.getBytes(StandardCharsets.US_ASCII));
			return HexFormat.of().formatHex(tag);
		}
		catch (GeneralSecurityException e) {
			throw new IllegalStateException("HmacSHA256 is required by the Java platform", e);
		}
	}

	/** Reads the key, creating it (owner-only) on first use. */
	private void loadKey() {
		if (key != null) {
			return;
		}
		try {
			if (!Files.exists(keyFile)) {
				byte[] fresh = new byte[32];
				new SecureRandom().nextBytes(fresh);
				Files.createDirectories(keyFile.getParent());
				try {
					Files.writeString(keyFile, Base64.getEncoder().encodeToString(fresh) + "\n",
							StandardCharsets.US_ASCII, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
					ownerOnly(keyFile);
					keyCreatedNow = true;
					log.info("created the audit checkpoint key {}", keyFile);
				}
				catch (FileAlreadyExistsException e) {
					// created by someone else in the meantime: read it below
				}
			}
			key = Base64.getDecoder().decode(Files.readString(keyFile, StandardCharsets.US_ASCII).strip());
		}
		catch (IOException | IllegalArgumentException e) {
			throw new IllegalStateException("cannot read or create the audit checkpoint key " + keyFile, e);
		}
	}

	private static void ownerOnly(Path path) throws IOException {
		try {
			Files.setPosixFilePermissions(path, PosixFilePermissions.fromString("rw-------"));
		}
		catch (UnsupportedOperationException e) {
			// not a POSIX file system: the directory's permissions apply
		}
	}

	public Path file() {
		return file;
	}

	public Path keyFile() {
		return keyFile;
	}

	/** A checkpoint: the chain had {@code length} entries and the last one hashed to {@code head}. */
	public record Mark(long length, String head) {
	}

	/** The checkpoint file exists but cannot be trusted; {@code claimedLength} is the length it names, if any. */
	public static final class Unreadable extends RuntimeException {

		private final Long claimedLength;

		Unreadable(Long claimedLength, String message) {
			super(message);
			this.claimedLength = claimedLength;
		}

		public Optional<Long> claimedLength() {
			return Optional.ofNullable(claimedLength);
		}
	}
}
