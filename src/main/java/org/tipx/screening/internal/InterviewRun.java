package org.tipx.screening.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.javarosa.core.model.Constants;
import org.javarosa.core.model.FormDef;
import org.javarosa.core.model.SelectChoice;
import org.javarosa.core.model.data.DateData;
import org.javarosa.core.model.data.IAnswerData;
import org.javarosa.core.model.data.IntegerData;
import org.javarosa.core.model.data.SelectMultiData;
import org.javarosa.core.model.data.SelectOneData;
import org.javarosa.core.model.data.StringData;
import org.javarosa.core.model.data.helper.Selection;
import org.javarosa.core.model.instance.InstanceInitializationFactory;
import org.javarosa.core.model.instance.TreeElement;
import org.javarosa.form.api.FormEntryController;
import org.javarosa.form.api.FormEntryModel;
import org.javarosa.form.api.FormEntryPrompt;
import org.javarosa.model.xform.XFormSerializingVisitor;
import org.tipx.shared.InvalidInputException.FieldError;

/**
 * Runs one interview through JavaRosa as ODK Collect does: steps through the form with a
 * {@link FormEntryController}, answering each question the skip logic makes relevant, so relevance, constraints,
 * required answers and calculations all come from the XForm. Answers to questions that never became relevant are
 * ignored and reported as warnings.
 */
public final class InterviewRun {

	/** Largest answer accepted for any one question. */
	static final int MAX_ANSWER = 4000;

	private InterviewRun() {
	}

	/**
	 * Runs the interview.
	 *
	 * @param form     the form version
	 * @param language the language to run it in (constraint messages come in it)
	 * @param answers  answers by question name; a multiple choice is its values separated by spaces
	 */
	public static Result run(ScreeningForm form, FormLanguage language, Map<String, String> answers) {
		FormDef def = form.fresh();
		def.initialize(true, new InstanceInitializationFactory());
		FormEntryModel model = new FormEntryModel(def);
		FormEntryController controller = new FormEntryController(model);
		controller.setLanguage(language.name());

		List<FieldError> errors = new ArrayList<>();
		List<String> warnings = new ArrayList<>();
		Set<String> asked = new HashSet<>();
		int event;
		while ((event = controller.stepToNextEvent()) != FormEntryController.EVENT_END_OF_FORM) {
			if (event != FormEntryController.EVENT_QUESTION) {
				continue;
			}
			FormEntryPrompt prompt = model.getQuestionPrompt();
			String name = prompt.getIndex().getReference().getNameLast();
			asked.add(name);
			if (prompt.isReadOnly()) {
				continue;
			}
			String given = answers.get(name);
			if (given == null || given.isBlank()) {
				if (prompt.isRequired()) {
					errors.add(new FieldError(name, "is required"));
				}
				continue;
			}
			if (CountryQuestions.refuses(name, given.strip())) {
				errors.add(new FieldError(name, CountryQuestions.reason(given.strip())));
				continue;
			}
			IAnswerData data;
			try {
				data = answer(prompt, given.strip());
			}
			catch (IllegalArgumentException refused) {
				errors.add(new FieldError(name, refused.getMessage()));
				continue;
			}
			int result = controller.answerQuestion(data, true);
			if (result == FormEntryController.ANSWER_CONSTRAINT_VIOLATED) {
				String message = prompt.getConstraintText();
				errors.add(new FieldError(name, message == null ? "does not meet the question's constraint"
						: "does not meet the question's constraint: " + message));
			}
			else if (result == FormEntryController.ANSWER_REQUIRED_BUT_EMPTY) {
				errors.add(new FieldError(name, "is required"));
			}
		}
		Map<String, TreeElement> nodes = new LinkedHashMap<>();
		collect(def.getMainInstance().getRoot(), nodes);
		for (String name : answers.keySet()) {
			if (asked.contains(name)) {
				continue;
			}
			TreeElement node = nodes.get(name);
			if (node == null || node.getNumChildren() > 0) {
				errors.add(new FieldError(name, "is not a question of form " + form.formId()));
			}
			else if (isCalculated(def, name)) {
				errors.add(new FieldError(name, "is worked out by the form, not answered"));
			}
			else {
				warnings.add(name + ": answer ignored, the question does not apply to this interview (skip logic)");
			}
		}
		if (!errors.isEmpty()) {
			return new Result(language, Map.of(), warnings, errors, null);
		}
		def.postProcessInstance();
		Map<String, String> values = new LinkedHashMap<>();
		collect(def.getMainInstance().getRoot(), nodes);
		nodes.forEach((name, node) -> {
			if (node.getNumChildren() == 0 && node.isRelevant() && node.getValue() != null) {
				values.put(name, node.getValue().uncast().getString());
			}
		});
		return new Result(language, values, warnings, errors, instanceXml(def));
	}

