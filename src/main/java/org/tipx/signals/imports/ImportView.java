package org.tipx.signals.imports;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * An import as its sender sees it: its state and progress, and for a rejected one the first bad rows (at most
 * {@code tipx.signals.import.max-errors}; {@code errorsTotal} counts them all). {@code errors} is left out of lists.
 * {@code fileName} is the name of the file chosen in the browser (sanitised), absent for files sent to the API.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ImportView(UUID id, ImportState state, ImportFormat format, String idempotencyKey, long bytesRead,
		long rowsRead, long reportsTotal, long reportsFiled, long indicatorsInvalid, long errorsTotal,
		List<RowError> errors, String detail, Instant createdAt, Instant finishedAt, String fileName) {

	static ImportView of(StoredImport i, List<RowError> errors) {
		return new ImportView(i.id(), i.state(), i.format(), i.idempotencyKey(), i.bytesRead(), i.rowsRead(),
				i.reportsTotal(), i.reportsFiled(), i.indicatorsInvalid(), i.errorsTotal(), errors, i.detail(),
				i.createdAt(), i.finishedAt(), i.fileName());
	}
}
