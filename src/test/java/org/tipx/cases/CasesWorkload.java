package org.tipx.cases;

import java.io.IOException;
import java.io.StringReader;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.UUID;

import javax.sql.DataSource;

import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;
import org.tipx.cases.internal.Codes;
import org.tipx.cases.internal.PersonalFields;
import org.tipx.protection.FieldCipher;
import org.tipx.protection.SearchTokens;

import tools.jackson.databind.json.JsonMapper;

/**
 * A generated case load for {@link CasesBench}: cases spread over organisations with one big owner, their first
 * consent, about 1.5 referrals a case across all states (one organisation receiving a tenth of them) and about two
 * tasks a case, some open past their due date. Rows go in by COPY, in chunks, with the personal fields of every case
 * sealed by the real field cipher under the context {@code Cases} uses, name tokens from the real search tokens, and
 * every task title sealed too (as people write names into titles).
 */
final class CasesWorkload {

	/** The purpose and sealing context Cases uses (package-private there); a mismatch only makes the rows unreadable. */
	static final String NAME_TOKENS = "cases.name";

	static final String PERSONAL_CONTEXT = "cases_case.personal/";

	static final String TASK_TITLE_CONTEXT = "cases_task.title/";

	static final List<String> GIVEN = List.of("Siti", "Nur", "Dewi", "Ayu", "Putri", "Rina", "Wati", "Agus", "Budi",
			"Eko", "Joko", "Rudi", "Hendra", "Yusuf", "Ahmad", "Fajar", "Indah", "Lestari", "Maya", "Ratna", "Somchai",
			"Somsak", "Malee", "Nok", "Pim", "Kanya", "Arthit", "Chai", "Niran", "Ploy", "Sophea", "Dara", "Vanna",
			"Sokha", "Chenda", "Bopha", "Rithy", "Pisey", "Kosal", "Srey", "Aung", "Htun", "Kyaw", "Thida", "Mya",
			"Zaw", "Hnin", "Moe", "Phyu", "Nandar", "Linh", "Lan", "Mai", "Hoa", "Tuan", "Minh", "Hung", "Thao",
			"Quang", "Anh", "Khamla", "Noy", "Souk", "Vong", "Keo", "Bounmy", "Phet", "Vilay", "Manivone", "Daovone",
			"Maria", "Jose", "Ana", "Rosa", "Juan", "Grace", "Joy", "Mark", "Liza", "Ramon");

	static final List<String> FAMILY = List.of("Wijaya", "Saputra", "Hidayat", "Kusuma", "Santoso", "Pratama",
			"Lestari", "Setiawan", "Gunawan", "Nugroho", "Suharto", "Rahman", "Siregar", "Nasution", "Harahap",
			"Sukarno", "Chaiyaporn", "Srisuk", "Thongchai", "Saelim", "Wongsa", "Boonmee", "Kaewkla", "Phromma",
			"Sok", "Chea", "Heng", "Keo", "Lim", "Meas", "Nhem", "Pen", "Sam", "Tep", "Win", "Oo", "Naing", "Myint",
			"Soe", "Lwin", "Thein", "Hlaing", "Nguyen", "Tran", "Le", "Pham", "Hoang", "Vu", "Dang", "Bui", "Do",
			"Ngo", "Duong", "Ly", "Sisavath", "Phommachanh", "Vongsa", "Keomany", "Inthavong", "Santos", "Reyes",
			"Cruz", "Bautista", "Garcia", "Mendoza");

	private static final String CROCKFORD = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

	private static final List<String> NATIONALITIES = List.of("ID", "KH", "MM", "LA", "VN", "PH", "TH");

	private static final int CHUNK = 5_000;

	private static final JsonMapper JSON = JsonMapper.builder().build();

	final int cases;

	final List<UUID> organisations;

	final int big;

	final int receiver;

	final Instant now;

	final LocalDate today;

	private final SplittableRandom random = new SplittableRandom(11);

	private final Set<String> references = new HashSet<>();