	private static boolean isCalculated(FormDef def, String name) {
		return "indicators_yes".equals(name) || "child".equals(name) || "instanceID".equals(name);
	}

	private static IAnswerData answer(FormEntryPrompt prompt, String given) {
		if (given.length() > MAX_ANSWER) {
			throw new IllegalArgumentException("is longer than " + MAX_ANSWER + " characters");
		}
		int control = prompt.getControlType();
		if (control == Constants.CONTROL_SELECT_ONE) {
			return new SelectOneData(selection(prompt, given));
		}
		if (control == Constants.CONTROL_SELECT_MULTI) {
			List<Selection> selections = new ArrayList<>();
			Set<String> seen = new HashSet<>();
			for (String value : given.split("\\s+")) {
				if (seen.add(value)) {
					selections.add(selection(prompt, value));
				}
			}
			return new SelectMultiData(selections);
		}
		return switch (prompt.getDataType()) {
			case Constants.DATATYPE_DATE -> {
				try {
					LocalDate date = LocalDate.parse(given);
					yield new DateData(Date.from(date.atStartOfDay(ZoneId.systemDefault()).toInstant()));
				}
				catch (DateTimeParseException e) {
					throw new IllegalArgumentException("'" + given + "' is not a date (YYYY-MM-DD)");
				}
			}
			case Constants.DATATYPE_INTEGER -> {
				try {
					yield new IntegerData(Integer.parseInt(given));
				}
				catch (NumberFormatException e) {
					throw new IllegalArgumentException("'" + given + "' is not a whole number");
				}
			}
			default -> new StringData(given);
		};
	}

	private static Selection selection(FormEntryPrompt prompt, String value) {
		for (SelectChoice choice : prompt.getSelectChoices()) {
			if (choice.getValue().equals(value)) {
				return choice.selection();
			}
		}
		List<String> allowed = prompt.getSelectChoices().stream().map(SelectChoice::getValue).toList();
		throw new IllegalArgumentException("'" + value + "' is not one of the choices " + allowed);
	}

	private static void collect(TreeElement element, Map<String, TreeElement> nodes) {
		for (int i = 0; i < element.getNumChildren(); i++) {
			TreeElement child = element.getChildAt(i);
			nodes.put(child.getName(), child);
			collect(child, nodes);
		}
	}

	private static byte[] instanceXml(FormDef def) {
		try {
			return new XFormSerializingVisitor().serializeInstance(def.getInstance());
		}
		catch (IOException e) {
			throw new UncheckedIOException("cannot serialise the interview", e);
		}
	}

	/**
	 * What the engine made of an interview.
	 *
	 * @param language the language it ran in
	 * @param values   every relevant, answered or calculated leaf by name (a multiple choice: values separated by
	 *                 spaces)
	 * @param warnings answers ignored, and why
	 * @param errors   answers refused; when any, nothing else is set
	 * @param instance the completed XForm instance as ODK would submit it
	 */
	public record Result(FormLanguage language, Map<String, String> values, List<String> warnings,
			List<FieldError> errors, byte[] instance) {

		public boolean accepted() {
			return errors.isEmpty();
		}
	}
}
