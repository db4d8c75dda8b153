package org.tipx.cases.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.tipx.shared.InvalidInputException.FieldError;

/**
 * What a plan says. A return plan has the four coded fields (and an optional date of return); a reintegration plan
 * has goals, one per area, each with dated milestones. Both may carry a note. The milestones' descriptions and the
 * note are what people write, so they are stored sealed, apart from the codes.
 *
 * @param travelDocuments one of {@link PlanKind#TRAVEL_DOCUMENTS} (return)
 * @param escort          one of {@link PlanKind#ESCORTS} (return)
 * @param reception       one of {@link PlanKind#RECEPTIONS} (return)
 * @param familyContact   one of {@link PlanKind#FAMILY_CONTACTS} (return)
 * @param returnOn        the planned date of return, optional (return)
 * @param goals           the goals (reintegration)
 * @param note            anything else, optional
 */
public record PlanContent(String travelDocuments, String escort, String reception, String familyContact,
		LocalDate returnOn, List<Goal> goals, String note) {

	/** A reintegration goal: an area from {@link PlanKind#GOAL_AREAS} and its milestones. */
	public record Goal(String area, List<Milestone> milestones) {
	}

	/** A step towards a goal, by a date; done or not. */
	public record Milestone(String description, LocalDate dueOn, Boolean done) {
	}

	/** The plan split into what is stored in the clear and what is sealed (null when there is no text). */
	record Checked(Map<String, Object> codes, Map<String, Object> texts) {
	}

	Checked check(PlanKind kind, LocalDate today, List<FieldError> errors) {
		Map<String, Object> codes = new LinkedHashMap<>();
		Map<String, Object> texts = new LinkedHashMap<>();
		String checkedNote = FreeText.optional("note", note, 4000, errors);
		if (checkedNote != null) {
			texts.put("note", checkedNote);
		}
		if (kind == PlanKind.RETURN) {
			codes.put("travelDocuments",
					required("travelDocuments", travelDocuments, PlanKind.TRAVEL_DOCUMENTS, errors));
			codes.put("escort", required("escort", escort, PlanKind.ESCORTS, errors));
			codes.put("reception", required("reception", reception, PlanKind.RECEPTIONS, errors));
			codes.put("familyContact", required("familyContact", familyContact, PlanKind.FAMILY_CONTACTS, errors));
			if (returnOn != null) {
				if (returnOn.isBefore(today.minusYears(2)) || returnOn.isAfter(today.plusYears(2))) {
					errors.add(new FieldError("returnOn", "must be within two years of today"));
				}
				codes.put("returnOn", returnOn.toString());
			}
			if (goals != null && !goals.isEmpty()) {
				errors.add(new FieldError("goals", "belong in the reintegration plan"));
			}
		}
		else {
			if (travelDocuments != null || escort != null || reception != null || familyContact != null
					|| returnOn != null) {
				errors.add(new FieldError("travelDocuments", "the return's arrangements belong in the return plan"));
			}
			checkGoals(today, codes, texts, errors);
		}
		return new Checked(codes, texts.isEmpty() ? null : texts);
	}

	private void checkGoals(LocalDate today, Map<String, Object> codes, Map<String, Object> texts,
			List<FieldError> errors) {
		if (goals == null || goals.isEmpty()) {
			errors.add(new FieldError("goals", "is required: at least one goal, in one of "
					+ String.join(", ", PlanKind.GOAL_AREAS)));
			return;
		}
		Set<String> areas = new HashSet<>();
		List<Map<String, Object>> codedGoals = new ArrayList<>();
		List<List<String>> descriptions = new ArrayList<>();
		for (int g = 0; g < goals.size(); g++) {
			Goal goal = goals.get(g);
			String field = "goals[" + g + "]";
			if (goal == null) {
				errors.add(new FieldError(field, "is required"));
				continue;
			}
			String area = required(field + ".area", goal.area(), PlanKind.GOAL_AREAS, errors);
			if (area != null && !areas.add(area)) {
				errors.add(new FieldError(field + ".area", "has a goal already; one goal per area"));
			}
			List<Map<String, Object>> milestones = new ArrayList<>();
			List<String> described = new ArrayList<>();
			List<Milestone> given = goal.milestones() == null ? List.of() : goal.milestones();
			if (given.size() > 20) {
				errors.add(new FieldError(field + ".milestones", "at most 20 milestones per goal"));
			}
			for (int m = 0; m < given.size(); m++) {
				Milestone milestone = given.get(m);
				String at = field + ".milestones[" + m + "]";
				if (milestone == null) {
					errors.add(new FieldError(at, "is required"));
					continue;
				}
				described.add(FreeText.required(at + ".description", milestone.description(), 500, errors));
				if (milestone.dueOn() == null) {
					errors.add(new FieldError(at + ".dueOn", "is required"));
				}
				else if (milestone.dueOn().isBefore(today.minusYears(2))
						|| milestone.dueOn().isAfter(today.plusYears(5))) {
					errors.add(new FieldError(at + ".dueOn", "must be between two years ago and five years ahead"));
				}
				Map<String, Object> coded = new LinkedHashMap<>();
				coded.put("dueOn", milestone.dueOn() == null ? null : milestone.dueOn().toString());
				coded.put("done", Boolean.TRUE.equals(milestone.done()));
				milestones.add(coded);
			}
			Map<String, Object> codedGoal = new LinkedHashMap<>();
			codedGoal.put("area", area);
			codedGoal.put("milestones", milestones);
			codedGoals.add(codedGoal);
			descriptions.add(described);
		}
		if (goals.size() > PlanKind.GOAL_AREAS.size()) {
			errors.add(new FieldError("goals", "one goal per area at most"));
		}
		codes.put("goals", codedGoals);
		texts.put("milestones", descriptions);
	}

	/** The plan read back from its codes and its opened texts. */
	@SuppressWarnings("unchecked")
	static PlanContent of(Map<String, Object> codes, Map<String, Object> texts) {
		List<Goal> goals = null;
		if (codes.get("goals") instanceof List<?> coded) {
			List<List<String>> descriptions = texts.get("milestones") instanceof List<?> d ? (List<List<String>>) d
					: List.of();
			goals = new ArrayList<>();
			for (int g = 0; g < coded.size(); g++) {
				Map<String, Object> goal = (Map<String, Object>) coded.get(g);
				List<Milestone> milestones = new ArrayList<>();
				List<Map<String, Object>> steps = (List<Map<String, Object>>) goal.get("milestones");
				for (int m = 0; m < steps.size(); m++) {
					Map<String, Object> step = steps.get(m);
					String description = g < descriptions.size() && m < descriptions.get(g).size()
							? descriptions.get(g).get(m) : null;
					milestones.add(new Milestone(description,
							step.get("dueOn") == null ? null : LocalDate.parse((String) step.get("dueOn")),
							(Boolean) step.get("done")));
				}
				goals.add(new Goal((String) goal.get("area"), milestones));
			}
		}
		return new PlanContent((String) codes.get("travelDocuments"), (String) codes.get("escort"),
				(String) codes.get("reception"), (String) codes.get("familyContact"),
				codes.get("returnOn") == null ? null : LocalDate.parse((String) codes.get("returnOn")), goals,
				(String) texts.get("note"));
	}

	private static String required(String field, String value, List<String> vocabulary, List<FieldError> errors) {
		if (value == null || value.isBlank()) {
			errors.add(new FieldError(field, "is required: one of " + String.join(", ", vocabulary)));
			return null;
		}
		return Codes.one(field, value, vocabulary, errors);
	}
}
