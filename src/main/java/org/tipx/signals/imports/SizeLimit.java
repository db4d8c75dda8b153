package org.tipx.signals.imports;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

import org.springframework.util.unit.DataSize;

/**
 * Counts the bytes read through it and throws {@link ImportTooLarge} as soon as more than the limit have come.
 */
class SizeLimit extends FilterInputStream {

	private final DataSize limit;

	private long count;

	SizeLimit(InputStream in, DataSize limit) {
		super(in);
		this.limit = limit;
	}

	long count() {
		return count;
	}

	@Override
	public int read() throws IOException {
		int b = super.read();
		if (b >= 0) {
			counted(1);
		}
		return b;
	}

	@Override
	public int read(byte[] buffer, int offset, int length) throws IOException {
		int n = super.read(buffer, offset, length);
		if (n > 0) {
			counted(n);
		}
		return n;
	}

	@Override
	public long skip(long n) throws IOException {
		long skipped = super.skip(n);
		counted(skipped);
		return skipped;
	}

	@Override
	public boolean markSupported() {
		return false;
	}

	private void counted(long n) {
		count += n;
		if (count > limit.toBytes()) {
			throw new ImportTooLarge(limit);
		}
	}
}
