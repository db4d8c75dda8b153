package org.tipx.signals.imports;

/**
 * The file cannot be read past a point; the import is rejected with this error and those found before it.
 */
class UnreadableFile extends RuntimeException {

	private final RowError error;

	UnreadableFile(RowError error) {
		super(error.field() + ": " + error.message());
		this.error = error;
	}

	RowError error() {
		return error;
	}
}
