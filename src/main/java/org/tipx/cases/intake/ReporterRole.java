package org.tipx.cases.intake;

/** Who files a public report: the person held, or someone close to them. */
public enum ReporterRole {
	SELF, FAMILY, FRIEND
}
