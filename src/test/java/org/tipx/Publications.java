package org.tipx;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The event publication registry as one test sees it: only the events that name the test's own organisations (or
 * reports, imports...), never the outstanding work of other tests sharing the database, such as a webhook delivery
 * another test left failing.
 */
public final class Publications {

	private final JdbcClient jdbc;

	public Publications(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Waits until every listener has handled every event that names one of {@code ids}. */
	public void awaitHandled(Collection<String> ids) {
		await().atMost(Duration.ofSeconds(30)).until(() -> outstanding(ids) == 0);
	}

	/** Events naming one of {@code ids} that some listener has not completed yet. */
	public int outstanding(Collection<String> ids) {
		if (ids.isEmpty()) {
			throw new IllegalArgumentException("name the ids whose events to wait for");
		}
		List<String> patterns = ids.stream().map(id -> "%" + id + "%").toList();
		String any = patterns.stream().map(p -> "serialized_event LIKE ?").collect(Collectors.joining(" OR "));
		return jdbc.sql("SELECT count(*) FROM event_publication WHERE completion_date IS NULL AND (" + any + ")")
				.params(patterns.toArray()).query(Integer.class).single();
	}
}
