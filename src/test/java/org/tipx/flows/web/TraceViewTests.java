package org.tipx.flows.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.tipx.flows.internal.Tracing;
import org.tipx.shared.InvalidInputException;

/**
 * The trace page's drawing joins the transfers between two addresses into one edge with their tainted sum, marks
 * services and the seeds' senders, cannot break out of its script element, and stops at {@link TraceView#DRAWN}
 * edges; the seeds box reads one transaction a line with an optional amount.
 */
class TraceViewTests {

	static Map<String, Object> step(String tx, String from, String to, String tainted) {
		return Map.of("tx", tx, "from", from, "to", to, "asset", "USDT", "tainted", tainted);
	}

	static Map<String, Object> endpoint(String address, String tag, String name, String stop) {
		Map<String, Object> e = new HashMap<>(Map.of("address", address, "chain", "tron", "asset", "USDT", "stop", stop,
				"amount", "1"));
		e.put("tag", tag);
		e.put("name", name);
		return e;
	}

	@Test
	void transfersBetweenTwoAddressesAreOneEdgeWithTheirSumAndTheServiceAndSeedAreMarked() {
		TraceView view = TraceView.of(Map.of("partial", false, "hopLimitReached", true,
				"endpoints", List.of(endpoint("X</script><script>alert(1)</script>", "exchange", "A & B", "SERVICE")),
				"paths", List.of(step("t1", "V", "M", "1000"), step("t2", "M", "X</script><script>alert(1)</script>", "100.5"),
						step("t3", "M", "X</script><script>alert(1)</script>", "0.5"))), List.of("t1"));

		assertThat(view.hopLimitReached()).isTrue();
		assertThat(view.elements()).contains("\"label\":\"101 USDT\"", "\"label\":\"1000 USDT\"",
				"\"kind\":\"service\"", "\"kind\":\"seed\"", "A \\u0026 B")
				.doesNotContain("<", ">", "&");
		assertThat(view.cut()).isFalse();
	}

	@Test
	void theDrawingStopsAtItsEdgeLimitAndSaysSo() {
		List<Map<String, Object>> paths = new ArrayList<>();
		for (int i = 0; i <= TraceView.DRAWN; i++) {
			paths.add(step("t" + i, "A" + i, "B" + i, "1"));
		}
		TraceView view = TraceView.of(Map.of("partial", true, "hopLimitReached", false, "endpoints", List.of(),
				"paths", paths), List.of());
		assertThat(view.cut()).isTrue();
		assertThat(view.partial()).isTrue();
		assertThat(view.elements()).contains("\"e" + (TraceView.DRAWN - 1) + "\"").doesNotContain("\"e" + TraceView.DRAWN + "\"");
	}

	@Test
	void seedsAreOneTransactionALineWithAnOptionalAmount() {
		assertThat(SeedLines.read("abc 1000\n\n def,2.5 \nxyz")).containsExactly(
				new Tracing.SeedRequest("abc", new BigDecimal("1000")), new Tracing.SeedRequest("def", new BigDecimal("2.5")),
				new Tracing.SeedRequest("xyz", null));
		assertThatThrownBy(() -> SeedLines.read("abc lots")).isInstanceOf(InvalidInputException.class)
				.hasMessageContaining("line 1");
		assertThatThrownBy(() -> SeedLines.read("a 1\nb -3")).hasMessageContaining("line 2");
		assertThatThrownBy(() -> SeedLines.read(" \n")).hasMessageContaining("seeds");
	}
}
