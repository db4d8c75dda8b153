package org.tipx.signals.imports;

import java.io.Reader;
import java.util.Optional;

import org.springframework.http.MediaType;

/**
 * The file formats an import accepts, by content type: CSV with a header row, or JSON Lines (one object per line).
 */
public enum ImportFormat {
	CSV("text/csv"), NDJSON("application/x-ndjson");

	private final MediaType mediaType;

	ImportFormat(String mediaType) {
		this.mediaType = MediaType.parseMediaType(mediaType);
	}

	public MediaType mediaType() {
		return mediaType;
	}

	public static Optional<ImportFormat> of(MediaType contentType) {
		for (ImportFormat format : values()) {
			if (format.mediaType.equalsTypeAndSubtype(contentType)) {
				return Optional.of(format);
			}
		}
		return Optional.empty();
	}

	RowReader open(Reader text, ImportSettings settings) {
		return this == CSV ? new CsvRows(text, settings.maxFieldLength()) : new JsonLines(text, settings.maxFieldLength());
	}
}
