package org.tipx.recruitment.moderation;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.tipx.recruitment.Reason;

/**
 * Cuts a field's original text into plain and highlighted segments by the reasons' offsets in that field, so a page
 * can mark the evidence while every character still goes through the template's escaping (the text is never turned
 * into markup). Overlapping or touching spans merge and name every indicator they carry; spans outside the text are
 * ignored.
 */
public final class Highlighting {

	private Highlighting() {
	}

	public static List<Segment> of(String field, String text, List<Reason> reasons) {
		if (text == null || text.isEmpty()) {
			return List.of();
		}
		List<Reason> spans = reasons.stream()
				.filter(r -> field.equals(r.field()) && r.start() >= 0 && r.end() > r.start() && r.end() <= text.length())
				.sorted(Comparator.comparingInt(Reason::start).thenComparingInt(Reason::end)).toList();
		List<Segment> segments = new ArrayList<>();
		int at = 0;
		int i = 0;
		while (i < spans.size()) {
			int start = spans.get(i).start();
			int end = spans.get(i).end();
			Set<String> indicators = new LinkedHashSet<>();
			indicators.add(spans.get(i).indicator());
			i++;
			while (i < spans.size() && spans.get(i).start() <= end) {
				end = Math.max(end, spans.get(i).end());
				indicators.add(spans.get(i).indicator());
				i++;
			}
			if (start > at) {
				segments.add(new Segment(text.substring(at, start), null));
			}
			segments.add(new Segment(text.substring(start, end), String.join(", ", indicators)));
			at = end;
		}
		if (at < text.length()) {
			segments.add(new Segment(text.substring(at), null));
		}
		return segments;
	}

	/** A piece of the text; {@code indicators} is null for plain text, the indicators' names for evidence. */
	public record Segment(String text, String indicators) {

		public boolean evidence() {
			return indicators != null;
		}
	}
}
