package org.tipx.platform.storage;

import java.sql.SQLException;
import java.sql.Statement;

import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.callback.Callback;
import org.flywaydb.core.api.callback.Context;
import org.flywaydb.core.api.callback.Event;

/**
 * Keeps {@link ClusterCredentials#APP} out of Flyway's history table. Flyway creates the table after the default
 * privileges were set, so the application role would otherwise be able to rewrite which migrations have run. Runs
 * after every migration (also when there was nothing to migrate), as the owner.
 */
final class MigrationHistoryAccess implements Callback {

	@Override
	public boolean supports(Event event, Context context) {
		return event == Event.AFTER_MIGRATE;
	}

	@Override
	public boolean canHandleInTransaction(Event event, Context context) {
		return true;
	}

	@Override
	public void handle(Event event, Context context) {
		String table = context.getConfiguration().getTable();
		try (Statement sql = context.getConnection().createStatement()) {
			sql.execute("REVOKE ALL ON TABLE \"%s\" FROM %s".formatted(table.replace("\"", "\"\""),
					ClusterCredentials.APP));
		}
		catch (SQLException e) {
			throw new FlywayException("Could not keep " + ClusterCredentials.APP + " out of " + table, e);
		}
	}

	@Override
	public String getCallbackName() {
		return "tipx-migration-history-access";
	}
}