	/** A sample of references of the big organisation's cases, for prefix search. */
	final List<String> bigReferences = new ArrayList<>();

	final Counts counts = new Counts();

	/** What went in. */
	static final class Counts {
		long cases, bigCases, receiverOwn, referrals, tasks, overdueTasks, casesWithOverdue;
	}

	/**
	 * @param organisations the organisations; the one at index {@code big} owns a fifth of the cases and receives no
	 *                      referral (so that its list is its own cases), the one at {@code receiver} owns few and
	 *                      receives a tenth of all referrals
	 */
	CasesWorkload(int cases, List<UUID> organisations, int big, int receiver, Instant now) {
		this.cases = cases;
		this.organisations = organisations;
		this.big = big;
		this.receiver = receiver;
		this.now = now.truncatedTo(ChronoUnit.MICROS);
		this.today = LocalDate.ofInstant(now, ZoneOffset.UTC);
	}

	void write(DataSource dataSource, FieldCipher cipher, SearchTokens tokens) throws SQLException, IOException {
		try (Connection connection = dataSource.getConnection()) {
			CopyManager copy = connection.unwrap(PGConnection.class).getCopyAPI();
			for (int start = 0; start < cases; start += CHUNK) {
				StringBuilder caseRows = new StringBuilder(CHUNK * 1_200);
				StringBuilder consentRows = new StringBuilder(CHUNK * 200);
				StringBuilder referralRows = new StringBuilder(CHUNK * 400);
				StringBuilder taskRows = new StringBuilder(CHUNK * 500);
				for (int i = start; i < Math.min(cases, start + CHUNK); i++) {
					oneCase(cipher, tokens, caseRows, consentRows, referralRows, taskRows);
				}
				copy.copyIn("COPY cases_case (id, reference, owner_organisation_id, status, source, screening_id,"
						+ " screening_outcome, trafficking_status, status_decided_by, non_punishment, forced_criminality,"
						+ " recruitment_methods, recruitment_platform, means_of_control, exploitation_types, nationality,"
						+ " transit_countries, exploitation_countries, age_band, gender, recruited_on, identified_on, risk,"
						+ " personal, name_tokens, opened_by, opened_at, updated_at, closed_at, closed_by) FROM STDIN",
						new StringReader(caseRows.toString()));
				copy.copyIn("COPY cases_consent (id, case_id, version, assistance, referral_types, share_country,"
						+ " research, explained_in, explained_by, source, recorded_by, recorded_at) FROM STDIN",
						new StringReader(consentRows.toString()));
				copy.copyIn("COPY cases_referral (id, case_id, from_organisation_id, to_organisation_id, state,"
						+ " services, share_personal, consent_version, sent_by, sent_at, answered_by, answered_at,"
						+ " closed_by, closed_at) FROM STDIN", new StringReader(referralRows.toString()));
				copy.copyIn("COPY cases_task (id, case_id, title, origin, due_on, assigned_to, state, created_by,"
						+ " created_at, done_by, done_at) FROM STDIN", new StringReader(taskRows.toString()));
			}
		}
	}

