package org.tipx.signals;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.web.server.LocalServerPort;
import org.tipx.Api;
import org.tipx.TipxIntegrationTest;
import org.tipx.signals.SignalFixtures.Analyst;

/**
 * The normalise endpoint shows an analyst the canonical form of a value and why, for the roles that read signals.
 */
@TipxIntegrationTest
class NormaliseIntegrationTests {

	@LocalServerPort
	int port;

	SignalFixtures signals;

	Analyst analyst;

	@BeforeEach
	void anAnalyst() {
		signals = new SignalFixtures(new Api(port));
		analyst = signals.analyst("ID");
	}

	@Test
	void aLocalPhoneNumberComesBackInE164WithTheStepsAndTheNumberType() {
		var reply = signals.api.get(analyst.token(), "/api/v1/signals/normalise?type=phone&country=id&value="
				+ encoded("0812-3456-7890"));
		assertThat(reply.status()).as(reply.body()).isEqualTo(200);
		var json = reply.json();
		assertThat(json.get("type").asString()).isEqualTo("phone");
		assertThat(json.get("input").asString()).isEqualTo("0812-3456-7890");
		assertThat(json.get("canonical").asString()).isEqualTo("+6281234567890");
		assertThat(json.get("valid").asBoolean()).isTrue();
		assertThat(json.get("reason").isNull()).isTrue();
		assertThat(json.get("steps").size()).isPositive();
		assertThat(json.get("details").get("numberType").asString()).isEqualTo("MOBILE");
		assertThat(json.get("details").get("region").asString()).isEqualTo("ID");
		assertThat(json.get("derived").size()).isZero();
	}

	@Test
	void aUrlLosesItsTrackingAndDerivesItsDomainsAndTheTelegramHandle() {
		var json = signals.api.get(analyst.token(), "/api/v1/signals/normalise?type=url&value="
				+ encoded("https://T.ME/Golden_Jobs?utm_source=facebook&fbclid=IwAR0")).json();
		assertThat(json.get("canonical").asString()).isEqualTo("https://t.me/Golden_Jobs");
		assertThat(json.get("derived").valueStream()
				.map(d -> d.get("type").asString() + " " + d.get("canonical").asString()))
				.contains("domain t.me", "messaging_handle telegram:golden_jobs");
	}

	@Test
	void aWalletWithAWrongChecksumIsInvalidWithTheReason() {
		var json = signals.api.get(analyst.token(), "/api/v1/signals/normalise?type=crypto_address&chain=ethereum&value="
				+ "0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAeD").json();
		assertThat(json.get("valid").asBoolean()).isFalse();
		assertThat(json.get("reason").asString()).contains("EIP-55");
	}

	@Test
	void aHandleLinkTellsItsPlatform() {
		var json = signals.api.get(analyst.token(), "/api/v1/signals/normalise?type=messaging_handle&value="
				+ encoded("t.me/Golden_Jobs")).json();
		assertThat(json.get("canonical").asString()).isEqualTo("telegram:golden_jobs");
		assertThat(json.get("details").get("platform").asString()).isEqualTo("telegram");
	}

	@Test
	void anUnknownParameterValueIsA400NamingTheParameter() {
		assertBadParameter("type=fax&value=123", "type");
		assertBadParameter("type=messaging_handle&value=x&platform=myspace", "platform");
		assertBadParameter("type=crypto_address&value=x&chain=dogecoin", "chain");
		assertBadParameter("type=phone&value=123&country=XX", "country");
		assertBadParameter("type=phone", "value");
	}

	@Test
	void withoutATokenTheAnswerIs401AndWithoutASignalsRoleIt403() {
		var anonymous = signals.api.get(null, "/api/v1/signals/normalise?type=phone&value=%2B85512345678");
		assertThat(anonymous.status()).isEqualTo(401);
		assertThat(anonymous.isProblem()).isTrue();
		String org = signals.directory.organisation("LAW_ENFORCEMENT", "KH");
		String orgAdmin = signals.directory.tokenFor(signals.directory.account(org, "ORG_ADMIN"));
		assertThat(signals.api.get(orgAdmin, "/api/v1/signals/normalise?type=phone&value=%2B85512345678").status())
				.isEqualTo(403);
	}

	private void assertBadParameter(String query, String parameter) {
		var reply = signals.api.get(analyst.token(), "/api/v1/signals/normalise?" + query);
		assertThat(reply.status()).as(query).isEqualTo(400);
		assertThat(reply.isProblem()).isTrue();
		assertThat(reply.json().get("errors").get(0).get("field").asString()).isEqualTo(parameter);
	}

	private static String encoded(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}
}
