package org.tipx.signals.imports;

import java.time.Instant;
import java.util.UUID;

/**
 * An import row: who sent which file, and how far it got.
 */
record StoredImport(UUID id, UUID organisationId, UUID createdBy, ImportFormat format, String idempotencyKey,
		String bodySha256, ImportState state, long bytesRead, long rowsRead, long reportsTotal, long reportsFiled,
		long indicatorsInvalid, long errorsTotal, String detail, Instant createdAt, Instant finishedAt,
		String fileName) {
}