	private void oneCase(FieldCipher cipher, SearchTokens tokens, StringBuilder cases, StringBuilder consents,
			StringBuilder referrals, StringBuilder tasks) {
		UUID id = UUID.randomUUID();
		int owner = owner();
		counts.cases++;
		if (owner == big) {
			counts.bigCases++;
		}
		if (owner == receiver) {
			counts.receiverOwn++;
		}
		long span = 3L * 365 * 24 * 3600 * 1_000_000;
		Instant opened = now.minus(random.nextLong(span), ChronoUnit.MICROS);
		long since = ChronoUnit.MICROS.between(opened, now);
		Instant updated = opened.plus(random.nextLong(since + 1), ChronoUnit.MICROS);
		boolean closed = random.nextInt(100) < 30;
		boolean screening = random.nextInt(100) < 60;
		String reference = reference();
		if (owner == big && bigReferences.size() < 5_000) {
			bigReferences.add(reference);
		}
		String fullName = pick(GIVEN) + (random.nextBoolean() ? " " + pick(GIVEN) : "") + " " + pick(FAMILY);
		String otherNames = random.nextInt(100) < 40 ? pick(GIVEN) : null;
		LocalDate born = today.minusYears(14 + random.nextInt(40)).minusDays(random.nextInt(365));
		PersonalFields personal = new PersonalFields(fullName, otherNames, born,
				"passport " + pick(NATIONALITIES) + " " + (100_000_000 + random.nextInt(900_000_000)),
				"+66 8" + (10_000_000 + random.nextInt(90_000_000)) + " (safe after 18:00)",
				random.nextInt(1_000) + " Jalan Mawar, RT " + random.nextInt(20), "sister, via the village head",
				random.nextBoolean() ? "facebook.com/" + fullName.toLowerCase().replace(' ', '.') : null);
		String sealed = cipher.seal(JSON.writeValueAsString(personal), PERSONAL_CONTEXT + id);
		List<String> nameTokens = tokens.of(fullName + " " + (otherNames == null ? "" : otherNames), NAME_TOKENS);
		String status = pick(Codes.TRAFFICKING_STATUS);
		row(cases, id, reference, organisations.get(owner), closed ? "CLOSED" : "OPEN", screening ? "SCREENING" : "MANUAL",
				screening ? UUID.randomUUID() : null, screening ? (random.nextBoolean() ? "PRESUMED_VICTIM"
						: "POSSIBLE_VICTIM") : null,
				status, "NOT_DETERMINED".equals(status) ? null : organisations.get(owner), random.nextInt(10) == 0,
				random.nextInt(5) == 0, array(some(Codes.RECRUITMENT_METHODS, 2)), pick(Codes.PLATFORMS),
				array(some(Codes.MEANS_OF_CONTROL, 3)), array(some(Codes.EXPLOITATION_TYPES, 2)), pick(NATIONALITIES),
				array(some(NATIONALITIES, 1)), array(List.of(random.nextBoolean() ? "KH" : "MM")),
				pick(Codes.AGE_BANDS), pick(Codes.GENDERS), LocalDate.ofInstant(opened, ZoneOffset.UTC).minusDays(
						30 + random.nextInt(400)), LocalDate.ofInstant(opened, ZoneOffset.UTC), pick(Codes.RISKS),
				sealed, array(nameTokens), "bench", opened, updated, closed ? updated : null, closed ? "bench" : null);
		row(consents, UUID.randomUUID(), id, 1, true, "{CIVIL_SOCIETY,GOVERNMENT,INTERNATIONAL_ORGANISATION}",
				random.nextBoolean(), random.nextBoolean(), "th", "bench", screening ? "SCREENING" : "CASE_WORKER",
				"bench", opened);
		int referralCount = weighted(20, 30, 30, 20);
		for (int r = 0; r < referralCount; r++) {
			Instant sent = opened.plus(random.nextLong(since + 1), ChronoUnit.MICROS);
			int state = weighted(20, 35, 15, 20, 10);
			String[] states = { "SENT", "ACCEPTED", "DECLINED", "COMPLETED", "REVOKED" };
			Instant answered = state == 0 ? null : sent.plus(random.nextInt(72 * 3600), ChronoUnit.SECONDS);
			Instant ended = state >= 3 ? answered.plus(random.nextInt(30 * 24 * 3600), ChronoUnit.SECONDS) : null;
			row(referrals, UUID.randomUUID(), id, organisations.get(owner), organisations.get(target(owner)),
					states[state], array(some(Codes.SERVICES, 2)), random.nextBoolean(), 1, "bench", sent,
					answered == null ? null : "bench", answered, ended == null ? null : "bench", ended);
			counts.referrals++;
		}
		int taskCount = random.nextInt(5);
		boolean overdue = false;
		for (int t = 0; t < taskCount; t++) {
			UUID taskId = UUID.randomUUID();
			String state = closed ? (random.nextInt(5) == 0 ? "CANCELLED" : "DONE")
					: new String[] { "OPEN", "DONE", "CANCELLED" }[weighted(55, 35, 10)];
			LocalDate due;
			if ("OPEN".equals(state) && random.nextInt(100) < 40) {
				due = today.minusDays(1 + random.nextInt(60));
				overdue = true;
				counts.overdueTasks++;
			}
			else {
				due = today.plusDays(random.nextInt(60) - ("OPEN".equals(state) ? 0 : 90));
			}
			Instant created = opened.plus(random.nextLong(since + 1), ChronoUnit.MICROS);
			String title = "Call " + fullName.split(" ")[0] + " about " + pick(Codes.SERVICES).toLowerCase();
			row(tasks, taskId, id, cipher.seal(title, TASK_TITLE_CONTEXT + taskId),
					random.nextBoolean() ? "PERSON" : "RISK", due, random.nextBoolean() ? UUID.randomUUID() : null,
					state, "bench", created, "OPEN".equals(state) ? null : "bench", "OPEN".equals(state) ? null : updated);
			counts.tasks++;
		}
		if (overdue) {
			counts.casesWithOverdue++;
		}
	}

