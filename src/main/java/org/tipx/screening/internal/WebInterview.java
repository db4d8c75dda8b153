package org.tipx.screening.internal;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.javarosa.core.model.Constants;
import org.javarosa.core.model.FormDef;
import org.javarosa.core.model.IFormElement;
import org.javarosa.core.model.SelectChoice;
import org.javarosa.core.model.data.DateData;
import org.javarosa.core.model.data.IAnswerData;
import org.javarosa.core.model.data.IntegerData;
import org.javarosa.core.model.data.SelectMultiData;
import org.javarosa.core.model.data.SelectOneData;
import org.javarosa.core.model.data.StringData;
import org.javarosa.core.model.data.helper.Selection;
import org.javarosa.core.model.instance.InstanceInitializationFactory;
import org.javarosa.core.model.instance.TreeReference;
import org.javarosa.core.services.locale.Localizer;
import org.javarosa.form.api.FormEntryCaption;
import org.javarosa.form.api.FormEntryController;
import org.javarosa.form.api.FormEntryModel;
import org.javarosa.form.api.FormEntryPrompt;

/**
 * The officer's web interview as JavaRosa sees it: replays a draft's answers into a fresh form definition, stepping
 * through it with a {@link FormEntryController} as ODK Collect does, and reports the groups the skip logic makes
 * relevant, each with its relevant questions, their labels in the officer's and the interviewee's language, the answer
 * given and the engine's objection to it. Nothing here evaluates an XPath expression: relevance, required answers and
 * constraints all come from the engine.
 */
public final class WebInterview {

	/**
	 * Questions the officer answers on the start page (whether an interpreter helps): answered into the form like any
	 * other, but not asked again on the interview's screens.
	 */
	static final Set<String> ASKED_AT_START = Set.of("interpreter_used");

	private WebInterview() {
	}

	/**
	 * Walks the form with the answers given.
	 *
	 * @param answers answers by question name, as typed (a multiple choice: values separated by spaces)
	 * @param officer the officer's language: questions, choices and constraint messages in it
	 * @param person  the interviewee's language, shown beside the officer's
	 */
	public static Walk walk(ScreeningForm form, Map<String, String> answers, FormLanguage officer,
			FormLanguage person) {
		FormDef def = form.fresh();
		def.initialize(true, new InstanceInitializationFactory());
		FormEntryModel model = new FormEntryModel(def);
		FormEntryController controller = new FormEntryController(model);
		controller.setLanguage(officer.name());
		Localizer localizer = def.getLocalizer();

		List<Group> groups = new ArrayList<>();
		Map<String, List<Question>> questions = new LinkedHashMap<>();
		int event;
		while ((event = controller.stepToNextEvent()) != FormEntryController.EVENT_END_OF_FORM) {
			if (event == FormEntryController.EVENT_GROUP) {
				FormEntryCaption caption = model.getCaptionPrompt();
				String name = caption.getIndex().getReference().getNameLast();
				List<Question> inGroup = new ArrayList<>();
				questions.put(name, inGroup);
				String textId = caption.getFormElement().getTextID();
				groups.add(new Group(name, caption.getLongText(), translated(localizer, textId, person,
						caption.getLongText()), inGroup));
				continue;
			}
			if (event != FormEntryController.EVENT_QUESTION) {
				continue;
			}
			FormEntryPrompt prompt = model.getQuestionPrompt();
			var reference = prompt.getIndex().getReference();
			String name = reference.getNameLast();
			String group = reference.size() > 2 ? reference.getName(1) : null;
			List<Question> inGroup = questions.get(group);
			if (inGroup == null) {
				continue;
			}
			String given = answers.get(name);
			String error = null;
			if (!prompt.isReadOnly() && given != null && CountryQuestions.refuses(name, given.strip())) {
				String message = prompt.getConstraintText();
				error = message == null ? Question.CONSTRAINT : message;
			}
			else if (!prompt.isReadOnly() && given != null && !given.isBlank()) {
				try {
					int result = controller.answerQuestion(data(prompt, given.strip()), true);
					if (result == FormEntryController.ANSWER_CONSTRAINT_VIOLATED) {
						String message = prompt.getConstraintText();
						error = message == null ? Question.CONSTRAINT : message;
					}
				}
				catch (IllegalArgumentException refused) {
					error = Question.CONSTRAINT;
				}
			}
			if (!ASKED_AT_START.contains(name)) {
				inGroup.add(question(prompt, name, given, error, localizer, person));
			}
		}
		List<String> order = new ArrayList<>();
		for (IFormElement element : def.getChildren()) {
			if (element.getBind() != null && element.getBind().getReference() instanceof TreeReference reference) {
				order.add(reference.getNameLast());
			}
		}
		return new Walk(List.copyOf(groups), List.copyOf(order));
	}

	private static Question question(FormEntryPrompt prompt, String name, String given, String error,
			Localizer localizer, FormLanguage person) {
		String officerText = prompt.getLongText();
		String personText = translated(localizer, prompt.getFormElement().getTextID(), person, officerText);
		List<Choice> choices = new ArrayList<>();
		List<String> chosen = given == null ? List.of() : List.of(given.strip().split("\\s+"));
		if (prompt.getSelectChoices() != null) {
			for (SelectChoice choice : prompt.getSelectChoices()) {
				String officerChoice = prompt.getSelectChoiceText(choice);
				choices.add(new Choice(choice.getValue(), officerChoice,
						translated(localizer, choice.getTextID(), person, officerChoice),
						chosen.contains(choice.getValue())));
			}
		}
		return new Question(name, kind(prompt), officerText, personText, prompt.isRequired(),
				given == null ? "" : given, List.copyOf(choices), error);
	}

