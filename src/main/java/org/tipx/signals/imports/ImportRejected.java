package org.tipx.signals.imports;

/**
 * The file had bad rows (or could not be read), so nothing was imported; answered with 400 and the bad rows.
 */
public class ImportRejected extends RuntimeException {

	private final ImportView view;

	ImportRejected(ImportView view) {
		super(view.detail());
		this.view = view;
	}

	public ImportView view() {
		return view;
	}
}
