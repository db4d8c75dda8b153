package org.tipx.signals.imports;

import java.util.UUID;

/**
 * A bulk import's reports were filed and linked, in one transaction: the batched counterpart of one
 * {@link org.tipx.signals.ReportFiled} per report. Its reports carry the import's id.
 */
public record ImportFiled(UUID importId, UUID organisationId) {
}
