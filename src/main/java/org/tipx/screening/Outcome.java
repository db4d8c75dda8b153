package org.tipx.screening;

/**
 * What a screening found, from least to most: no indicators today, a possible victim who needs a specialist's
 * further assessment, or a presumed victim to refer now. Exported as HTCDS trafficking status not a victim / possible
 * / actual.
 */
public enum Outcome {

	NO_INDICATORS, POSSIBLE_VICTIM, PRESUMED_VICTIM;

	public boolean atLeast(Outcome other) {
		return compareTo(other) >= 0;
	}
}
