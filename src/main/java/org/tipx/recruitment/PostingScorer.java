package org.tipx.recruitment;

import java.util.List;

/**
 * Scores job postings for recruitment fraud (lexicon per language plus the statistical model, combined and
 * calibrated), with known recruiters from the signal exchange as far as the caller may see them. The answer has one
 * entry per posting, in the same order; a bad posting gets an entry with an error and does not stop the others.
 */
public interface PostingScorer {

	List<Assessment> score(List<Posting> postings, Caller caller);
}
