-- The 30-second step of the last authenticator code accepted for each user (0: none yet). A code of
-- that step or an earlier one is refused, so an overheard code cannot be used again (RFC 6238 section 5.2).
ALTER TABLE users ADD COLUMN last_totp_step BIGINT NOT NULL DEFAULT 0;
