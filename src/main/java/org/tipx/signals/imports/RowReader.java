package org.tipx.signals.imports;

import java.io.Closeable;

/**
 * Reads an import file row by row, holding no more than one row in memory.
 */
interface RowReader extends Closeable {

	/**
	 * The next row, or null after the last.
	 *
	 * @throws UnreadableFile when the file cannot be read on from here (broken quoting, a field longer than the
	 *                        limit, bytes that are not UTF-8, a bad header)
	 */
	ImportRow next();
}
