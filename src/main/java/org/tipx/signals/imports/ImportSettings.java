package org.tipx.signals.imports;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * Limits of bulk import.
 *
 * @param maxSize        largest file accepted; a larger one is refused with 413 (TIPX_SIGNALS_IMPORT_MAX_SIZE)
 * @param maxErrors      most bad rows listed when an import is rejected; all are counted
 * @param maxFieldLength longest single field, in characters; a longer one makes the file unreadable from there on
 */
@ConfigurationProperties("tipx.signals.import")
public record ImportSettings(DataSize maxSize, int maxErrors, int maxFieldLength) {

	public ImportSettings {
		maxSize = maxSize == null ? DataSize.ofMegabytes(200) : maxSize;
		maxErrors = maxErrors <= 0 ? 1_000 : maxErrors;
		maxFieldLength = maxFieldLength <= 0 ? 20_000 : maxFieldLength;
	}
}
