package org.tipx.flows.web;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import org.tipx.flows.internal.Tracing;
import org.tipx.shared.InvalidInputException;

/**
 * The trace form's seeds: one a line, a transaction and optionally the amount of it that is the victim's, separated
 * by spaces, a comma or a semicolon ({@code 0xabc… 1000}). Without an amount the whole transaction is traced.
 */
final class SeedLines {

	static final int MOST = 500;

	private SeedLines() {
	}

	static List<Tracing.SeedRequest> read(String text) {
		List<Tracing.SeedRequest> seeds = new ArrayList<>();
		String[] lines = text == null ? new String[0] : text.split("\\r?\\n");
		for (int i = 0; i < lines.length; i++) {
			String line = lines[i].strip();
			if (line.isEmpty()) {
				continue;
			}
			String[] parts = line.split("[\\s,;]+");
			if (parts.length > 2) {
				throw new InvalidInputException("seeds", "line " + (i + 1) + ": a transaction and at most one amount");
			}
			BigDecimal amount = null;
			if (parts.length == 2) {
				try {
					amount = new BigDecimal(parts[1]);
				}
				catch (NumberFormatException notANumber) {
					throw new InvalidInputException("seeds", "line " + (i + 1) + ": the amount is not a number");
				}
				if (amount.signum() <= 0) {
					throw new InvalidInputException("seeds", "line " + (i + 1) + ": the amount must be more than 0");
				}
			}
			seeds.add(new Tracing.SeedRequest(parts[0], amount));
		}
		if (seeds.isEmpty()) {
			throw new InvalidInputException("seeds", "at least one transaction, one a line");
		}
		if (seeds.size() > MOST) {
			throw new InvalidInputException("seeds", "at most " + MOST + " lines");
		}
		return seeds;
	}
}
