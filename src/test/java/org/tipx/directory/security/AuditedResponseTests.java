package org.tipx.directory.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import org.springframework.mock.web.MockHttpServletResponse;
import org.tipx.audit.AuditTrail;
import org.tipx.shared.UnavailableException;

class AuditedResponseTests {

	@Test
	void noByteOfTheAnswerLeavesBeforeTheEntryIsCommitted() throws Exception {
		CountDownLatch committed = new CountDownLatch(1);
		AuditTrail.Pending entry = () -> {
			try {
				assertThat(committed.await(5, TimeUnit.SECONDS)).isTrue();
			}
			catch (InterruptedException e) {
				throw new IllegalStateException(e);
			}
		};
		MockHttpServletResponse raw = new MockHttpServletResponse();
		AuditedResponse response = new AuditedResponse(raw, entry);

		Thread answering = new Thread(() -> {
			try {
				response.getWriter().write("the answer");
				response.flushBuffer();
			}
			catch (java.io.IOException e) {
				throw new java.io.UncheckedIOException(e);
			}
		});
		answering.start();
		answering.join(300);
		assertThat(answering.isAlive()).as("the answer waits for its audit entry").isTrue();
		assertThat(raw.getContentAsString()).isEmpty();
		committed.countDown();
		answering.join(5_000);
		assertThat(raw.getContentAsString()).isEqualTo("the answer");
	}

	@Test
	void anAnswerWhoseEntryCannotBeCommittedIsRefusedAndNothingOfItIsSent() throws Exception {
		AuditTrail.Pending entry = () -> {
			throw new UnavailableException("not recorded", Duration.ofSeconds(5), null);
		};
		MockHttpServletResponse raw = new MockHttpServletResponse();
		AuditedResponse response = new AuditedResponse(raw, entry);

		assertThatThrownBy(response::getOutputStream).isInstanceOf(UnavailableException.class);
		assertThat(response.refused()).isTrue();
		assertThatThrownBy(() -> new AuditedResponse(new MockHttpServletResponse(), entry).sendError(404))
				.isInstanceOf(UnavailableException.class);
		assertThat(raw.getContentAsString()).isEmpty();
		assertThat(raw.isCommitted()).isFalse();
	}
}
