package org.tipx.recruitment.monitoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.tipx.recruitment.Posting;

class FeedReadingTests {

	@Test
	void rssItemsBecomePostingsWithTheirGuidTitleDescriptionAndLink() throws FeedFailure {
		String rss = """
				<?xml version="1.0" encoding="UTF-8"?>
				<rss version="2.0"><channel><title>Jobs</title>
				<item><guid>job-1</guid><title>Typing job &amp; visa</title>
				<description>&lt;b&gt;Apply&lt;/b&gt; on Telegram</description><link>https://jobs.example/1</link></item>
				</channel></rss>""";
		List<Posting> postings = FeedReading.feed(rss.getBytes(StandardCharsets.UTF_8));
		assertThat(postings).singleElement().satisfies(p -> {
			assertThat(p.id()).isEqualTo("job-1");
			assertThat(p.title()).isEqualTo("Typing job & visa");
			assertThat(p.description()).isEqualTo("<b>Apply</b> on Telegram");
			assertThat(p.url()).isEqualTo("https://jobs.example/1");
		});
	}

	@Test
	void atomEntriesBecomePostings() throws FeedFailure {
		String atom = """
				<feed xmlns="http://www.w3.org/2005/Atom"><title>Jobs</title>
				<entry><id>urn:job:7</id><title>Admin in Bangkok</title><summary>Office work</summary>
				<link rel="alternate" href="https://jobs.example/7"/><author><name>Acme</name></author></entry></feed>""";
		assertThat(FeedReading.feed(atom.getBytes(StandardCharsets.UTF_8))).singleElement()
				.isEqualTo(new Posting("urn:job:7", "Admin in Bangkok", "Office work", "Acme", null, null, null,
						"https://jobs.example/7", null));
	}

	@Test
	void aFeedWithADoctypeIsRefusedSoNoEntityIsExpanded() {
		String xxe = """
				<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY x SYSTEM "file:///etc/passwd">]>
				<rss><channel><item><title>&x;</title></item></channel></rss>""";
		assertThatThrownBy(() -> FeedReading.feed(xxe.getBytes(StandardCharsets.UTF_8)))
				.isInstanceOf(FeedFailure.class).hasMessageContaining("does not parse");
	}

	@Test
	void garbageIsAFailureNamingWhatWasExpected() {
		assertThatThrownBy(() -> FeedReading.feed("<<garbage>>".getBytes(StandardCharsets.UTF_8)))
				.isInstanceOf(FeedFailure.class);
		assertThatThrownBy(() -> FeedReading.feed("<html><body>hi</body></html>".getBytes(StandardCharsets.UTF_8)))
				.hasMessageContaining("not an RSS or Atom feed");
		assertThatThrownBy(() -> FeedReading.json("{\"a\":1}".getBytes(StandardCharsets.UTF_8), Map.of()))
				.hasMessageContaining("not a JSON array");
		assertThatThrownBy(() -> FeedReading.json(new byte[] { (byte) 0xff, (byte) 0xfe }, Map.of()))
				.hasMessageContaining("not UTF-8");
	}

	@Test
	void jsonPostingsAreReadInTheScoringShapeOrThroughTheSourcesFieldMapping() throws FeedFailure {
		byte[] plain = "[{\"id\":\"9\",\"title\":\"Driver\",\"contact\":\"+66 81 234 5678\"}]"
				.getBytes(StandardCharsets.UTF_8);
		assertThat(FeedReading.json(plain, Map.of())).singleElement()
				.satisfies(p -> assertThat(p.contact()).isEqualTo("+66 81 234 5678"));
		byte[] mapped = "{\"data\":{\"jobs\":[{\"job_id\":5,\"name\":\"Cook\",\"text\":\"Kitchen\"}]}}"
				.getBytes(StandardCharsets.UTF_8);
		assertThat(FeedReading.json(mapped, Map.of("items", "data.jobs", "id", "job_id", "title", "name",
				"description", "text"))).singleElement()
				.isEqualTo(new Posting("5", "Cook", "Kitchen", null, null, null, null, null, null));
	}

	@Test
	void csvRowsAreReadByTheirHeader() throws FeedFailure {
		String csv = "id,title,description,contact\n1,Typist,\"Typing, data entry\",wa.me/85512345678\n";
		assertThat(FeedReading.csv(csv.getBytes(StandardCharsets.UTF_8), Map.of())).singleElement()
				.satisfies(p -> {
					assertThat(p.description()).isEqualTo("Typing, data entry");
					assertThat(p.contact()).isEqualTo("wa.me/85512345678");
				});
	}

	@Test
	void aPostingWithoutAnIdIsKnownByItsTextSoItIsNotTakenTwice() {
		Posting a = new Posting(null, "T", "D", null, null, null, null, null, null);
		Posting b = new Posting(null, "T", "D", null, null, null, null, null, null);
		assertThat(Polling.key(a)).isEqualTo(Polling.key(b)).startsWith("sha256:");
		assertThat(Polling.key(new Posting("x", "T", "D", null, null, null, null, null, null))).isEqualTo("id:x");
	}
}
