package org.tipx.flows.web;

import java.util.List;

import org.tipx.flows.internal.TransferRows;
import org.tipx.shared.InvalidInputException.FieldError;

/** A tagged address in the same canonical form as transfers, so tags and transfers meet. */
final class Addresses {

	private Addresses() {
	}

	static String canonical(String chain, String address, List<FieldError> errors) {
		return TransferRows.canonicalAddress(chain, address == null ? "" : address.trim(), "address", errors);
	}
}
