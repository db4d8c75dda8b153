package org.tipx.signals.imports;

import org.springframework.util.unit.DataSize;

/**
 * The file is larger than the import limit; answered with 413. Nothing was filed.
 */
public class ImportTooLarge extends RuntimeException {

	private final DataSize limit;

	ImportTooLarge(DataSize limit) {
		super("The file is larger than the import limit of " + limit.toMegabytes() + " MB");
		this.limit = limit;
	}

	public DataSize limit() {
		return limit;
	}
}
