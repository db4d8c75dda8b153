package org.tipx.cases.intake;

import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Base64;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.springframework.stereotype.Component;
import org.tipx.shared.RateLimitedException;

/**
 * How many reports and status look-ups each client address and each network made in the last hour. Kept in memory
 * only, and under keyed hashes (HMAC-SHA-256 with a key drawn at start and never written anywhere), so neither the
 * database nor a heap dump holds a reporter's address; a restart forgets the counts.
 */
@Component
public class RateLimits {

	private static final Duration WINDOW = Duration.ofHours(1);

	private final byte[] key = new byte[32];

	private final Map<String, Deque<Instant>> seen = new ConcurrentHashMap<>();

	private final IntakeSettings settings;

	private final Clock clock;

	RateLimits(IntakeSettings settings, Clock clock) {
		this.settings = settings;
		this.clock = clock;
		new SecureRandom().nextBytes(key);
	}

	/** Refuses a report from an address or network that used its hourly budget; otherwise counts nothing yet. */
	public void checkReport(ClientAddress client) {
		Instant now = clock.instant();
		refuseOver("report/address", client.key(), settings.perAddressPerHour(), now);
		refuseOver("report/network", client.networkKey(), settings.perNetworkPerHour(), now);
	}

	/** Counts a filed report against the address and its network. */
	public void countReport(ClientAddress client) {
		Instant now = clock.instant();
		count("report/address", client.key(), now);
		count("report/network", client.networkKey(), now);
	}

	/** Refuses a status look-up over the hourly budget, else counts it (every look-up counts, found or not). */
	public void lookUp(ClientAddress client) {
		Instant now = clock.instant();
		refuseOver("status/address", client.key(), settings.statusPerAddressPerHour(), now);
		refuseOver("status/network", client.networkKey(), settings.statusPerNetworkPerHour(), now);
		count("status/address", client.key(), now);
		count("status/network", client.networkKey(), now);
	}

	private void refuseOver(String kind, byte[] client, int limit, Instant now) {
		Deque<Instant> times = seen.get(bucket(kind, client));
		if (times == null) {
			return;
		}
		synchronized (times) {
			prune(times, now);
			if (times.size() >= limit) {
				throw new RateLimitedException("Too many requests from this network; try again later",
						Duration.between(now, times.peekFirst().plus(WINDOW)).plusSeconds(1));
			}
		}
	}

	private void count(String kind, byte[] client, Instant now) {
		Deque<Instant> times = seen.computeIfAbsent(bucket(kind, client), k -> new ArrayDeque<>());
		synchronized (times) {
			prune(times, now);
			times.addLast(now);
		}
		if (seen.size() > 10_000) {
			seen.values().removeIf(t -> {
				synchronized (t) {
					prune(t, now);
					return t.isEmpty();
				}
			});
		}
	}

	private static void prune(Deque<Instant> times, Instant now) {
		while (!times.isEmpty() && !times.peekFirst().isAfter(now.minus(WINDOW))) {
			times.removeFirst();
		}
	}

	private String bucket(String kind, byte[] client) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(key, "HmacSHA256"));
			mac.update(kind.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
			mac.update((byte) 0);
			return Base64.getEncoder().withoutPadding().encodeToString(mac.doFinal(client));
		}
		catch (GeneralSecurityException e) {
			throw new IllegalStateException(e);
		}
	}
}
