package org.tipx.screening.internal;

import java.text.Normalizer;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import org.javarosa.core.model.Constants;
import org.javarosa.core.model.FormDef;
import org.javarosa.core.model.IFormElement;
import org.javarosa.core.model.QuestionDef;
import org.javarosa.core.model.SelectChoice;
import org.javarosa.core.model.instance.TreeReference;

/**
 * What an officer types into a choice question, read as the choice it names: its value in any case ({@code kh} for
 * {@code KH}), or its label in any language of the form ({@code Indonesia}, {@code Kamboja}, {@code กัมพูชา}), ignoring
 * case and, in Latin script, accents. A multiple choice takes several, separated by commas (or spaces between values).
 * Anything that names no choice is left as typed, so the engine refuses it with the form's own message.
 */
final class TypedChoices {

	private static final Pattern PARTS = Pattern.compile("[,;、，]");

	private static final Pattern LATIN = Pattern.compile("[\\p{IsLatin}\\p{M}\\p{Zs}\\p{P}\\p{N}]+");

	/** By question name: every way of naming a choice, normalised, to its value. */
	private final Map<String, Map<String, String>> names = new HashMap<>();

	private final Set<String> multiple = new LinkedHashSet<>();

	TypedChoices(FormDef def, Map<String, Map<String, String>> texts) {
		collect(def, texts);
	}

	private void collect(IFormElement element, Map<String, Map<String, String>> texts) {
		if (element instanceof QuestionDef question && question.getChoices() != null
				&& !question.getChoices().isEmpty()
				&& question.getBind() != null && question.getBind().getReference() instanceof TreeReference ref) {
			String name = ref.getNameLast();
			Map<String, String> byName = new HashMap<>();
			for (SelectChoice choice : question.getChoices()) {
				String value = choice.getValue();
				add(byName, value, value);
				if (choice.getTextID() != null) {
					texts.values().forEach(inLanguage -> {
						String label = inLanguage.get(choice.getTextID());
						if (label != null) {
							add(byName, label, value);
						}
					});
				}
				else if (choice.getLabelInnerText() != null) {
					add(byName, choice.getLabelInnerText(), value);
				}
			}
			names.put(name, byName);
			if (question.getControlType() == Constants.CONTROL_SELECT_MULTI) {
				multiple.add(name);
			}
		}
		if (element.getChildren() != null) {
			element.getChildren().forEach(child -> collect(child, texts));
		}
	}

	private static void add(Map<String, String> byName, String name, String value) {
		byName.putIfAbsent(key(name), value);
		if (LATIN.matcher(name).matches()) {
			byName.putIfAbsent(key(stripAccents(name)), value);
		}
	}

	/** The answer typed to question {@code name} as choice values; as typed when it names no choice. */
	String read(String name, String typed) {
		Map<String, String> byName = names.get(name);
		if (byName == null || typed == null || typed.isBlank()) {
			return typed;
		}
		if (!multiple.contains(name)) {
			return one(byName, typed).orElse(typed);
		}
		Set<String> values = new LinkedHashSet<>();
		for (String part : PARTS.split(typed)) {
			if (part.isBlank()) {
				continue;
			}
			var whole = one(byName, part);
			if (whole.isPresent()) {
				values.add(whole.get());
				continue;
			}
			for (String token : part.strip().split("\\s+")) {
				var value = one(byName, token);
				if (value.isEmpty()) {
					return typed;
				}
				values.add(value.get());
			}
		}
		return String.join(" ", values);
	}

	private static Optional<String> one(Map<String, String> byName, String typed) {
		String key = key(typed);
		String found = byName.get(key);
		if (found == null && LATIN.matcher(typed).matches()) {
			found = byName.get(key(stripAccents(typed)));
		}
		return Optional.ofNullable(found);
	}

	private static String key(String text) {
		return Normalizer.normalize(text, Normalizer.Form.NFKC).strip().replaceAll("\\s+", " ")
				.toLowerCase(Locale.ROOT);
	}

	private static String stripAccents(String text) {
		return Normalizer.normalize(text, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
	}
}