	private static String translated(Localizer localizer, String textId, FormLanguage language, String fallback) {
		if (textId == null) {
			return fallback;
		}
		String text = localizer.getText(textId, language.name());
		return text == null ? fallback : text;
	}

	private static Kind kind(FormEntryPrompt prompt) {
		if (prompt.isReadOnly()) {
			return Kind.NOTE;
		}
		return switch (prompt.getControlType()) {
			case Constants.CONTROL_SELECT_ONE -> Kind.ONE;
			case Constants.CONTROL_SELECT_MULTI -> Kind.MANY;
			default -> switch (prompt.getDataType()) {
				case Constants.DATATYPE_DATE -> Kind.DATE;
				default -> "multiline".equals(prompt.getAppearanceHint()) ? Kind.LONG_TEXT : Kind.TEXT;
			};
		};
	}

	private static IAnswerData data(FormEntryPrompt prompt, String given) {
		if (given.length() > InterviewRun.MAX_ANSWER) {
			throw new IllegalArgumentException("too long");
		}
		int control = prompt.getControlType();
		if (control == Constants.CONTROL_SELECT_ONE) {
			return new SelectOneData(selection(prompt, given));
		}
		if (control == Constants.CONTROL_SELECT_MULTI) {
			List<Selection> selections = new ArrayList<>();
			for (String value : given.split("\\s+")) {
				selections.add(selection(prompt, value));
			}
			return new SelectMultiData(selections);
		}
		return switch (prompt.getDataType()) {
			case Constants.DATATYPE_DATE -> {
				try {
					yield new DateData(Date.from(LocalDate.parse(given).atStartOfDay(ZoneId.systemDefault())
							.toInstant()));
				}
				catch (DateTimeParseException e) {
					throw new IllegalArgumentException("not a date");
				}
			}
			case Constants.DATATYPE_INTEGER -> {
				try {
					yield new IntegerData(Integer.parseInt(given));
				}
				catch (NumberFormatException e) {
					throw new IllegalArgumentException("not a number");
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
		throw new IllegalArgumentException("not a choice");
	}

	/** How a question is shown. */
	public enum Kind {
		/** read-only text, such as the consent introduction */
		NOTE,
		/** one choice */
		ONE,
		/** several choices */
		MANY,
		TEXT, LONG_TEXT, DATE;

		public boolean note() {
			return this == NOTE;
		}

		public boolean choice() {
			return this == ONE || this == MANY;
		}
	}

	/**
	 * The groups of the form the skip logic makes relevant with these answers, in order.
	 *
	 * @param groups    the relevant groups
	 * @param formOrder the names of every group of the form, relevant or not, in the form's order
	 */
	public record Walk(List<Group> groups, List<String> formOrder) {

		/**
		 * The group's place among all the form's groups, from 1: it does not move when skip logic leaves a group
		 * out, so the progress an officer sees never changes its total during an interview.
		 */
		public int step(Group group) {
			return formOrder.indexOf(group.name()) + 1;
		}

		/** How many screens the form has, whatever the skip logic leaves out. */
		public int steps() {
			return formOrder.size();
		}

		/** How many questions the skip logic asks with the answers so far (notes not counted). */
		public int asked() {
			return (int) groups.stream().flatMap(g -> g.questions().stream()).filter(q -> !q.kind().note()).count();
		}

		/** How many of the questions asked have an answer. */
		public int answered() {
			return (int) groups.stream().flatMap(g -> g.questions().stream())
					.filter(q -> !q.kind().note() && !q.answer().isBlank()).count();
		}

		/** The position of the group named {@code name}, or of the nearest relevant group before it, or 0. */
		public int position(String name) {
			for (int i = 0; i < groups.size(); i++) {
				if (groups.get(i).name().equals(name)) {
					return i;
				}
			}
			int wanted = formOrder.indexOf(name);
			int best = 0;
			for (int i = 0; i < groups.size(); i++) {
				if (formOrder.indexOf(groups.get(i).name()) < wanted) {
					best = i;
				}
			}
			return best;
		}
	}

	/**
	 * One screen of the interview.
	 *
	 * @param name        the group's name in the form, e.g. {@code recruitment}
	 * @param officerText its title in the officer's language
	 * @param personText  its title in the interviewee's language
	 * @param questions   its relevant questions and notes
	 */
	public record Group(String name, String officerText, String personText, List<Question> questions) {

		/** Whether the engine objects to an answer of this group, or a required one is missing. */
		public boolean complete() {
			return questions.stream().allMatch(q -> q.error() == null && !q.missing());
		}
	}

	/**
	 * A question as the engine asks it now.
	 *
	 * @param error the engine's constraint message in the officer's language, or null when it accepts the answer
	 */
	public record Question(String name, Kind kind, String officerText, String personText, boolean required,
			String answer, List<Choice> choices, String error) {

		/** Stands for a refusal the form gives no message for. */
		public static final String CONSTRAINT = "";

		/** More choices than fit on a screen: shown as a list to pick from by typing (countries, languages). */
		public static final int PICKER = 12;

		/** Whether the question is required and not answered. */
		public boolean missing() {
			return required && !kind.note() && answer.isBlank();
		}

		/** Whether its choices are too many to show at once, so the officer picks one by typing its name. */
		public boolean picker() {
			return kind.choice() && choices.size() > PICKER;
		}

		/** The chosen choices' names in the officer's language; the answer as typed when it names no choice. */
		public String chosenText() {
			List<String> chosen = choices.stream().filter(Choice::chosen).map(Choice::officerText).toList();
			return chosen.isEmpty() ? answer : String.join(", ", chosen);
		}
	}

	/** A choice of a question, in both languages, and whether it is chosen. */
	public record Choice(String value, String officerText, String personText, boolean chosen) {
	}
}
