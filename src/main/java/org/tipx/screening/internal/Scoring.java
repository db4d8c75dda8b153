package org.tipx.screening.internal;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.ibm.icu.text.MessageFormat;
import com.ibm.icu.util.ULocale;

import org.tipx.screening.Outcome;
import org.tipx.screening.internal.ScreeningRules.Rule;
import org.tipx.screening.internal.ScreeningRules.When;

/**
 * Applies a form version's rules to an interview's answers. Only {@code yes} is evidence: {@code no}, {@code unknown},
 * {@code declined} and unanswered questions never count against the person. Every outcome has a reason: when no rule
 * fires, the reason {@value #NO_INDICATORS_RULE} says which indicator questions were answered no and how many were
 * declined or not known. A result without indicators is <em>inconclusive</em> when more than half of the indicator
 * questions answered were declined or answered "don't know" (or none was answered): the outcome stays
 * {@link Outcome#NO_INDICATORS}, but the next step is a later interview with a specialist, not "nothing happened".
 */
public final class Scoring {

	/** The rule name of the reason given when no rule fired. */
	public static final String NO_INDICATORS_RULE = "no-indicators";

	static final String NO_INDICATORS_REASON = "NO_INDICATORS_REASON";

	static final String NO_INDICATORS_SOURCE = "NO_INDICATORS_SOURCE";

	static final String INCONCLUSIVE_REASON = "INCONCLUSIVE_REASON";

	static final String INCONCLUSIVE_NOTHING_ANSWERED = "INCONCLUSIVE_NOTHING_ANSWERED";

	/** The texts every rules file must have, besides those its rules name. */
	static final List<String> OWN_TEXTS = List.of(NO_INDICATORS_REASON, NO_INDICATORS_SOURCE, INCONCLUSIVE_REASON,
			INCONCLUSIVE_NOTHING_ANSWERED);

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
		Tally tally = Tally.of(values);
		boolean inconclusive = outcome == Outcome.NO_INDICATORS && tally.mostlyUnanswered();
		if (outcome == Outcome.NO_INDICATORS) {
			reasons.add(0, noIndicators(rules, tally, language));
		}
		List<String> nextSteps = new ArrayList<>();
		if (steps.remove("CHILD_PROTECTION")) {
			nextSteps.add("CHILD_PROTECTION");
		}
		nextSteps.addAll(inconclusive ? rules.inconclusiveSteps() : rules.outcomeSteps().get(outcome));
		steps.stream().filter(step -> !nextSteps.contains(step)).forEach(nextSteps::add);
		List<Step> stepTexts = nextSteps.stream().map(code -> new Step(code, rules.text(code, language))).toList();
		return new Determination(outcome, forcedCriminality, !measures.isEmpty(), List.copyOf(measures), reasons,
				stepTexts, inconclusive, inconclusive ? inconclusiveReason(rules, tally, language) : null);
	}

	/** The reason for a result without indicators, in {@code language}: what was answered no, declined, not known. */
	static Reason noIndicators(ScreeningRules rules, Tally tally, String language) {
		return new Reason(NO_INDICATORS_RULE, List.of(), format(rules, NO_INDICATORS_REASON, language,
				tally.answeredNo().isEmpty() ? "—" : String.join(", ", tally.answeredNo()), tally.answeredNo().size(),
				tally.declined().size(), tally.unknown().size(), tally.asked()),
				rules.text(NO_INDICATORS_SOURCE, language), tally);
	}

	/** Why a result without indicators is inconclusive, in {@code language}. */
	static String inconclusiveReason(ScreeningRules rules, Tally tally, String language) {
		return tally.asked() == 0 ? format(rules, INCONCLUSIVE_NOTHING_ANSWERED, language)
				: format(rules, INCONCLUSIVE_REASON, language, tally.declined().size() + tally.unknown().size(),
						tally.asked(), tally.declined().size(), tally.unknown().size());
	}

	private static String format(ScreeningRules rules, String code, String language, Object... arguments) {
		return new MessageFormat(rules.text(code, language), ULocale.forLocale(Locale.forLanguageTag(language)))
				.format(arguments);
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
	 * @param rule        the rule that fired, or {@value #NO_INDICATORS_RULE} for a result without indicators
	 * @param indicators  the indicator codes answered yes that made it fire
	 * @param explanation why, in plain words
	 * @param source      where the rule comes from
	 * @param answers     for {@value #NO_INDICATORS_RULE}: how the indicator questions were answered; else null
	 */
	public record Reason(String rule, List<String> indicators, String explanation, String source, Tally answers) {

		/** A reason from a rule that fired. */
		public Reason(String rule, List<String> indicators, String explanation, String source) {
			this(rule, indicators, explanation, source, null);
		}
	}

	/**
	 * How the indicator questions (named A1 to I9) were answered, for a result without indicators. A question left
	 * unanswered, or not asked because of the skip logic, is in no list.
	 *
	 * @param answeredYes the questions answered yes (none of them, alone or together, met a rule)
	 * @param answeredNo the questions answered no
	 * @param declined   the questions the person preferred not to answer
	 * @param unknown    the questions answered "don't know"
	 */
	public record Tally(List<String> answeredYes, List<String> answeredNo, List<String> declined,
			List<String> unknown) {

		public Tally {
			answeredYes = answeredYes == null ? List.of() : List.copyOf(answeredYes);
			answeredNo = List.copyOf(answeredNo);
			declined = List.copyOf(declined);
			unknown = List.copyOf(unknown);
		}

		/** The tally of an interview's values. */
		static Tally of(Map<String, String> values) {
			List<String> yes = new ArrayList<>();
			List<String> no = new ArrayList<>();
			List<String> declined = new ArrayList<>();
			List<String> unknown = new ArrayList<>();
			for (Map.Entry<String, String> answer : values.entrySet()) {
				if (!answer.getKey().matches("[A-I]\\d")) {
					continue;
				}
				switch (String.valueOf(answer.getValue())) {
					case "yes" -> yes.add(answer.getKey());
					case "no" -> no.add(answer.getKey());
					case "declined" -> declined.add(answer.getKey());
					case "unknown" -> unknown.add(answer.getKey());
					default -> {
					}
				}
			}
			return new Tally(yes, no, declined, unknown);
		}

		/** How many indicator questions were answered (yes, no, declined or "don't know"). */
		public int asked() {
			return answeredYes.size() + answeredNo.size() + declined.size() + unknown.size();
		}

		/** Whether more than half of the questions answered were declined or not known, or none was answered. */
		public boolean mostlyUnanswered() {
			int notKnown = declined.size() + unknown.size();
			return asked() == 0 || 2 * notKnown > asked();
		}
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
	 * @param inconclusive           whether a result without indicators says little, most questions being declined
	 *                               or not known
	 * @param inconclusiveReason     why, in plain words, when inconclusive; else null
	 */
	public record Determination(Outcome outcome, boolean forcedCriminality, boolean nonPunishment,
			List<String> nonPunishmentMeasures, List<Reason> reasons, List<Step> nextSteps, boolean inconclusive,
			String inconclusiveReason) {
	}
}
