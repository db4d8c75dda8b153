package org.tipx.screening.internal;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.javarosa.core.model.CoreModelModule;
import org.javarosa.core.model.FormDef;
import org.javarosa.core.services.locale.Localizer;
import org.javarosa.core.services.PrototypeManager;
import org.javarosa.core.util.JavaRosaCoreModule;
import org.javarosa.core.util.externalizable.DeserializationException;
import org.javarosa.core.util.externalizable.ExtUtil;
import org.javarosa.model.xform.XPathReference;
import org.javarosa.xform.parse.XFormParser;
import org.javarosa.xform.util.XFormUtils;
import org.javarosa.xpath.XPathConditional;
import org.javarosa.xpath.XPathParseTool;

/**
 * One version of the screening XForm, parsed once by JavaRosa. JavaRosa's parser fails rather than waits when two
 * parses run at once, so parsing is serialised; each interview then gets its own {@link FormDef}, rebuilt from the
 * serialised definition, so no interview shares form state with another.
 */
public final class ScreeningForm {

	private static final Object PARSING = new Object();

	static {
		// the prototypes JavaRosa needs to rebuild a serialised form definition (conditions, XPath, data types)
		PrototypeManager.registerPrototypes(JavaRosaCoreModule.classNames);
		PrototypeManager.registerPrototypes(CoreModelModule.classNames);
		PrototypeManager.registerPrototypes(new String[] { XPathReference.class.getName(),
				XPathConditional.class.getName() });
		PrototypeManager.registerPrototypes(XPathParseTool.xpathClasses);
	}

	private final byte[] xml;

	private final String formId;

	private final String version;

	private final String title;

	private final byte[] definition;

	private final List<FormLanguage> languages;

	/** The form's texts (itext) by language code and text id. */
	private final Map<String, Map<String, String>> texts;

	private final TypedChoices typed;

	private ScreeningForm(byte[] xml) {
		this.xml = xml;
		FormDef parsed = parse(xml);
		this.formId = parsed.getMainInstance().getRoot().getAttributeValue(null, "id");
		this.version = parsed.getMainInstance().getRoot().getAttributeValue(null, "version");
		this.title = parsed.getTitle();
		this.languages = languages(parsed.getLocalizer());
		this.texts = texts(parsed.getLocalizer(), languages);
		this.typed = new TypedChoices(parsed, texts);
		this.definition = serialise(parsed);
	}

	/** Reads and parses an XForm. */
	public static ScreeningForm read(InputStream in) {
		try (in) {
			return new ScreeningForm(in.readAllBytes());
		}
		catch (IOException e) {
			throw new UncheckedIOException("cannot read the screening form", e);
		}
	}

	static FormDef parse(byte[] xml) {
		synchronized (PARSING) {
			try {
				return XFormUtils.getFormFromInputStream(new ByteArrayInputStream(xml));
			}
			catch (XFormParser.ParseException e) {
				throw new IllegalStateException("the screening form is not a valid XForm: " + e.getMessage(), e);
			}
		}
	}

	/** A fresh form definition for one interview, sharing nothing with any other. */
	public FormDef fresh() {
		try {
			FormDef def = new FormDef();
			def.readExternal(new DataInputStream(new ByteArrayInputStream(definition)), ExtUtil.defaultPrototypes());
			return def;
		}
		catch (IOException | DeserializationException e) {
			throw new IllegalStateException("cannot rebuild the screening form", e);
		}
	}

	public String formId() {
		return formId;
	}

	public String version() {
		return version;
	}

	public String title() {
		return title;
	}

	/** The XForm as served to ODK clients. */
	public byte[] xml() {
		return xml.clone();
	}

	/** The form's MD5 as the OpenRosa form list gives it ({@code md5:...}). */
	public String hash() {
		try {
			return "md5:" + HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(xml));
		}
		catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException(e);
		}
	}

	public List<FormLanguage> languages() {
		return languages;
	}

	/** The language with this BCP 47 tag (case-insensitive), if the form has it. */
	public Optional<FormLanguage> language(String code) {
		if (code == null) {
			return Optional.empty();
		}
		return languages.stream().filter(l -> l.code().equalsIgnoreCase(code.strip())).findFirst();
	}

	public FormLanguage english() {
		return language("en").orElseThrow();
	}

	/**
	 * A text of the form (a question, a choice) in a language of the form, else in English; empty when the form has no
	 * such text. Question texts have the question's name as id ({@code A3}), choices {@code c_} and the value.
	 */
	public Optional<String> text(String id, String languageCode) {
		String code = language(languageCode).map(FormLanguage::code).orElse("en");
		return Optional.ofNullable(texts.get(code).get(id)).or(() -> Optional.ofNullable(texts.get("en").get(id)));
	}

	/**
	 * What an officer typed into choice question {@code name}, read as choice values: a value in any case
	 * ({@code kh}) or a label in any language of the form ({@code Indonesia}); several, comma-separated, for a multiple
	 * choice. Anything that names no choice, or another kind of question, is returned as typed.
	 */
	public String choiceValues(String name, String typed) {
		return this.typed.read(name, typed);
	}

	private static Map<String, Map<String, String>> texts(Localizer localizer, List<FormLanguage> languages) {
		Map<String, Map<String, String>> all = new LinkedHashMap<>();
		for (FormLanguage language : languages) {
			Map<String, String> one = new LinkedHashMap<>();
			localizer.getLocaleData(language.name()).forEach(one::put);
			all.put(language.code(), Map.copyOf(one));
		}
		return Map.copyOf(all);
	}

	private static List<FormLanguage> languages(Localizer localizer) {
		List<FormLanguage> found = new ArrayList<>();
		for (String name : localizer.getAvailableLocales()) {
			found.add(new FormLanguage(name, localizer.getText("_language_code", name),
					localizer.getText("_review_status", name)));
		}
		return List.copyOf(found);
	}

	private static byte[] serialise(FormDef def) {
		try {
			ByteArrayOutputStream bytes = new ByteArrayOutputStream();
			def.writeExternal(new DataOutputStream(bytes));
			return bytes.toByteArray();
		}
		catch (IOException e) {
			throw new UncheckedIOException("cannot serialise the screening form", e);
		}
	}
}
