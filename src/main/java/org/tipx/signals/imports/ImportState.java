package org.tipx.signals.imports;

/**
 * Where an import stands. Only {@code DONE} has filed anything; the other ends leave nothing behind.
 */
public enum ImportState {
	/** The file is being read, checked and staged. */
	RECEIVED,
	/** Every row passed; the reports are being filed in one transaction. */
	IMPORTING,
	/** All reports filed. */
	DONE,
	/** The file had bad rows, or was too large: nothing was filed. */
	REJECTED,
	/** Filing broke off (an error, a restart): nothing was filed. */
	FAILED
}
