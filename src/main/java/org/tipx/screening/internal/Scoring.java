package org.tipx.screening.internal;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.tipx.screening.Outcome;
import org.tipx.screening.internal.ScreeningRules.Rule;
import org.tipx.screening.internal.ScreeningRules.When;

/**
 * Applies a form version's rules to an interview's answers. Only {@code yes} is evidence: {@code no}, {@code unknown},
 * {@code declined} and unanswered questions never count against the person.
 */
public final class Scoring {

	private Scoring() {
	}

	/**
	 * Scores an interview.
	 *
	 * @param rules    the rules of the form version
	 * @param values   the engine's values by question name
	 * @param consents the consents given (e.g. {@code shareWithCountryOfNationality})
	 * @param language the language of the explanations ({@code en} or {@code id}; others get English)
	 */
	public static Determination score(ScreeningRules rules, Map<String, String> values, Set<String> consents,
			String language) {
		Outcome outcome = Outcome.NO_INDICATORS;
		boolean forcedCriminality = false;
		Set<String> measures = new LinkedHashSet<>();
		Set<String> steps = new LinkedHashSet<>();
		List<Reason> reasons = new ArrayList<>();
		for (Rule rule : rules.rules()) {
			Set<String> evidence = new LinkedHashSet<>();
			if (!holds(rule.when(), rules, values, consents, outcome, evidence)) {
				continue;
			}
			if (rule.then().outcome() != null && rule.then().outcome().atLeast(outcome)) {
				outcome = rule.then().outcome();
			}
			if (Boolean.TRUE.equals(rule.then().forcedCriminality())) {
				forcedCriminality = true;
			}
			if (rule.then().nonPunishmentMeasures() != null) {
				measures.addAll(rule.then().nonPunishmentMeasures());
			}
			if (rule.then().nextSteps() != null) {
				steps.addAll(rule.then().nextSteps());
			}
			reasons.add(new Reason(rule.id(), List.copyOf(evidence),
					rule.explanation().getOrDefault(language, rule.explanation().get("en")), rule.source()));
		}
		List<String> nextSteps = new ArrayList<>();
		if (steps.remove("CHILD_PROTECTION")) {
			nextSteps.add("CHILD_PROTECTION");
		}
		nextSteps.addAll(rules.outcomeSteps().get(outcome));
		steps.stream().filter(step -> !nextSteps.contains(step)).forEach(nextSteps::add);
		List<Step> stepTexts = nextSteps.stream().map(code -> new Step(code, rules.text(code, language))).toList();
		return new Determination(outcome, forcedCriminality, !measures.isEmpty(), List.copyOf(measures), reasons,
				stepTexts);
	}

	private static boolean holds(When when, ScreeningRules rules, Map<String, String> values, Set<String> consents,
			Outcome outcomeSoFar, Set<String> evidence) {
		if (when.outcomeAtLeast() != null && !outcomeSoFar.atLeast(when.outcomeAtLeast())) {
			return false;
		}
		if (when.profile() != null) {
			for (Map.Entry<String, List<String>> wanted : when.profile().entrySet()) {
				if (!wanted.getValue().contains(values.get(wanted.getKey()))) {
					return false;
				}
			}
		}
		if (when.consent() != null && !consents.containsAll(when.consent())) {
			return false;
		}
		if (when.anyYes() != null) {
			List<String> yes = rules.groups().get(when.anyYes()).stream().filter(code -> "yes".equals(values.get(code)))
					.toList();
			if (yes.isEmpty()) {
				return false;
			}
			evidence.addAll(yes);
		}
		if (when.allOf() != null) {
			for (When part : when.allOf()) {
				if (!holds(part, rules, values, consents, outcomeSoFar, evidence)) {
					return false;
				}
			}
		}
		return true;
	}

	/**
	 * One reason for a result.
	 *
	 * @param rule        the rule that fired
	 * @param indicators  the indicator codes answered yes that made it fire
	 * @param explanation why, in plain words
	 * @param source      where the rule comes from
	 */
	public record Reason(String rule, List<String> indicators, String explanation, String source) {
	}

	/**
	 * A next step.
	 *
	 * @param code stable code
	 * @param text what to do, in plain words
	 */
	public record Step(String code, String text) {
	}

	/**
	 * What the rules determined.
	 *
	 * @param outcome                the outcome
	 * @param forcedCriminality      whether the person was made to commit offences
	 * @param nonPunishment          whether the non-punishment principle applies
	 * @param nonPunishmentMeasures  the measures it implies here
	 * @param reasons                every rule that fired, with its evidence
	 * @param nextSteps              what to do now, most urgent first
	 */
	public record Determination(Outcome outcome, boolean forcedCriminality, boolean nonPunishment,
			List<String> nonPunishmentMeasures, List<Reason> reasons, List<Step> nextSteps) {
	}
}
