package org.tipx.recruitment;

/**
 * A job posting as platforms send it to {@code POST /api/v1/recruitment/score} and as feeds deliver it. Every field is
 * optional text except that a posting needs a title or a description; the scorer reports what is missing or too long
 * in the posting's own entry.
 */
public record Posting(String id, String title, String description, String company, String location, String salary,
		String contact, String url, String platform) {
}
