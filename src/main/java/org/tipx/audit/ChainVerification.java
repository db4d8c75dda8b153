package org.tipx.audit;

/**
 * The result of recomputing the audit hash chain and comparing it with what tipx itself appended.
 *
 * @param entries           number of entries in the table
 * @param valid             whether every entry, the chain links, the head tipx last appended and the external
 *                          checkpoint agree
 * @param firstInvalidEntry the sequence number of the first entry that is altered, missing, cut off or not appended
 *                          by tipx; null if valid
 * @param reason            why it is invalid, in words; null if valid
 * @param checkpointEntry   the entry the checkpoint file names (the last head tipx wrote there); null if there is no
 *                          usable checkpoint file
 * @param anchoredEntry     the entry tipx last appended (or found at start), which must still be the chain's head
 */
public record ChainVerification(long entries, boolean valid, Long firstInvalidEntry, String reason,
		Long checkpointEntry, Long anchoredEntry) {

	public ChainVerification(long entries, boolean valid, Long firstInvalidEntry, String reason) {
		this(entries, valid, firstInvalidEntry, reason, null, null);
	}
}
