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
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

import jakarta.annotation.PreDestroy;

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

	/** Guards the file and {@link #written}. */
	private final Object lock = new Object();

	private long written = -1;

	/** The newest head handed over, written by {@link #writer} (or by {@link #flush}). */
	private final AtomicReference<Mark> pending = new AtomicReference<>();

	private final AtomicBoolean scheduled = new AtomicBoolean();

	private final ExecutorService writer = Executors.newSingleThreadExecutor(r -> {
		Thread thread = new Thread(r, "tipx-audit-checkpoint");
		thread.setDaemon(true);
		return thread;
	});

	Checkpoint(@Value("${tipx.audit.checkpoint-file}") Path file) {
		this.file = file.toAbsolutePath();
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

	/** Writes the newest head handed over, if it is not in the file yet; returns once it is. */
	public void flush() {
		synchronized (lock) {
			Mark mark = pending.get();
			if (mark == null || mark.length() <= written) {
				return;
			}
			write(mark);
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
			String content = "length=" + mark.length() + "\nhead=" + mark.head() + "\n";
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
		if (written < 0 || mark.length() / LOG_EVERY > written / LOG_EVERY) {
			log.info("audit checkpoint length={} head={}", mark.length(), mark.head());
		}
		written = mark.length();
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
