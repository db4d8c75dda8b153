package org.tipx.screening.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.tipx.screening.Outcome;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The scoring rules of one form version, read from its rules file: named groups of indicator codes, rules that fire on
 * answers, the next steps for each outcome (and for an inconclusive result), and the texts of reasons, steps and
 * measures in every language of the form. English is the source; the others are drafts until a native speaker has
 * reviewed them ({@code languages} gives each one's status), and the pages say so where they show them.
 *
 * @param formId       the form the rules score
 * @param formVersion  the form version they belong to
 * @param about        what the file is
 * @param groups       named groups of indicator codes
 * @param rules        the rules, in the order they are evaluated
 * @param outcomeSteps next steps for each outcome
 * @param inconclusiveSteps next steps for an inconclusive result (no indicators, most questions not answered)
 * @param languages    the languages of the texts, each {@code source}, {@code reviewed} or {@code draft}
 * @param texts        texts of next steps, measures and the reasons without a rule, by code and language
 */
public record ScreeningRules(String formId, String formVersion, String about, Map<String, List<String>> groups,
		List<Rule> rules, Map<Outcome, List<String>> outcomeSteps, List<String> inconclusiveSteps,
		Map<String, String> languages, Map<String, Map<String, String>> texts) {

	private static final JsonMapper JSON = JsonMapper.builder().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
			.build();

	/** Reads a rules file and checks it against the form it scores. */
	public static ScreeningRules read(InputStream in, ScreeningForm form, Set<String> questionNames) {
		ScreeningRules rules;
		try (in) {
			rules = JSON.readValue(in, ScreeningRules.class);
		}
		catch (IOException e) {
			throw new UncheckedIOException("cannot read the screening rules", e);
		}
		rules.check(form, questionNames);
		return rules;
	}

	private void check(ScreeningForm form, Set<String> questionNames) {
		List<String> problems = new ArrayList<>();
		if (!form.formId().equals(formId) || !form.version().equals(formVersion)) {
			problems.add("rules are for " + formId + " version " + formVersion + ", the form is " + form.formId()
					+ " version " + form.version());
		}
		groups.forEach((name, codes) -> codes.stream().filter(code -> !questionNames.contains(code))
				.forEach(code -> problems.add("group " + name + " names " + code + ", not a question of the form")));
		for (Rule rule : rules) {
			rule.when().groupNames().stream().filter(name -> !groups.containsKey(name))
					.forEach(name -> problems.add("rule " + rule.id() + " uses unknown group " + name));
			rule.then().codes().stream().filter(code -> !texts.containsKey(code))
					.forEach(code -> problems.add("rule " + rule.id() + " names " + code + ", which has no text"));
			if (rule.explanation() == null || !rule.explanation().keySet().containsAll(languages.keySet())) {
				problems.add("rule " + rule.id() + " needs an explanation in " + languages.keySet());
			}
		}
		inconclusiveSteps.stream().filter(code -> !texts.containsKey(code))
				.forEach(code -> problems.add("inconclusive step " + code + " has no text"));
		Scoring.OWN_TEXTS.stream().filter(code -> !texts.containsKey(code))
				.forEach(code -> problems.add("no text " + code));
		form.languages().stream().filter(l -> !languages.containsKey(l.code()))
				.forEach(l -> problems.add("no texts in " + l.code() + ", a language of the form"));
		for (Outcome outcome : Outcome.values()) {
			if (!outcomeSteps.containsKey(outcome)) {
				problems.add("no next steps for " + outcome);
			}
		}
		texts.forEach((code, byLanguage) -> {
			if (!byLanguage.keySet().containsAll(languages.keySet())) {
				problems.add("text " + code + " needs " + languages.keySet());
			}
		});
		if (!problems.isEmpty()) {
			throw new IllegalStateException("The screening rules do not fit the form: " + problems);
		}
	}

	/** The text of a step or measure in {@code language}, else English. */
	public String text(String code, String language) {
		Map<String, String> byLanguage = texts.get(code);
		return byLanguage.getOrDefault(language, byLanguage.get("en"));
	}

	/** The explanation of rule {@code id} in {@code language}, else English; null for a rule this file lacks. */
	public String explanation(String id, String language) {
		return rules.stream().filter(rule -> rule.id().equals(id)).findFirst()
				.map(rule -> rule.explanation().getOrDefault(language, rule.explanation().get("en"))).orElse(null);
	}

	/** The language the texts are given in for {@code language}: itself if the file has it, else English. */
	public String textLanguage(String language) {
		return language != null && languages.containsKey(language) ? language : "en";
	}

	/** Whether the texts in {@code language} are a draft awaiting review by a native speaker. */
	public boolean draft(String language) {
		return "draft".equals(languages.get(textLanguage(language)));
	}

	/**
	 * One rule.
	 *
	 * @param id          stable name, given in each reason
	 * @param when        when it fires
	 * @param then        what it does
	 * @param explanation why, in plain words, by language
	 * @param source      where the rule comes from
	 */
	public record Rule(String id, When when, Then then, Map<String, String> explanation, String source) {
	}

	/**
	 * A rule's condition; every part given must hold.
	 *
	 * @param anyYes         a group: some indicator of it was answered yes
	 * @param allOf          conditions that must all hold
	 * @param profile        profile answers that must be one of the values given
	 * @param outcomeAtLeast the outcome of the rules before must be at least this
	 * @param consent        consents that must have been given
	 */
	public record When(String anyYes, List<When> allOf, Map<String, List<String>> profile, Outcome outcomeAtLeast,
			List<String> consent) {

		List<String> groupNames() {
			List<String> names = new ArrayList<>();
			if (anyYes != null) {
				names.add(anyYes);
			}
			if (allOf != null) {
				allOf.forEach(part -> names.addAll(part.groupNames()));
			}
			return names;
		}
	}

	/**
	 * What a fired rule does.
	 *
	 * @param outcome                the outcome it leads to (the highest of all fired rules wins)
	 * @param forcedCriminality      whether it finds forced criminality
	 * @param nonPunishmentMeasures  the non-punishment measures it implies
	 * @param nextSteps              next steps it adds
	 */
	public record Then(Outcome outcome, Boolean forcedCriminality, List<String> nonPunishmentMeasures,
			List<String> nextSteps) {

		List<String> codes() {
			List<String> codes = new ArrayList<>();
			if (nonPunishmentMeasures != null) {
				codes.addAll(nonPunishmentMeasures);
			}
			if (nextSteps != null) {
				codes.addAll(nextSteps);
			}
			return codes;
		}
	}
}
