package org.tipx.recruitment.monitoring;

/**
 * Where a source's postings come from: an RSS or Atom feed, a JSON endpoint answering an array of postings, or CSV
 * files dropped in the source's sub-folder of the installation's drop folder.
 */
public enum SourceKind {
	FEED, JSON, CSV
}
