package org.tipx.recruitment.moderation;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.tipx.recruitment.Posting;
import org.tipx.signals.IndicatorType;
import org.tipx.signals.Platform;
import org.tipx.signals.ReportSubmission.Identifier;

class ContactsTests {

	@Test
	void theContactsOfAPostingBecomeIdentifiersAsWritten() {
		Posting posting = new Posting("1", "Typing job", "Apply: Telegram @hr_desk88 or t.me/fastjobs, mail"
				+ " hr@jobs-asia.example, call +855 12 345 678. Details https://jobs-asia.example/apply.", null, null,
				null, "WhatsApp +66 81 234 5678", null, null);
		assertThat(Contacts.of(posting)).contains(
				new Identifier(IndicatorType.MESSAGING_HANDLE, "@hr_desk88", Platform.TELEGRAM),
				new Identifier(IndicatorType.MESSAGING_HANDLE, "t.me/fastjobs", null),
				new Identifier(IndicatorType.EMAIL, "hr@jobs-asia.example", null),
				new Identifier(IndicatorType.PHONE, "+855 12 345 678", null),
				new Identifier(IndicatorType.PHONE, "+66 81 234 5678", null),
				new Identifier(IndicatorType.URL, "https://jobs-asia.example/apply", null));
	}

	@Test
	void aPostingWithoutContactsGivesNone() {
		assertThat(Contacts.of(new Posting("1", "Cook", "Kitchen work in 2024, 3 years", null, null, null, null, null,
				null))).isEmpty();
	}
}
