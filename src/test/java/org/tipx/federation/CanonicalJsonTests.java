package org.tipx.federation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/**
 * What is signed is one byte form of a document, whatever its layout: members sorted, no whitespace, minimal escapes.
 */
class CanonicalJsonTests {

	@Test
	void membersAreSortedAndWhitespaceGoesSoTwoLayoutsOfOneDocumentSignTheSameBytes() {
		String a = CanonicalJson.text(CanonicalJson.parse("{ \"b\": [1, true, null], \"a\": {\"d\": \"x\", \"c\": 2} }"));
		String b = CanonicalJson.text(CanonicalJson.parse("{\"a\":{\"c\":2,\"d\":\"x\"},\"b\":[1,true,null]}"));
		assertThat(a).isEqualTo(b).isEqualTo("{\"a\":{\"c\":2,\"d\":\"x\"},\"b\":[1,true,null]}");
	}

	@Test
	void stringsAreEscapedOnlyWhereJsonRequiresIt() {
		String text = CanonicalJson.text(CanonicalJson.parse("{\"s\":\"\\u0041é/\\\"\\\\\\n\\u0001\"}"));
		assertThat(text).isEqualTo("{\"s\":\"Aé/\\\"\\\\\\n\\u0001\"}");
	}

	@Test
	void aDuplicatedMemberNameAFractionOrSomethingThatIsNotAnObjectIsRefused() {
		assertThatThrownBy(() -> CanonicalJson.parse("{\"a\":1,\"a\":2}")).isInstanceOf(IllegalArgumentException.class);
		assertThatThrownBy(() -> CanonicalJson.text(CanonicalJson.parse("{\"a\":1.5}")))
				.isInstanceOf(IllegalArgumentException.class);
		assertThatThrownBy(() -> CanonicalJson.parse("[1]")).hasMessageContaining("not a JSON object");
		assertThatThrownBy(() -> CanonicalJson.parse("{\"a\":")).hasMessageContaining("not valid JSON");
	}
}
