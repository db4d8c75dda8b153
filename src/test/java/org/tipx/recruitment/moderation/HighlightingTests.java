package org.tipx.recruitment.moderation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.tipx.recruitment.Reason;
import org.tipx.recruitment.moderation.Highlighting.Segment;

class HighlightingTests {

	@Test
	void evidenceIsCutOutOfTheOriginalTextByItsOffsets() {
		String text = "Apply on T e l e g r a m now";
		List<Segment> segments = Highlighting.of("description", text,
				List.of(new Reason("messaging-app-contact", "T e l e g r a m", 0.4, "description", 9, 24)));
		assertThat(segments).containsExactly(new Segment("Apply on ", null),
				new Segment("T e l e g r a m", "messaging-app-contact"), new Segment(" now", null));
	}

	@Test
	void overlappingSpansMergeAndNameEveryIndicator() {
		String text = "free visa and flight";
		List<Segment> segments = Highlighting.of("title", text,
				List.of(new Reason("free-travel", "free visa", 0.2, "title", 0, 9),
						new Reason("documents-arranged", "visa", 0.2, "title", 5, 9)));
		assertThat(segments.get(0)).isEqualTo(new Segment("free visa", "free-travel, documents-arranged"));
	}

	@Test
	void spansOfOtherFieldsOrOutsideTheTextAreLeftOut() {
		List<Segment> segments = Highlighting.of("title", "<script>x</script>",
				List.of(new Reason("model", null, 0.3, null, -1, -1), new Reason("x", "y", 0.1, "title", 5, 99),
						new Reason("x", "y", 0.1, "description", 0, 3)));
		assertThat(segments).containsExactly(new Segment("<script>x</script>", null));
	}
}
