package org.tipx.signals.canonical;

import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.bitcoinj.base.Base58;
import org.bitcoinj.base.BitcoinNetwork;
import org.bitcoinj.base.Bech32;
import org.bitcoinj.base.LegacyAddress;
import org.bitcoinj.base.SegwitAddress;
import org.bitcoinj.base.exceptions.AddressFormatException;
import org.web3j.crypto.Keys;

import org.tipx.signals.Chain;
import org.tipx.signals.IndicatorType;

/**
 * Wallet addresses with their real checksums: Bitcoin Base58Check and bech32/bech32m (bitcoinj), EVM EIP-55
 * (web3j), Tron Base58Check with the 0x41 prefix. The chain is detected from the address and checked against the one
 * given.
 *
 * <p>
 * Canonical forms: Bitcoin Base58 addresses as typed (the alphabet is case-sensitive); bech32 in lower case (BIP-173
 * forbids mixed case and gives lower case as the form to show); Tron in its usual {@code T...} form; EVM addresses in
 * lower case, so the checksummed and the all-lower spellings link, and one address links across Ethereum, BSC and
 * Polygon, as it is one key holder on all of them. The EIP-55 spelling is kept in the details for explorers.
 */
final class CryptoAddresses implements Canonicaliser {

	private static final Pattern EVM = Pattern.compile("^0[xX]([0-9a-fA-F]{40})$");

	private static final Pattern EVM_LIKE = Pattern.compile("^0[xX][0-9a-fA-F]*$");

	private static final Pattern TRON = Pattern.compile("^T[1-9A-HJ-NP-Za-km-z]{33}$");

	private static final Pattern TRON_HEX = Pattern.compile("^41[0-9a-fA-F]{40}$");

	private static final Pattern BASE58 = Pattern.compile("^[13][1-9A-HJ-NP-Za-km-z]{24,34}$");

	/** BIP-21 bitcoin:, EIP-681 ethereum: (with @chainId and /transfer), tron: payment links. */
	private static final Pattern PAYMENT_LINK = Pattern.compile(
			"^(bitcoin|ethereum|tron):(?:pay-)?([^@/?]+)(?:@([0-9]+))?(/transfer)?(?:\\?(.*))?$", Pattern.CASE_INSENSITIVE);

	private static final Map<String, Chain> EVM_CHAIN_IDS = Map.of("1", Chain.ETHEREUM, "56", Chain.BSC, "137",
			Chain.POLYGON);

	private static final String KNOWN = "Bitcoin (1..., 3..., bc1...), EVM (0x... on Ethereum, BSC, Polygon) or Tron (T...)";

	@Override
	public IndicatorType type() {
		return IndicatorType.CRYPTO_ADDRESS;
	}

	@Override
	public Canonical canonicalise(RawIndicator indicator) {
		Trail trail = new Trail(IndicatorType.CRYPTO_ADDRESS);
		Chain given = indicator.chain();
		String text = indicator.value();
		Matcher link = PAYMENT_LINK.matcher(text);
		if (link.matches()) {
			text = link.group(2);
			trail.step("took the address from the " + link.group(1).toLowerCase(Locale.ROOT) + ": payment link");
			if (link.group(4) != null && link.group(5) != null) {
				String recipient = parameter(link.group(5), "address");
				if (recipient != null) {
					text = recipient;
					trail.step("a token transfer request: took the recipient, not the token contract");
				}
			}
			Chain byId = link.group(3) == null ? null : EVM_CHAIN_IDS.get(link.group(3));
			if (byId != null && given == null) {
				given = byId;
				trail.step("chain id " + link.group(3) + " is " + byId.wire());
			}
		}
		if (text.chars().anyMatch(Character::isWhitespace)) {
			text = text.replaceAll("\\s+", "");
			trail.step("removed spaces and line breaks inside the address");
		}
		if (EVM_LIKE.matcher(text).matches()) {
			return evm(trail, text, given);
		}
		String lower = text.toLowerCase(Locale.ROOT);
		if (lower.startsWith("bc1") || lower.startsWith("tb1") || lower.startsWith("bcrt1")) {
			return bech32(trail, text, given);
		}
		if (TRON.matcher(text).matches() || TRON_HEX.matcher(text).matches()) {
			return tron(trail, text, given);
		}
		if (BASE58.matcher(text).matches()) {
			return base58(trail, text, given);
		}
		if (given != null) {
			return trail.invalid(text, "not " + article(given) + " address; tipx checks " + KNOWN);
		}
		return trail.invalid(text, "not an address tipx can check: " + KNOWN);
	}

	private static Canonical evm(Trail trail, String text, Chain given) {
		Matcher m = EVM.matcher(text);
		if (!m.matches()) {
			return trail.invalid(text, "an EVM address is 0x and 40 hex digits; this has " + (text.length() - 2));
		}
		if (given != null && !given.evm()) {
			return trail.invalid(text, "an EVM address (0x...), but the chain given is " + given.wire());
		}
		String hex = m.group(1);
		String lower = hex.toLowerCase(Locale.ROOT);
		String checksummed = Keys.toChecksumAddress("0x" + lower);
		boolean oneCase = hex.equals(lower) || hex.equals(hex.toUpperCase(Locale.ROOT));
		if (!oneCase && !checksummed.equals("0x" + hex)) {
			return trail.invalid("0x" + hex, "the EIP-55 checksum fails: the mix of capitals does not match, so a "
					+ "character was probably mistyped");
		}
		trail.step(oneCase ? "all one case: carries no EIP-55 checksum, which EIP-55 allows"
				: "checked the EIP-55 checksum (the mix of capitals)");
		trail.step("lower-cased: one address on every EVM chain, checksummed or not");
		trail.detail("chain", given == null ? "evm" : given.wire()).detail("eip55", checksummed);
		return trail.valid("0x" + lower);
	}

