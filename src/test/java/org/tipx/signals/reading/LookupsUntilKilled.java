package org.tipx.signals.reading;

import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.tipx.TipxApplication;
import org.tipx.audit.ChainVerification;
import org.tipx.audit.internal.ChainVerifier;
import org.tipx.signals.IndicatorType;
import org.tipx.signals.canonical.RawIndicator;
import org.tipx.signals.internal.Viewer;

/**
 * Run in a child JVM by {@link AuditedLookupsSurviveKillIntegrationTests}: tipx itself on a kept embedded cluster in
 * {@code args[1]}. In mode {@code lookup} four clients look up values without end and print {@code ANSWERED <value>}
 * for every answer they receive, until the process is killed. In mode {@code verify} (tipx started again on the same
 * data) it prints the chain verification and {@code AUDITED <value>} for every lookup the audit trail holds.
 */
public final class LookupsUntilKilled {

	static final int CLIENTS = 4;

	private LookupsUntilKilled() {
	}

	public static void main(String[] args) throws Exception {
		// as command-line arguments, which win over the test profile's throw-away data directory and the port
		ConfigurableApplicationContext tipx = new SpringApplicationBuilder(TipxApplication.class).profiles("test")
				.run("--tipx.db.ephemeral=false", "--tipx.db.data-dir=" + args[1], "--server.port=0",
						"--logging.level.root=warn");
		if (args[0].equals("lookup")) {
			lookUntilKilled(tipx.getBean(Lookups.class));
		}
		else {
			ChainVerification verification = tipx.getBean(ChainVerifier.class).verify();
			System.out.println("VERIFIED valid=" + verification.valid() + " entries=" + verification.entries()
					+ " reason=" + verification.reason());
			tipx.getBean(JdbcTemplate.class).query("SELECT object_id FROM audit_entry WHERE action = 'signals.lookup'",
					rs -> {
						System.out.println("AUDITED " + rs.getString(1));
					});
			System.out.println("DONE");
			System.out.flush();
			tipx.close();
			System.exit(0);
		}
	}

	private static void lookUntilKilled(Lookups lookups) throws InterruptedException {
		Viewer viewer = new Viewer(UUID.randomUUID(), Set.of(), null);
		System.out.println("READY");
		System.out.flush();
		for (int c = 0; c < CLIENTS; c++) {
			int client = c;
			Thread thread = new Thread(() -> {
				for (int i = 0;; i++) {
					String value = "crash" + client + "x" + i + "@example.org";
					List<Lookups.Answer> answer = lookups.lookup(viewer, "crash-" + client + "-" + i,
							List.of(new RawIndicator(IndicatorType.EMAIL, value, null, null, null)));
					synchronized (System.out) {
						System.out.println("ANSWERED " + answer.get(0).canonical());
						System.out.flush();
					}
				}
			});
			thread.start();
		}
		Thread.sleep(Long.MAX_VALUE);
	}
}
