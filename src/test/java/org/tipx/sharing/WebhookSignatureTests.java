package org.tipx.sharing;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

class WebhookSignatureTests {

	static final String SECRET = "whsec_test-secret";

	static final byte[] BODY = "{\"id\":\"42\"}".getBytes(StandardCharsets.UTF_8);

	static final Instant NOW = Instant.parse("2026-11-28T10:00:00Z");

	@Test
	void aReceiverAcceptsAFreshDeliverySignedWithItsSecret() {
		long sent = NOW.minusSeconds(30).getEpochSecond();
		String signature = WebhookSignature.sign(SECRET, sent, BODY);
		assertThat(signature).startsWith("v1=").hasSize(3 + 64);
		assertThat(WebhookSignature.verify(SECRET, Long.toString(sent), signature, BODY, NOW)).isTrue();
	}

	@Test
	void aChangedBodyAWrongSecretOrAnotherTimestampFailsVerification() {
		long sent = NOW.getEpochSecond();
		String signature = WebhookSignature.sign(SECRET, sent, BODY);
		byte[] changed = "{\"id\":\"43\"}".getBytes(StandardCharsets.UTF_8);
		assertThat(WebhookSignature.verify(SECRET, Long.toString(sent), signature, changed, NOW)).isFalse();
		assertThat(WebhookSignature.verify("whsec_other", Long.toString(sent), signature, BODY, NOW)).isFalse();
		assertThat(WebhookSignature.verify(SECRET, Long.toString(sent + 1), signature, BODY, NOW)).isFalse();
		assertThat(WebhookSignature.verify(SECRET, "yesterday", signature, BODY, NOW)).isFalse();
		assertThat(WebhookSignature.verify(SECRET, null, signature, BODY, NOW)).isFalse();
	}

	@Test
	void aDeliveryReplayedMoreThanFiveMinutesLaterIsRejectable() {
		long sent = NOW.minus(Duration.ofMinutes(5)).minusSeconds(1).getEpochSecond();
		String signature = WebhookSignature.sign(SECRET, sent, BODY);
		assertThat(WebhookSignature.verify(SECRET, Long.toString(sent), signature, BODY, NOW)).isFalse();
	}
}