	private static Canonical bech32(Trail trail, String text, Chain given) {
		if (given != null && given != Chain.BITCOIN) {
			return trail.invalid(text, "a Bitcoin address (bc1...), but the chain given is " + given.wire());
		}
		String lower = text.toLowerCase(Locale.ROOT);
		if (!text.equals(lower) && !text.equals(text.toUpperCase(Locale.ROOT))) {
			return trail.invalid(text, "mixes capitals and small letters, which bech32 forbids (BIP-173)");
		}
		if (!lower.startsWith("bc1")) {
			return trail.invalid(lower, "a Bitcoin test network address: it holds no real money");
		}
		try {
			Bech32.Bech32Data data = Bech32.decode(lower);
			int version = data.bytes().length == 0 ? -1 : data.bytes()[0];
			if (version == 0 && data.encoding != Bech32.Encoding.BECH32) {
				return trail.invalid(lower, "a version 0 SegWit address uses the bech32 checksum (BIP-173), this one "
						+ "has bech32m: a character was probably mistyped");
			}
			if (version > 0 && data.encoding != Bech32.Encoding.BECH32M) {
				return trail.invalid(lower, "a version " + version + (version == 1 ? " (Taproot)" : "")
						+ " address uses the bech32m checksum (BIP-350), this one has bech32");
			}
			SegwitAddress address = SegwitAddress.fromBech32(lower, BitcoinNetwork.MAINNET);
			trail.step("checked the " + (data.encoding == Bech32.Encoding.BECH32M ? "bech32m (BIP-350)" : "bech32 (BIP-173)")
					+ " checksum");
			if (!text.equals(lower)) {
				trail.step("lower-cased, the form bech32 addresses are shown in");
			}
			trail.detail("chain", "bitcoin").detail("addressType", address.getOutputScriptType().name().toLowerCase(Locale.ROOT))
					.detail("witnessVersion", String.valueOf(address.getWitnessVersion()));
			return trail.valid(lower);
		}
		catch (AddressFormatException e) {
			return trail.invalid(lower, bitcoinProblem(e, "bech32"));
		}
	}

	private static Canonical base58(Trail trail, String text, Chain given) {
		if (given != null && given != Chain.BITCOIN) {
			return trail.invalid(text, "a Bitcoin address (1... or 3...), but the chain given is " + given.wire());
		}
		try {
			LegacyAddress address = LegacyAddress.fromBase58(text, BitcoinNetwork.MAINNET);
			trail.step("checked the Base58Check checksum");
			trail.detail("chain", "bitcoin").detail("addressType", address.getOutputScriptType().name().toLowerCase(Locale.ROOT));
			return trail.valid(text);
		}
		catch (AddressFormatException e) {
			return trail.invalid(text, bitcoinProblem(e, "Base58Check"));
		}
	}

	private static Canonical tron(Trail trail, String text, Chain given) {
		if (given != null && given != Chain.TRON) {
			return trail.invalid(text, "a Tron address, but the chain given is " + given.wire());
		}
		String address = text;
		if (TRON_HEX.matcher(text).matches()) {
			byte[] hash = HexFormat.of().parseHex(text.substring(2));
			address = Base58.encodeChecked(0x41, hash);
			trail.step("wrote the hex form (41...) in the usual Base58 form (T...)");
		}
		try {
			byte[] payload = Base58.decodeChecked(address);
			if (payload.length != 21 || payload[0] != 0x41) {
				return trail.invalid(text, "not a Tron address: the decoded prefix is not 0x41");
			}
			trail.step("checked the Base58Check checksum and the Tron prefix 0x41");
			trail.detail("chain", "tron");
			return trail.valid(address);
		}
		catch (AddressFormatException e) {
			return trail.invalid(text, e instanceof AddressFormatException.InvalidChecksum
					? "the Base58Check checksum fails: a character was probably mistyped"
					: "not a Tron address: it does not decode as Base58Check");
		}
	}

	private static String bitcoinProblem(AddressFormatException e, String encoding) {
		if (e instanceof AddressFormatException.InvalidChecksum) {
			return "the " + encoding + " checksum fails: a character was probably mistyped";
		}
		if (e instanceof AddressFormatException.WrongNetwork) {
			return "a Bitcoin test network address: it holds no real money";
		}
		if (e instanceof AddressFormatException.InvalidCharacter) {
			return "has a character " + encoding + " does not use";
		}
		return "not a valid Bitcoin address (" + encoding + "): " + e.getMessage();
	}

	private static String parameter(String query, String name) {
		for (String pair : query.split("&")) {
			if (pair.startsWith(name + "=")) {
				return pair.substring(name.length() + 1);
			}
		}
		return null;
	}

	private static String article(Chain chain) {
		return switch (chain) {
			case BITCOIN -> "a Bitcoin";
			case ETHEREUM -> "an Ethereum";
			case TRON -> "a Tron";
			case BSC -> "a BSC";
			case POLYGON -> "a Polygon";
		};
	}
}
