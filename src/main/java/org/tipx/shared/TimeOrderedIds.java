package org.tipx.shared;

import java.security.SecureRandom;
import java.util.UUID;

/**
 * Version 7 UUIDs (RFC 9562): 48 bits of Unix milliseconds, then 74 random bits. Ids made one after another sort
 * together, so rows written in bulk land at the right-hand edge of their primary-key index instead of on a random
 * page of it; the random part keeps them unguessable as version 4 ids are. They say when a row was made, to the
 * millisecond, which tipx shows beside those rows anyway.
 */
public final class TimeOrderedIds {

	private static final SecureRandom RANDOM = new SecureRandom();

	private TimeOrderedIds() {
	}

	/** A new id for a row made at {@code epochMillis}. */
	public static UUID at(long epochMillis) {
		byte[] random = new byte[10];
		RANDOM.nextBytes(random);
		long high = (epochMillis & 0xFFFF_FFFF_FFFFL) << 16 | 0x7000L | (random[0] & 0x0FL) << 8 | random[1] & 0xFFL;
		long low = 0x8000_0000_0000_0000L | (random[2] & 0x3FL) << 56;
		for (int i = 3; i < 10; i++) {
			low |= (random[i] & 0xFFL) << (8 * (9 - i));
		}
		return new UUID(high, low);
	}
}
