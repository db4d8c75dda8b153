package org.tipx.signals.imports;

import org.springframework.util.unit.DataSize;

/**
 * The file is larger than the import limit; answered with 413. Nothing was filed.
 */
public class ImportTooLarge extends RuntimeException {

	private final DataSize limit;

	ImportTooLarge(DataSize limit) {
		super("The file is larger than the import limit of " + describe(limit));
		this.limit = limit;
	}

	public DataSize limit() {
		return limit;
	}

	/** The limit as people write it: 200 MB, 64 KB. */
	static String describe(DataSize size) {
		return size.toMegabytes() > 0 ? size.toMegabytes() + " MB" : size.toKilobytes() + " KB";
	}
}
