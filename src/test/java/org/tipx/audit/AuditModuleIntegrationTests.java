package org.tipx.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.test.context.ActiveProfiles;

/**
 * The audit module starts on its own, with only the modules it declares (platform, for the database, and the shared
 * kernel): no directory, signals or screening beans, and entries are still appended to the chain.
 */
@ApplicationModuleTest(mode = ApplicationModuleTest.BootstrapMode.DIRECT_DEPENDENCIES, extraIncludes = "platform")
@ActiveProfiles("test")
class AuditModuleIntegrationTests {

	@Autowired
	AuditTrail audit;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	ApplicationContext context;

	@Test
	void theAuditTrailRecordsWithoutTheRestOfTipx() {
		UUID object = UUID.randomUUID();
		audit.recordFor("module-test", AuditRecord.success("audit.module.test", "test", object));
		assertThat(jdbc.sql("SELECT count(*) FROM audit_entry WHERE object_id = ?").param(object.toString())
				.query(Integer.class).single()).isEqualTo(1);
		assertThat(context.getBeanNamesForType(org.tipx.directory.Directory.class)).isEmpty();
	}
}
