-- Each browser session remembers the stamp its account had at login; the stamp moves on when the account's open
-- sessions must end (deactivation, a password reset by an administrator), so those sessions end on their next request.
ALTER TABLE directory_account ADD COLUMN security_stamp BIGINT NOT NULL DEFAULT 0;
