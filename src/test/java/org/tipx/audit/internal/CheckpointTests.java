package org.tipx.audit.internal;

import static org.assertj.core.api.Assertions.assertThat;

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
 * move backwards when appends finish out of order, and be written before verification and at shutdown.
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
}
