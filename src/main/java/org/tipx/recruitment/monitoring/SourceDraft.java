package org.tipx.recruitment.monitoring;

import java.util.Map;

/**
 * A source as an organisation describes it, before the checks: {@code kind} is FEED, JSON or CSV; {@code location}
 * the https address (FEED, JSON) or the sub-folder's name (CSV); {@code intervalMinutes} between 1 and 1440
 * (default 60); {@code fieldMapping} optional, for JSON and CSV sources whose fields are named differently.
 */
public record SourceDraft(String name, String kind, String location, Integer intervalMinutes,
		Map<String, String> fieldMapping, Boolean enabled) {
}