	private int owner() {
		int p = random.nextInt(1_000);
		if (p < 200) {
			return big;
		}
		if (p < 210) {
			return receiver;
		}
		if (p < 610) { // eight mid-sized organisations, 5 % each
			return others(8).get(random.nextInt(8));
		}
		List<UUID> all = organisations;
		int o;
		do {
			o = 10 + random.nextInt(all.size() - 10);
		}
		while (o == big || o == receiver);
		return o;
	}

	private List<Integer> others(int n) {
		List<Integer> mid = new ArrayList<>();
		for (int i = 0; mid.size() < n; i++) {
			if (i != big && i != receiver) {
				mid.add(i);
			}
		}
		return mid;
	}

	private int target(int owner) {
		if (owner != receiver && random.nextInt(10) == 0) {
			return receiver;
		}
		int t;
		do {
			t = random.nextInt(organisations.size());
		}
		while (t == owner || t == big);
		return t;
	}

	private int weighted(int... weights) {
		int total = 0;
		for (int w : weights) {
			total += w;
		}
		int p = random.nextInt(total);
		for (int i = 0; i < weights.length; i++) {
			p -= weights[i];
			if (p < 0) {
				return i;
			}
		}
		return weights.length - 1;
	}

	private String reference() {
		String reference;
		do {
			StringBuilder r = new StringBuilder("C-");
			for (int i = 0; i < 8; i++) {
				r.append(CROCKFORD.charAt(random.nextInt(CROCKFORD.length())));
			}
			reference = r.toString();
		}
		while (!references.add(reference));
		return reference;
	}

	String pick(List<String> values) {
		return values.get(random.nextInt(values.size()));
	}

	private List<String> some(List<String> values, int max) {
		List<String> chosen = new ArrayList<>();
		int n = random.nextInt(max + 1);
		for (int i = 0; i < n; i++) {
			String v = pick(values);
			if (!chosen.contains(v)) {
				chosen.add(v);
			}
		}
		return chosen;
	}

	private static String array(List<String> values) {
		StringBuilder array = new StringBuilder("{");
		for (String v : values) {
			array.append(array.length() > 1 ? "," : "").append('"').append(v).append('"');
		}
		return array.append('}').toString();
	}

	/** One row in COPY text format. */
	private static void row(StringBuilder out, Object... values) {
		for (int i = 0; i < values.length; i++) {
			if (i > 0) {
				out.append('\t');
			}
			Object v = values[i];
			if (v == null) {
				out.append("\\N");
			}
			else {
				String s = v.toString();
				for (int c = 0; c < s.length(); c++) {
					char ch = s.charAt(c);
					switch (ch) {
						case '\\' -> out.append("\\\\");
						case '\t' -> out.append("\\t");
						case '\n' -> out.append("\\n");
						case '\r' -> out.append("\\r");
						default -> out.append(ch);
					}
				}
			}
		}
		out.append('\n');
	}
}
