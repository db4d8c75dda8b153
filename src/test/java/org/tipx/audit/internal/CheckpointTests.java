package org.tipx.audit.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The checkpoint file is written off the request path: it must still end up at the newest committed head, never
 * move backwards when appends finish out of order or after a restart, be written before verification and at shutdown,
 * and not be forgeable without its key.
 */
class CheckpointTests {

	@TempDir
	Path dir;

	@Test
	void headsHandedOverOutOfOrderAndFromManyThreadsEndAtTheNewest() throws Exception {
		Checkpoint checkpoint = new Checkpoint(dir.resolve("audit-checkpoint"));
		ExecutorService callers = Executors.newFixedThreadPool(4);
		List<Future<?>> done = new ArrayList<>();
		for (int t = 0; t < 4; t++) {
			int offset = t;
			done.add(callers.submit(() -> {
				for (long length = 1000 - offset; length > 0; length -= 4) {
					checkpoint.advance(length, "hash-" + length);
				}
			}));
		}
		for (Future<?> f : done) {
			f.get();
		}
		callers.shutdown();
		checkpoint.flush();
		assertThat(checkpoint.read()).contains(new Checkpoint.Mark(1000, "hash-1000"));

		checkpoint.advance(999, "older");
		checkpoint.flush();
		assertThat(checkpoint.read()).contains(new Checkpoint.Mark(1000, "hash-1000"));
	}

	@Test
	void whatIsPendingAtShutdownIsWritten() throws Exception {
		Checkpoint checkpoint = new Checkpoint(dir.resolve("audit-checkpoint"));
		checkpoint.advance(1, "first");
		checkpoint.stop();
		checkpoint.advance(2, "after the writer stopped");
		assertThat(checkpoint.read()).contains(new Checkpoint.Mark(2, "after the writer stopped"));
	}

	@Test
	void aRestartedTipxNeverWritesAShorterHeadOverTheOneOnFile() throws Exception {
		Path file = dir.resolve("audit-checkpoint");
		Checkpoint before = new Checkpoint(file);
		before.advance(500, "hash-500");
		before.stop();

		Checkpoint after = new Checkpoint(file);
		after.advance(497, "hash-497 of a chain cut short");
		after.flush();
		assertThat(after.read()).contains(new Checkpoint.Mark(500, "hash-500"));
		after.advance(501, "hash-501");
		after.stop();
		assertThat(after.read()).contains(new Checkpoint.Mark(501, "hash-501"));
	}

	@Test
	void aHeadWrittenWithoutTheKeyIsRefusedAndKeptAsEvidence() throws Exception {
		Path file = dir.resolve("audit-checkpoint");
		Checkpoint checkpoint = new Checkpoint(file);
		checkpoint.advance(500, "hash-500");
		checkpoint.stop();
		String written = Files.readString(file);
		String forged = written.replace("length=500", "length=497").replace("hash-500", "forged-497");
		Files.writeString(file, forged);

		Checkpoint restarted = new Checkpoint(file);
		assertThatThrownBy(restarted::read).isInstanceOf(Checkpoint.Unreadable.class)
				.hasMessageContaining("HMAC");
		restarted.advance(600, "hash-600");
		restarted.stop();
		assertThat(Files.readString(file)).isEqualTo(forged);

		Files.writeString(file, "length=497\nhead=forged-497\n");
		assertThatThrownBy(new Checkpoint(file)::read).isInstanceOf(Checkpoint.Unreadable.class)
				.hasMessageContaining("no HMAC");
	}

	@Test
	void aCheckpointFromBeforeKeysIsReadOnceAndThenWrittenWithAnHmac() throws Exception {
		Path file = dir.resolve("audit-checkpoint");
		Files.writeString(file, "length=42\nhead=hash-42\n");
		Checkpoint checkpoint = new Checkpoint(file);
		assertThat(checkpoint.read()).contains(new Checkpoint.Mark(42, "hash-42"));
		checkpoint.advance(43, "hash-43");
		checkpoint.stop();
		assertThat(Files.readString(file)).contains("hmac=");
		assertThat(new Checkpoint(file).read()).contains(new Checkpoint.Mark(43, "hash-43"));
	}
}
