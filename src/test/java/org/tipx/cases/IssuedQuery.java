package org.tipx.cases;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.slf4j.LoggerFactory;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;

/**
 * The SQL a service actually issued, with its parameters, read from Spring JDBC's debug and trace logging while the
 * service runs once: so that {@link CasesBench} explains the service's own query, not a copy that could drift.
 *
 * @param sql    the statement
 * @param params its parameters, typed again from the logged value class
 */
record IssuedQuery(String sql, List<Object> params) {

	private static final Pattern SQL = Pattern.compile("(?s)Executing prepared SQL statement \\[(.*)\\]");

	private static final Pattern PARAM = Pattern
			.compile("(?s)parameter value \\[(.*)\\], value class \\[([^\\]]*)\\]");

	/**
	 * Runs {@code call} and returns the first statement it issued that contains {@code marker}.
	 *
	 * @param array what to bind for a text array parameter (the log shows no content for arrays)
	 */
	static IssuedQuery during(Runnable call, String marker, Supplier<Object> array) {
		Logger statements = (Logger) LoggerFactory.getLogger("org.springframework.jdbc.core.JdbcTemplate");
		Logger values = (Logger) LoggerFactory.getLogger("org.springframework.jdbc.core.StatementCreatorUtils");
		Level statementLevel = statements.getLevel();
		Level valueLevel = values.getLevel();
		ListAppender<ILoggingEvent> appender = new ListAppender<>();
		appender.start();
		statements.addAppender(appender);
		values.addAppender(appender);
		statements.setLevel(Level.DEBUG);
		values.setLevel(Level.TRACE);
		try {
			call.run();
		}
		finally {
			statements.setLevel(statementLevel);
			values.setLevel(valueLevel);
			statements.detachAppender(appender);
			values.detachAppender(appender);
		}
		String sql = null;
		List<Object> params = new ArrayList<>();
		for (ILoggingEvent event : appender.list) {
			String message = event.getFormattedMessage();
			Matcher statement = SQL.matcher(message);
			if (statement.matches()) {
				if (sql != null) {
					break;
				}
				if (statement.group(1).contains(marker)) {
					sql = statement.group(1);
				}
				continue;
			}
			Matcher param = PARAM.matcher(message);
			if (sql != null && param.find()) {
				params.add(typed(param.group(1), param.group(2), array));
			}
		}
		if (sql == null) {
			throw new IllegalStateException("no statement with " + marker + " was issued");
		}
		return new IssuedQuery(sql, params);
	}

	private static Object typed(String value, String type, Supplier<Object> array) {
		return switch (type) {
			case "java.util.UUID" -> UUID.fromString(value);
			case "java.time.OffsetDateTime" -> OffsetDateTime.parse(value);
			case "java.time.LocalDate" -> LocalDate.parse(value);
			case "java.lang.Boolean" -> Boolean.valueOf(value);
			case "java.lang.Integer" -> Integer.valueOf(value);
			case "java.lang.String" -> value;
			case "[Ljava.lang.String;" -> array.get();
			default -> throw new IllegalStateException("cannot bind a " + type + " again");
		};
	}
}
