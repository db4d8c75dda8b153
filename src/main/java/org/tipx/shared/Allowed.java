package org.tipx.shared;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.security.access.prepost.PreAuthorize;

/**
 * Who may call a controller or one of its methods, written once: every page and API puts one of these on itself
 * instead of spelling role names in a security expression. Role names are those of {@code org.tipx.directory.Role};
 * a machine token's scopes appear as {@code SCOPE_<scope>} authorities, a person's session or token as
 * {@code ACCOUNT}.
 */
public final class Allowed {

	private Allowed() {
	}

	/** Anyone, signed in or not: the public pages (a report from someone held, the check of a letter). */
	@Documented
	@Target({ ElementType.TYPE, ElementType.METHOD })
	@Retention(RetentionPolicy.RUNTIME)
	@PreAuthorize("permitAll()")
	public @interface Anyone {
	}

	/** Administrators of the whole installation. */
	@Documented
	@Target({ ElementType.TYPE, ElementType.METHOD })
	@Retention(RetentionPolicy.RUNTIME)
	@PreAuthorize("hasRole('ADMIN')")
	public @interface Admin {
	}

	/** An organisation's administrators. */
	@Documented
	@Target({ ElementType.TYPE, ElementType.METHOD })
	@Retention(RetentionPolicy.RUNTIME)
	@PreAuthorize("hasRole('ORG_ADMIN')")
	public @interface OrgAdmin {
	}

	/** Administrators of the installation or of an organisation (what they may touch is checked in the use case). */
	@Documented
	@Target({ ElementType.TYPE, ElementType.METHOD })
	@Retention(RetentionPolicy.RUNTIME)
	@PreAuthorize("hasAnyRole('ADMIN', 'ORG_ADMIN')")
	public @interface Administrators {
	}

	/** Officers who screen people. */
	@Documented
	@Target({ ElementType.TYPE, ElementType.METHOD })
	@Retention(RetentionPolicy.RUNTIME)
	@PreAuthorize("hasRole('SCREENER')")
	public @interface Screener {
	}


	/**
	 * Officers who screen people, and their organisation's administrators, who look back on the organisation's
	 * screenings and paused interviews (what each may see: the use case).
	 */
	@Documented
	@Target({ ElementType.TYPE, ElementType.METHOD })
	@Retention(RetentionPolicy.RUNTIME)
	@PreAuthorize("hasAnyRole('SCREENER', 'ORG_ADMIN') and hasAuthority('ACCOUNT')")
	public @interface ScreeningReaders {
	}

	/** Focal points, who triage what reaches their organisation's inbox. */
	@Documented
	@Target({ ElementType.TYPE, ElementType.METHOD })
	@Retention(RetentionPolicy.RUNTIME)
	@PreAuthorize("hasRole('FOCAL_POINT')")
	public @interface FocalPoint {
	}

	/** Case workers, and organisations' administrators who supervise their cases (what each may do: the use case). */
	@Documented
	@Target({ ElementType.TYPE, ElementType.METHOD })
	@Retention(RetentionPolicy.RUNTIME)
	@PreAuthorize("hasAnyRole('CASE_WORKER', 'ORG_ADMIN') and hasAuthority('ACCOUNT')")
	public @interface CaseWorkers {
	}

	/** Case workers only. */
	@Documented
	@Target({ ElementType.TYPE, ElementType.METHOD })
	@Retention(RetentionPolicy.RUNTIME)
	@PreAuthorize("hasRole('CASE_WORKER') and hasAuthority('ACCOUNT')")
	public @interface CaseWorker {
	}

	/** Moderators, who decide on flagged job postings (recruitment moderation). */
	@Documented
	@Target({ ElementType.TYPE, ElementType.METHOD })
	@Retention(RetentionPolicy.RUNTIME)
	@PreAuthorize("hasRole('MODERATOR') and hasAuthority('ACCOUNT')")
	public @interface Moderator {
	}

	/** Moderators and organisations' administrators, who keep the organisation's job-posting sources. */
	@Documented
	@Target({ ElementType.TYPE, ElementType.METHOD })
	@Retention(RetentionPolicy.RUNTIME)
	@PreAuthorize("hasAnyRole('MODERATOR', 'ORG_ADMIN') and hasAuthority('ACCOUNT')")
	public @interface SourceKeepers {
	}

