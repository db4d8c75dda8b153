package org.tipx.signals.imports;

/**
 * What receiving a file led to: a new import now being filed, or, for a replayed Idempotency-Key with the same
 * file, the import that key made before.
 */
public record Received(ImportView view, boolean replayed) {
}
