package org.tipx.signals.stix;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The cyber-observable types tipx adds to STIX 2.1 (§7.3, new SCOs through an extension definition): phone numbers,
 * cryptocurrency wallets and bank accounts, which STIX does not define. The type names are those OpenCTI uses for the
 * same things, so OpenCTI reads them as its own; the extension definitions have fixed ids and tipx ships them in every
 * bundle that uses them. Each type's properties are described by a JSON schema in
 * {@code src/main/resources/stix/} and in docs/stix.md. Id-contributing property of all three: {@code value}.
 */
public enum TipxObservables {

	PHONE_NUMBER("phone-number", "extension-definition--629173ad-00ea-4176-8781-24e593c9532b", "Phone number",
			"A telephone number in E.164 form, as tipx reduces it (+85512345678)."),
	CRYPTOCURRENCY_WALLET("cryptocurrency-wallet", "extension-definition--c2d832f5-25f6-4dc7-ba56-294caad9ccd1",
			"Cryptocurrency wallet", "A wallet address in tipx's canonical form (EVM addresses in lower case), with its"
					+ " chain where the reporter named it."),
	BANK_ACCOUNT("bank-account", "extension-definition--13e80fa5-b9b1-4fc2-9c5d-86ddd7f18b56", "Bank account",
			"A bank account: an IBAN in electronic form, or the country and the account number (TH:1234567890).");

	/** The identity that creates tipx's extension definitions: the tipx project, not an installation. */
	public static final String TIPX_IDENTITY = "identity--fae238ce-ea3a-4e16-9628-cd13443f92ec";

	/** Where the normative description of the types lives. */
	static final String SCHEMA_BASE = "https://github.com/tipx-project/tipx/blob/main/docs/stix.md#";

	private static final String DEFINED = "2026-12-01T00:00:00.000Z";

	private final String type;

	private final String extensionId;

	private final String title;

	private final String description;

	TipxObservables(String type, String extensionId, String title, String description) {
		this.type = type;
		this.extensionId = extensionId;
		this.title = title;
		this.description = description;
	}

	public String type() {
		return type;
	}

	public String extensionId() {
		return extensionId;
	}

	/** The JSON schema of the type's properties, on the class path. */
	public String schemaResource() {
		return "stix/" + type + ".json";
	}

	public static Optional<TipxObservables> ofType(String type) {
		for (TipxObservables t : values()) {
			if (t.type.equals(type)) {
				return Optional.of(t);
			}
		}
		return Optional.empty();
	}

	/** The extension-definition object for the type. */
	public Map<String, Object> definition() {
		Map<String, Object> definition = new LinkedHashMap<>();
		definition.put("type", "extension-definition");
		definition.put("spec_version", "2.1");
		definition.put("id", extensionId);
		definition.put("created_by_ref", TIPX_IDENTITY);
		definition.put("created", DEFINED);
		definition.put("modified", DEFINED);
		definition.put("name", "tipx " + title.toLowerCase());
		definition.put("description", description);
		definition.put("schema", SCHEMA_BASE + type);
		definition.put("version", "1.0");
		definition.put("extension_types", List.of("new-sco"));
		return definition;
	}

	/** The identity object of the tipx project, which every extension definition names as its creator. */
	public static Map<String, Object> tipxIdentity() {
		Map<String, Object> identity = new LinkedHashMap<>();
		identity.put("type", "identity");
		identity.put("spec_version", "2.1");
		identity.put("id", TIPX_IDENTITY);
		identity.put("created", DEFINED);
		identity.put("modified", DEFINED);
		identity.put("name", "tipx");
		identity.put("description", "The tipx project, which defines tipx's STIX extensions.");
		identity.put("identity_class", "system");
		return identity;
	}
}