	/**
	 * Case workers and organisations' administrators, or a caller without a token: another tipx installation pushing
	 * a document it signed, whose signature the use case checks against the trusted peers before anything is stored.
	 */
	@Documented
	@Target({ ElementType.TYPE, ElementType.METHOD })
	@Retention(RetentionPolicy.RUNTIME)
	@PreAuthorize("isAnonymous() or (hasAnyRole('CASE_WORKER', 'ORG_ADMIN') and hasAuthority('ACCOUNT'))")
	public @interface CaseWorkersOrPeers {
	}

	/** A caller without a token: another tipx installation posting a document it signed (checked by the use case). */
	@Documented
	@Target({ ElementType.TYPE, ElementType.METHOD })
	@Retention(RetentionPolicy.RUNTIME)
	@PreAuthorize("isAnonymous()")
	public @interface Peers {
	}

	/** Any person signed in (session or personal token), whatever the roles; not a machine token. */
	@Documented
	@Target({ ElementType.TYPE, ElementType.METHOD })
	@Retention(RetentionPolicy.RUNTIME)
	@PreAuthorize("hasAuthority('ACCOUNT')")
	public @interface Person {
	}

	/** Any person signed in, or a machine token that may read the directory. */
	@Documented
	@Target({ ElementType.TYPE, ElementType.METHOD })
	@Retention(RetentionPolicy.RUNTIME)
	@PreAuthorize("hasAuthority('ACCOUNT') or hasAuthority('SCOPE_directory:read')")
	public @interface DirectoryReaders {
	}

	/** People who work with signals, or a machine token that may read them. */
	@Documented
	@Target({ ElementType.TYPE, ElementType.METHOD })
	@Retention(RetentionPolicy.RUNTIME)
	@PreAuthorize("hasAnyRole('ANALYST', 'FOCAL_POINT', 'MODERATOR', 'INVESTIGATOR')"
			+ " or hasAuthority('SCOPE_signals:read')")
	public @interface SignalReaders {
	}

	/** Signal readers, and administrators of the installation (warning list, flagged values). */
	@Documented
	@Target({ ElementType.TYPE, ElementType.METHOD })
	@Retention(RetentionPolicy.RUNTIME)
	@PreAuthorize("hasAnyRole('ANALYST', 'FOCAL_POINT', 'MODERATOR', 'INVESTIGATOR', 'ADMIN')"
			+ " or hasAuthority('SCOPE_signals:read')")
	public @interface SignalReadersAndAdmin {
	}

	/** People who work with signals, or a machine token that may file them. */
	@Documented
	@Target({ ElementType.TYPE, ElementType.METHOD })
	@Retention(RetentionPolicy.RUNTIME)
	@PreAuthorize("hasAnyRole('ANALYST', 'FOCAL_POINT', 'MODERATOR', 'INVESTIGATOR')"
			+ " or hasAuthority('SCOPE_signals:write')")
	public @interface SignalWriters {
	}

	/** People who curate networks (cut links): signal workers and administrators of the installation. */
	@Documented
	@Target({ ElementType.TYPE, ElementType.METHOD })
	@Retention(RetentionPolicy.RUNTIME)
	@PreAuthorize("hasAnyRole('ANALYST', 'FOCAL_POINT', 'MODERATOR', 'INVESTIGATOR', 'ADMIN')")
	public @interface LinkCurators {
	}

	/** Moderators and analysts who score job postings, or a machine token that may (a job board's checks). */
	@Documented
	@Target({ ElementType.TYPE, ElementType.METHOD })
	@Retention(RetentionPolicy.RUNTIME)
	@PreAuthorize("hasAnyRole('MODERATOR', 'ANALYST') or hasAuthority('SCOPE_recruitment:score')")
	public @interface RecruitmentScorers {
	}

	/** Moderators and analysts, signed in as people: the single-posting check page. */
	@Documented
	@Target({ ElementType.TYPE, ElementType.METHOD })
	@Retention(RetentionPolicy.RUNTIME)
	@PreAuthorize("hasAnyRole('MODERATOR', 'ANALYST') and hasAuthority('ACCOUNT')")
	public @interface PostingCheckers {
	}

	/**
	 * People who trace financial flows: investigators, and analysts (the flows module admits an analyst only of a
	 * financial intelligence unit).
	 */
	@Documented
	@Target({ ElementType.TYPE, ElementType.METHOD })
	@Retention(RetentionPolicy.RUNTIME)
	@PreAuthorize("hasAnyRole('INVESTIGATOR', 'ANALYST') and hasAuthority('ACCOUNT')")
	public @interface FlowTracers {
	}
}
