package org.tipx.signals.canonical;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.tipx.shared.CountryCode;
import org.tipx.signals.IndicatorType;
import org.tipx.signals.Platform;

/**
 * Handles: one name per platform however it was written, the platform told from links.
 */
class MessagingHandlesTests {

	private final Canonicalisers canonicalisers = Canonicalisers.standard();

	@ParameterizedTest(name = "{0}")
	@ValueSource(strings = {"t.me/Golden_Jobs", "https://t.me/Golden_Jobs", "http://telegram.me/golden_jobs",
			"https://t.me/s/Golden_Jobs", "https://t.me/Golden_Jobs/1234", "https://golden_jobs.t.me/",
			"tg://resolve?domain=Golden_Jobs", "telegram:golden_jobs", "https://T.ME/GOLDEN_JOBS?utm_source=x"})
	void everyTelegramSpellingIsOneHandleAndTellsThePlatform(String typed) {
		Canonical handle = handle(typed, null);
		assertThat(handle.valid()).as(handle.reason()).isTrue();
		assertThat(handle.canonical()).isEqualTo("telegram:golden_jobs");
		assertThat(handle.details()).containsEntry("platform", "telegram");
	}

	@Test
	void anAtNameNeedsThePlatformGiven() {
		assertThat(handle("@Golden_Jobs", Platform.TELEGRAM).canonical()).isEqualTo("telegram:golden_jobs");
		assertThat(handle("Golden_Jobs", Platform.TELEGRAM).canonical()).isEqualTo("telegram:golden_jobs");
		Canonical unknown = handle("@Golden_Jobs", null);
		assertThat(unknown.valid()).isFalse();
		assertThat(unknown.details()).doesNotContainKey("platform");
		assertThat(unknown.reason()).contains("give the platform");
	}

	@Test
	void aLinkToOnePlatformWithAnotherPlatformGivenIsInvalid() {
		Canonical handle = handle("https://t.me/golden_jobs", Platform.INSTAGRAM);
		assertThat(handle.valid()).isFalse();
		assertThat(handle.reason()).isEqualTo("a Telegram link, but the platform given is instagram");
	}

	@Test
	void inviteLinksAreNotHandles() {
		Canonical invite = handle("https://t.me/+AbCdEfGh123", null);
		assertThat(invite.valid()).isFalse();
		assertThat(invite.reason()).contains("invite link");
		assertThat(invite.details()).containsEntry("platform", "telegram");
		assertThat(handle("https://t.me/joinchat/AbCdEf", null).valid()).isFalse();
		assertThat(handle("https://chat.whatsapp.com/Dx1AbC", null).reason()).contains("group invite");
	}

	@Test
	void fullWidthLettersAreMappedAndLookalikeLettersRefused() {
		assertThat(handle("@Ｇｏｌｄｅｎ＿Ｊｏｂｓ", Platform.TELEGRAM).canonical()).isEqualTo("telegram:golden_jobs");
		Canonical cyrillic = handle("@gоldеn_jobs", Platform.TELEGRAM);
		assertThat(cyrillic.valid()).isFalse();
		assertThat(cyrillic.details()).containsEntry("looksLike", "golden_jobs");
		assertThat(cyrillic.reason()).contains("look like Latin");
	}

	@Test
	void namesThatBreakThePlatformsRulesAreInvalid() {
		assertThat(handle("@abc", Platform.TELEGRAM).reason()).contains("4 to 32");
		assertThat(handle("@1golden", Platform.TELEGRAM).valid()).isFalse();
		assertThat(handle("golden jobs", Platform.INSTAGRAM).valid()).isFalse();
	}

