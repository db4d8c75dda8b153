package org.tipx.signals.canonical;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import org.tipx.signals.Chain;
import org.tipx.signals.IndicatorType;

/**
 * Wallet addresses checked with their real checksums, using published test vectors; a flipped character fails.
 */
class CryptoAddressesTests {

	private final Canonicalisers canonicalisers = Canonicalisers.standard();

	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiter = '|', textBlock = """
			1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNa                                 | 1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNa                                 | p2pkh
			3J98t1WpEZ73CNmQviecrnyiWrnqRhWNLy                                 | 3J98t1WpEZ73CNmQviecrnyiWrnqRhWNLy                                 | p2sh
			BC1QW508D6QEJXTDG4Y5R3ZARVARY0C5XW7KV8F3T4                         | bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t4                         | p2wpkh
			bc1qrp33g0q5c5txsp9arysrx4k6zdkfs4nce4xj0gdcccefvpysxf3qccfmv3     | bc1qrp33g0q5c5txsp9arysrx4k6zdkfs4nce4xj0gdcccefvpysxf3qccfmv3     | p2wsh
			bc1p0xlxvlhemja6c4dqv22uapctqupfhlxm9h8z3k2e72q4k9hcz7vqzk5jj0     | bc1p0xlxvlhemja6c4dqv22uapctqupfhlxm9h8z3k2e72q4k9hcz7vqzk5jj0     | p2tr
			""")
	void bitcoinAddressesFromTheGenesisBlockAndBip173AndBip350AreValid(String typed, String canonical, String kind) {
		Canonical address = crypto(typed, null);
		assertThat(address.valid()).as(address.reason()).isTrue();
		assertThat(address.canonical()).isEqualTo(canonical);
		assertThat(address.details()).containsEntry("chain", "bitcoin").containsEntry("addressType", kind);
	}

	@Test
	void aFlippedCharacterFailsTheBitcoinChecksums() {
		assertThat(crypto("1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNb", null).reason()).contains("Base58Check checksum fails");
		assertThat(crypto("bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t5", null).reason()).contains("checksum fails");
		assertThat(crypto("1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNa".toLowerCase(), null).valid()).isFalse();
	}

	@Test
	void bech32AndBech32mAreNotInterchangeable() {
		// BIP-350 invalid vectors: a Taproot address with a bech32 checksum, a v0 address with bech32m.
		assertThat(crypto("bc1p0xlxvlhemja6c4dqv22uapctqupfhlxm9h8z3k2e72q4k9hcz7vqh2y7hd", null).reason())
				.contains("bech32m checksum (BIP-350)");
		assertThat(crypto("bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kemeawh", null).reason())
				.contains("bech32 checksum (BIP-173)");
	}

	@Test
	void mixedCaseBech32AndTestnetAddressesAreInvalid() {
		assertThat(crypto("bc1qW508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t4", null).reason()).contains("BIP-173");
		assertThat(crypto("tb1qw508d6qejxtdg4y5r3zarvary0c5xw7kxpjzsx", null).reason()).contains("test network");
	}

	@ParameterizedTest(name = "{0}")
	@ValueSource(strings = {"0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed", "0xfB6916095ca1df60bB79Ce92cE3Ea74c37c5d359",
			"0xdbF03B407c01E7cD3CBea99509d93f8DDDC8C6FB", "0xD1220A0cf47c7B9Be7A2E6BA89F429762e7b9aDb",
			"0x52908400098527886E0F7030069857D2E4169EE7", "0x8617E340B3D01FA5F11F306F4090FD50E238070D",
			"0xde709f2102306220921060314715629080e2fb77", "0x27b1fdb04752bbc536007a920d24acb045561c26"})
	void eip55TestVectorsAreValidAndLowerCased(String typed) {
		Canonical address = crypto(typed, null);
		assertThat(address.valid()).as(address.reason()).isTrue();
		assertThat(address.canonical()).isEqualTo(typed.toLowerCase());
		assertThat(address.details()).containsEntry("chain", "evm");
	}

	@Test
	void theChecksummedAndTheLowerCaseSpellingLink() {
		String checksummed = crypto("0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed", null).canonical();
		String lower = crypto("0x5aaeb6053f3e94c9b9a09f33669435e7ef1beaed", null).canonical();
		String upper = crypto("0X5AAEB6053F3E94C9B9A09F33669435E7EF1BEAED", null).canonical();
		assertThat(checksummed).isEqualTo(lower).isEqualTo(upper);
		assertThat(crypto(lower, null).details()).containsEntry("eip55", "0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed");
	}

	@Test
	void wrongMixedCaseFailsEip55() {
		Canonical address = crypto("0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAeD", null);
		assertThat(address.valid()).isFalse();
		assertThat(address.reason()).contains("EIP-55 checksum fails");
		assertThat(crypto("0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeA", null).reason()).contains("40 hex digits");
	}

	@Test
	void aGivenEvmChainIsKeptInTheDetailsButNotInTheCanonicalForm() {
		Canonical onBsc = crypto("0x55d398326f99059fF775485246999027B3197955", Chain.BSC);
		assertThat(onBsc.details()).containsEntry("chain", "bsc");
		assertThat(onBsc.canonical()).isEqualTo(crypto("0x55d398326f99059fF775485246999027B3197955", Chain.ETHEREUM)
				.canonical());
	}

	@Test
	void tronAddressesCarryTheirChecksumAndPrefix() {
		Canonical usdt = crypto("TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6t", null);
		assertThat(usdt.valid()).isTrue();
		assertThat(usdt.canonical()).isEqualTo("TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6t");
		assertThat(usdt.details()).containsEntry("chain", "tron");
		assertThat(crypto("TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6u", null).reason()).contains("Base58Check checksum fails");
		assertThat(crypto("41a614f803b6fd780986a42c78ec9c7f77e6ded13c", null).canonical())
				.isEqualTo("TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6t");
	}

	@Test
	void aGivenChainThatDoesNotMatchTheAddressIsInvalid() {
		assertThat(crypto("TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6t", Chain.ETHEREUM).reason())
				.isEqualTo("a Tron address, but the chain given is ethereum");
		assertThat(crypto("0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed", Chain.TRON).valid()).isFalse();
		assertThat(crypto("1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNa", Chain.POLYGON).valid()).isFalse();
		assertThat(crypto("bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t4", Chain.TRON).valid()).isFalse();
	}

	@Test
	void paymentLinksGiveTheAddressAndATokenTransferItsRecipient() {
		assertThat(crypto("bitcoin:1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNa?amount=0.5&label=deposit", null).canonical())
				.isEqualTo("1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNa");
		Canonical transfer = crypto("ethereum:0x55d398326f99059fF775485246999027B3197955@56/transfer"
				+ "?address=0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed&uint256=1e18", null);
		assertThat(transfer.canonical()).isEqualTo("0x5aaeb6053f3e94c9b9a09f33669435e7ef1beaed");
		assertThat(transfer.details()).containsEntry("chain", "bsc");
	}

	@Test
	void anAddressBrokenOverLinesIsJoined() {
		assertThat(crypto("TR7NHqjeKQxGTCi8q8\nZY4pL8otSzgjLj6t", null).canonical())
				.isEqualTo("TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6t");
	}

	@Test
	void addressesOfChainsTipxDoesNotCheckAreInvalid() {
		assertThat(crypto("addr1qx2fxv2umyhttkxyxp8x0dlpdt3k6cwng5pxj3jhsydzer3", null).reason())
				.startsWith("not an address tipx can check");
	}

	private Canonical crypto(String value, Chain chain) {
		return canonicalisers.canonicalise(new RawIndicator(IndicatorType.CRYPTO_ADDRESS, value, null, chain, null));
	}
}
