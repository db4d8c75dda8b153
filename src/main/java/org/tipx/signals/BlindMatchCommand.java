package org.tipx.signals;

import org.tipx.signals.blindmatch.BlindMatchClient;

/**
 * The {@code blind-match} command of the tipx jar (ADR 0033), run by {@code TipxApplication} before Spring starts:
 * the signal exchange's published entry point for partners trying matching without disclosure.
 */
public final class BlindMatchCommand {

	public static final String NAME = "blind-match";

	private BlindMatchCommand() {
	}

	/** Runs the client with the arguments after the command's name, and exits with its status. */
	public static void main(String[] args) {
		BlindMatchClient.main(args);
	}
}
