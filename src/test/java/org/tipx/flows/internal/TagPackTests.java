package org.tipx.flows.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

import org.tipx.shared.InvalidInputException;
import org.tipx.shared.Tlp;

/** GraphSense TagPacks mapped onto tipx tags, header fields inherited, and bad files refused with line and field. */
class TagPackTests {

	static final String PACK = """
			title: Scam compound cash-out points
			creator: FIU test team
			source: https://example.org/report
			network: TRX
			currency: USDT
			lastmod: 2024-05-01
			category: exchange
			tags:
			  - address: TXYZa1
			    label: Exchange A hot wallet
			  - address: TXYZa2
			    label: Tornado-like mixer
			    category: mixing_service
			  - address: TXYZa3
			    label: Pig-butchering collection wallet
			    category: scam
			    source: https://example.org/other
			  - address: 0xabc
			    label: A gambling site
			    network: ETH
			    category: gambling
			  - address: TXYZa4
			    label: OTC broker
			    category: otc_broker
			  - address: bc1qxyz
			    label: Something on Litecoin
			    network: LTC
			""";

	@Test
	void headerFieldsAreInheritedAndCategoriesMapOntoTipxTags() {
		TagPack pack = TagPack.read(PACK);

		assertThat(pack.title()).isEqualTo("Scam compound cash-out points");
		assertThat(pack.mapped()).extracting(e -> e.address() + " " + e.chain() + " " + e.tag() + " " + e.source())
				.containsExactly("TXYZa1 tron exchange https://example.org/report",
						"TXYZa2 tron mixer https://example.org/report",
						"TXYZa3 tron scam https://example.org/other",
						"TXYZa4 tron otc https://example.org/report");
	}

	@Test
	void aPublicPackIsSharedWithEveryTipxOrganisationAndAPrivateOneStaysWithTheImporter() {
		TagPack publicPack = TagPack.read(PACK.replace("tags:\n", "is_public: true\ntags:\n"));
		TagPack privatePack = TagPack.read(PACK.replace("tags:\n", "is_public: false\ntags:\n"));
		TagPack unmarked = TagPack.read(PACK);

		assertThat(publicPack.tlp(null)).isEqualTo(Tlp.GREEN);
		assertThat(publicPack.tlp("amber")).as("a caller may narrow a public pack").isEqualTo(Tlp.AMBER);
		assertThat(privatePack.tlp(null)).isEqualTo(Tlp.AMBER_STRICT);
		assertThat(unmarked.tlp(null)).as("absent is_public is false, as in graphsense-tagpack-tool")
				.isEqualTo(Tlp.AMBER_STRICT);
		assertThatThrownBy(() -> privatePack.tlp("GREEN")).isInstanceOfSatisfying(InvalidInputException.class,
				e -> assertThat(e.errors()).extracting(InvalidInputException.FieldError::field).containsExactly("tlp"));
		assertThatThrownBy(() -> TagPack.read(PACK.replace("tags:\n", "is_public: maybe\ntags:\n")))
				.isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.errors())
						.extracting(InvalidInputException.FieldError::field).containsExactly("is_public"));
	}

	@Test
	void unknownCategoriesAndNetworksAreListedNotDropped() {
		TagPack pack = TagPack.read(PACK);

		assertThat(pack.unmapped()).extracting(u -> u.index() + " " + u.category())
				.containsExactly("3 gambling", "5 exchange");
		assertThat(pack.unmapped().get(0).reason()).contains("gambling has no tipx tag");
		assertThat(pack.unmapped().get(1).reason()).contains("network LTC");
	}

	@Test
	void aMissingLabelNamesTheTagAndItsLine() {
		String pack = """
				title: t
				creator: c
				source: s
				network: TRX
				category: exchange
				tags:
				  - address: TXYZa1
				    label: fine
				  - address: TXYZa2
				""";
		assertThatThrownBy(() -> TagPack.read(pack)).isInstanceOfSatisfying(InvalidInputException.class,
				e -> assertThat(e.errors()).extracting(f -> f.field() + ": " + f.message())
						.containsExactly("tags[1].label: required, in the tag or the header (tag at line 9)"));
	}

	@Test
	void malformedYamlNamesTheLine() {
		assertThatThrownBy(() -> TagPack.read("title: t\ncreator: c\ntags:\n  - address: [unclosed\n"))
				.isInstanceOfSatisfying(InvalidInputException.class,
						e -> assertThat(e.errors().get(0).message()).startsWith("line "));
		assertThatThrownBy(() -> TagPack.read("title: t\ntitle: u\ncreator: c\ntags: []\n"))
				.isInstanceOfSatisfying(InvalidInputException.class,
						e -> assertThat(e.errors()).extracting(f -> f.field() + ": " + f.message())
								.containsExactly("title: duplicate key (line 2)"));
	}

	@Test
	void noTypesAreConstructedAndABillionLaughsFileIsRefused() {
		assertThatThrownBy(() -> TagPack.read("!!javax.script.ScriptEngineManager [!!java.net.URLClassLoader [[]]]"))
				.isInstanceOf(InvalidInputException.class);
		StringBuilder laughs = new StringBuilder("a: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n");
		for (char c = 'b'; c <= 'k'; c++) {
			char p = (char) (c - 1);
			laughs.append(c).append(": &").append(c).append(" [*").append(p).append(",*").append(p).append(",*")
					.append(p).append(",*").append(p).append(",*").append(p).append(",*").append(p).append(",*")
					.append(p).append(",*").append(p).append(",*").append(p).append("]\n");
		}
		laughs.append("title: t\ncreator: c\ntags: *k\n");
		assertThatThrownBy(() -> TagPack.read(laughs.toString())).isInstanceOfSatisfying(InvalidInputException.class,
				e -> assertThat(e.errors().get(0).message()).containsIgnoringCase("alias"));
	}
}
