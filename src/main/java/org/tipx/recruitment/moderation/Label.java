package org.tipx.recruitment.moderation;

/** A moderator's decision on a flagged posting. Only FRAUD and LEGITIMATE count when the threshold is recalibrated. */
public enum Label {
	FRAUD, LEGITIMATE, UNSURE
}
