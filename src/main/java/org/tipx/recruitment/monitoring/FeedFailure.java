package org.tipx.recruitment.monitoring;

/**
 * A poll that could not read its source: the message says why in words safe to show on the sources page (never the
 * body the source answered, which may hold anything).
 */
class FeedFailure extends Exception {

	FeedFailure(String message) {
		super(message, null, false, false);
	}
}
