package org.tipx.audit;

/**
 * The result of recomputing the audit hash chain.
 *
 * @param entries           number of entries in the table
 * @param valid             whether every entry, the chain links and the external checkpoint agree
 * @param firstInvalidEntry the sequence number of the first entry that is altered, missing or cut off; null if valid
 * @param reason            why it is invalid, in words; null if valid
 */
public record ChainVerification(long entries, boolean valid, Long firstInvalidEntry, String reason) {
}
