package org.tipx.shared;

/**
 * A failure the code expects and has already reported where it happened (a webhook receiver that is down, say), thrown
 * only to tell the framework the work is not done. Asynchronous listeners that end with one are not logged as errors
 * with a stack trace.
 */
public class ExpectedFailure extends RuntimeException {

	public ExpectedFailure(String message) {
		super(message, null, false, false);
	}
}
