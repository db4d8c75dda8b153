package org.tipx.screening.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashSet;
import java.util.Set;

import org.javarosa.core.model.FormDef;
import org.javarosa.core.model.instance.TreeElement;

import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;
import org.tipx.shared.InvalidInputException;

/**
 * The screening forms tipx serves, each with the rules file of its version. Today one form, {@code tipx-screening}, in
 * one version; a new version is a new XForm with a new rules file, and stored screenings keep the version they ran.
 */
@Component
public class ScreeningCatalogue {

	public static final String FORM_ID = "tipx-screening";

	private final ScreeningForm form;

	private final ScreeningRules rules;

	private final Set<String> questionNames;

	public ScreeningCatalogue() {
		this.form = ScreeningForm.read(open("screening/" + FORM_ID + ".xml"));
		this.questionNames = leafNames(form.fresh());
		this.rules = ScreeningRules.read(open("screening/rules/" + FORM_ID + "-" + form.version() + ".json"), form,
				questionNames);
	}

	/** The form with this id and, if given, this version; a clear error naming the field otherwise. */
	public ScreeningForm form(String formId, String version) {
		if (formId == null || formId.isBlank()) {
			throw new InvalidInputException("formId", "is required (the form is " + FORM_ID + ")");
		}
		if (!FORM_ID.equals(formId)) {
			throw new InvalidInputException("formId", "'" + formId + "' is not a form tipx serves (the form is "
					+ FORM_ID + ")");
		}
		if (version != null && !version.isBlank() && !form.version().equals(version)) {
			throw new InvalidInputException("formVersion", "'" + version + "' is not a version of " + FORM_ID
					+ " (the current version is " + form.version() + ")");
		}
		return form;
	}

	public ScreeningForm current() {
		return form;
	}

	public ScreeningRules rules(ScreeningForm of) {
		return rules;
	}

	/** The names of every leaf of the form's instance. */
	public Set<String> questionNames() {
		return questionNames;
	}

	private static Set<String> leafNames(FormDef def) {
		Set<String> names = new HashSet<>();
		collect(def.getMainInstance().getRoot(), names);
		return Set.copyOf(names);
	}

	private static void collect(TreeElement element, Set<String> names) {
		for (int i = 0; i < element.getNumChildren(); i++) {
			TreeElement child = element.getChildAt(i);
			if (child.getNumChildren() == 0) {
				names.add(child.getName());
			}
			collect(child, names);
		}
	}

	private static InputStream open(String path) {
		try {
			return new ClassPathResource(path).getInputStream();
		}
		catch (IOException e) {
			throw new UncheckedIOException("missing " + path, e);
		}
	}
}
