package org.tipx.recruitment;

/**
 * Why a posting scored as it did: the indicator (e.g. {@code messaging-app-contact}), the evidence quoted exactly as it
 * appears in the posting's original text, and the weight it added. {@code field} names the posting field the evidence
 * was found in and {@code start}/{@code end} are its UTF-16 offsets in that field's original text (for highlighting);
 * for a reason not tied to a span (e.g. the statistical model) {@code field} is null and the offsets are -1.
 */
public record Reason(String indicator, String evidence, double weight, String field, int start, int end) {
}
