package org.tipx.signals.web;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

import org.springframework.context.MessageSource;
import org.tipx.shared.Tlp;
import org.tipx.signals.Category;
import org.tipx.signals.Chain;
import org.tipx.signals.IndicatorType;
import org.tipx.signals.Platform;
import org.tipx.signals.imports.RowError;

/**
 * A bad row's problem in plain words of the page's language, from its code; for example, that the category
 * ‘fraud’ is not one of Recruitment fraud (RECRUITMENT_FRAUD), Scam compound (SCAM_COMPOUND) and the others. The
 * values to write in the file stay in brackets, since the file needs them. A problem without a code (a file or
 * header problem) is shown in the English of the API.
 */
final class ImportErrorWords {

	private final MessageSource messages;

	private final Locale locale;

	ImportErrorWords(MessageSource messages, Locale locale) {
		this.messages = messages;
		this.locale = locale;
	}

	/** The words, or null when the error has no code and only its English message says it. */
	String words(RowError error) {
		if (error.code() == null) {
			return null;
		}
		String column = error.column() == null ? "" : error.column();
		Object[] args = { column, error.given() == null ? "" : error.given(), choices(column) };
		return messages.getMessage("exchange.imports.error." + error.code(), args, error.message(), locale);
	}

	/** What a column with a fixed list accepts, in words with the value to write. */
	private String choices(String column) {
		List<String> choices = switch (column) {
			case "category" -> Arrays.stream(Category.values())
					.map(c -> word("signals.report.category." + c.name()) + " (" + c.name() + ")").toList();
			case "type" -> Arrays.stream(IndicatorType.values())
					.map(t -> word("signals.lookup.kind." + t.wire()) + " (" + t.wire() + ")").toList();
			case "tlp" -> Arrays.stream(Tlp.values()).map(Enum::name).toList();
			case "platform" -> Platform.wireNames();
			case "chain" -> Chain.wireNames();
			default -> List.of();
		};
		return choices.stream().collect(Collectors.joining(", "));
	}

	private String word(String key) {
		return messages.getMessage(key, null, key, locale);
	}
}