	@Test
	void whatsAppAccountsAreTheirPhoneNumbersAndDeriveThePhone() {
		for (String typed : new String[] {"wa.me/85512345678", "https://api.whatsapp.com/send?phone=85512345678",
				"whatsapp://send?phone=85512345678", "+855 12 345 678"}) {
			Canonical handle = handle(typed, typed.startsWith("+") ? Platform.WHATSAPP : null);
			assertThat(handle.canonical()).as(typed).isEqualTo("whatsapp:+85512345678");
			assertThat(handle.derived()).containsExactly(new Canonical.Derived(IndicatorType.PHONE, "+85512345678"));
		}
		Canonical local = canonicalisers.canonicalise(new RawIndicator(IndicatorType.MESSAGING_HANDLE, "012 345 678",
				Platform.WHATSAPP, null, new CountryCode("KH")));
		assertThat(local.canonical()).isEqualTo("whatsapp:+85512345678");
		assertThat(handle("wa.me/123", null).valid()).isFalse();
	}

	@Test
	void zaloLinksCarryTheNumberAsDialledAtHome() {
		Canonical zalo = canonicalisers.canonicalise(new RawIndicator(IndicatorType.MESSAGING_HANDLE,
				"https://zalo.me/0912345678", null, null, new CountryCode("VN")));
		assertThat(zalo.canonical()).isEqualTo("zalo:+84912345678");
		assertThat(zalo.derived()).containsExactly(new Canonical.Derived(IndicatorType.PHONE, "+84912345678"));
	}

	@Test
	void profileLinksBecomeHandles() {
		assertThat(handle("https://www.facebook.com/John.Smith.98?mibextid=ZbWKwL", null).canonical())
				.isEqualTo("facebook:johnsmith98");
		assertThat(handle("https://m.facebook.com/profile.php?id=100012345678901", null).canonical())
				.isEqualTo("facebook:id:100012345678901");
		assertThat(handle("https://www.instagram.com/Golden.Jobs_TH/?igsh=MWx0", null).canonical())
				.isEqualTo("instagram:golden.jobs_th");
		assertThat(handle("https://www.tiktok.com/@Golden.Jobs?lang=th", null).canonical())
				.isEqualTo("tiktok:golden.jobs");
		assertThat(handle("https://line.me/ti/p/~GoldenJobs", null).canonical()).isEqualTo("line:goldenjobs");
		assertThat(handle("https://line.me/R/ti/p/@goldenjobs", null).canonical()).isEqualTo("line:@goldenjobs");
	}

	@Test
	void linksToPostsGroupsAndShortLinksAreRefused() {
		assertThat(handle("https://www.facebook.com/groups/thaijobs", null).valid()).isFalse();
		assertThat(handle("https://www.instagram.com/p/C1a2b3c4", null).valid()).isFalse();
		assertThat(handle("https://vm.tiktok.com/ZSabc123/", null).reason()).contains("short link");
		assertThat(handle("https://golden-jobs.com/contact", null).reason()).contains("file it as url");
	}

	@Test
	void facebookIgnoresDotsAndCaseButWeChatKeepsCase() {
		assertThat(handle("John.Smith.98", Platform.FACEBOOK).canonical()).isEqualTo("facebook:johnsmith98");
		assertThat(handle("GoldenJobs88", Platform.WECHAT).canonical()).isEqualTo("wechat:GoldenJobs88");
	}

	@Test
	void signalUsernamesAndNumbersAreBothAccepted() {
		assertThat(handle("Golden.01", Platform.SIGNAL).canonical()).isEqualTo("signal:golden.01");
		assertThat(handle("+855 12 345 678", Platform.SIGNAL).canonical()).isEqualTo("signal:+85512345678");
	}

	@Test
	void theCanonicalFormReadsBackToItselfAndKeepsItsPlatform() {
		for (String canonical : new String[] {"telegram:golden_jobs", "whatsapp:+85512345678", "line:@goldenjobs",
				"facebook:id:100012345678901"}) {
			assertThat(handle(canonical, null).canonical()).isEqualTo(canonical);
		}
		assertThat(handle("telegram:golden_jobs", Platform.LINE).valid()).isFalse();
	}

	private Canonical handle(String value, Platform platform) {
		return canonicalisers.canonicalise(new RawIndicator(IndicatorType.MESSAGING_HANDLE, value, platform, null, null));
	}
}
