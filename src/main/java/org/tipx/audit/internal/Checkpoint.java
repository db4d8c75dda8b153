package org.tipx.audit.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;
import java.util.Properties;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The chain's length and head hash, kept outside the database (a file beside the data directory, and the log), so that
 * cutting entries off the end of the table, or rewriting the whole chain, is detected.
 */
@Component
public class Checkpoint {

	private static final Logger log = LoggerFactory.getLogger("org.tipx.audit.checkpoint");

	private static final int LOG_EVERY = 100;

	private final Path file;

	private long written = -1;

	Checkpoint(@Value("${tipx.audit.checkpoint-file}") Path file) {
		this.file = file.toAbsolutePath();
	}

	/** Records a new head; never moves the checkpoint backwards when appends finish out of order. */
	public synchronized void advance(long length, String headHash) {
		if (length <= written) {
			return;
		}
		try {
			Files.createDirectories(file.getParent());
			Path temp = file.resolveSibling(file.getFileName() + ".tmp");
			String content = "length=" + length + "\nhead=" + headHash + "\n";
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
		if (written < 0 || length % LOG_EVERY == 0) {
			log.info("audit checkpoint length={} head={}", length, headHash);
		}
		written = length;
	}

	/** The last checkpoint, if one was ever written. */
	public Optional<Mark> read() {
		if (!Files.exists(file)) {
			return Optional.empty();
		}
		try (var reader = Files.newBufferedReader(file, StandardCharsets.US_ASCII)) {
			Properties properties = new Properties();
			properties.load(reader);
			return Optional.of(new Mark(Long.parseLong(properties.getProperty("length")),
					properties.getProperty("head")));
		}
		catch (IOException | RuntimeException e) {
			log.error("audit checkpoint {} is unreadable", file, e);
			return Optional.of(new Mark(Long.MAX_VALUE, "unreadable"));
		}
	}

	public Path file() {
		return file;
	}

	/** A checkpoint: the chain had {@code length} entries and the last one hashed to {@code head}. */
	public record Mark(long length, String head) {
	}
}
