package org.tipx.signals.blindmatch;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tipx.signals.IndicatorType;

class BlindMatchClientTests {

	@TempDir
	Path folder;

	@Test
	void withoutAnAddressOrTokenTheClientExplainsItsUseAndSendsNothing() {
		ByteArrayOutputStream err = new ByteArrayOutputStream();
		int status = BlindMatchClient.run(new String[] { "values.csv" }, Map.of(), new PrintStream(new ByteArrayOutputStream()),
				new PrintStream(err, true, StandardCharsets.UTF_8));
		assertThat(status).isEqualTo(2);
		assertThat(err.toString(StandardCharsets.UTF_8)).contains("TIPX_URL").contains("TIPX_TOKEN");
	}

	@Test
	void linesAreCanonicalisedAsTipxDoesAndThoseThatDoNotReadAreSkippedWithTheirLineNumber() throws Exception {
		Path csv = folder.resolve("v.csv");
		Files.writeString(csv, String.join("\n", "type,value,country", "phone,0812-3456-7890,ID",
				"email,\"Someone@Example.ORG\"", "phone,not a number,ID", "messaging_handle,telegram:@Golden_Jobs",
				"colour,red"));
		ByteArrayOutputStream err = new ByteArrayOutputStream();
		List<BlindMatchClient.Row> rows = BlindMatchClient.read(csv, null,
				new PrintStream(err, true, StandardCharsets.UTF_8));
		assertThat(rows).extracting(BlindMatchClient.Row::line).containsExactly(2, 3, 5);
		assertThat(rows.get(0).canonical().canonical()).isEqualTo("+6281234567890");
		assertThat(rows.get(2).type()).isEqualTo(IndicatorType.MESSAGING_HANDLE);
		assertThat(err.toString(StandardCharsets.UTF_8)).contains("line 4: skipped").contains("line 6: skipped");
	}

	@Test
	void keyedValuesDependOnTheKeyTheTypeAndTheValue() {
		byte[] one = BlindMatchScheme.organisationKey(new byte[32], java.util.UUID.randomUUID());
		byte[] two = BlindMatchScheme.organisationKey(new byte[32], java.util.UUID.randomUUID());
		String keyed = BlindMatchScheme.keyed(one, IndicatorType.PHONE, "+6281234567890");
		assertThat(keyed).matches(BlindMatchScheme.KEYED_VALUE).isEqualTo(
				BlindMatchScheme.keyed(one, IndicatorType.PHONE, "+6281234567890"));
		assertThat(keyed).isNotEqualTo(BlindMatchScheme.keyed(two, IndicatorType.PHONE, "+6281234567890"))
				.isNotEqualTo(BlindMatchScheme.keyed(one, IndicatorType.BANK_ACCOUNT, "+6281234567890"))
				.doesNotContain("6281234567890");
	}
}
