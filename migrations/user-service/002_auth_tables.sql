-- user-service 002_auth_tables
-- Creates: tables user_sessions, refresh_tokens, password_resets, email_verifications (tokens stored only as
--          SHA-256 digests, bytea of 32 bytes), their indexes,
--          function cleanup_expired_auth_data() -> jsonb (retention-aware clean-up, keeps the audit trail),
--          view active_sessions_summary (one row per user with active sessions).
-- user_sessions has NO updated_at column and therefore NO updated_at trigger (last_active_at is set by the service).

CREATE TABLE IF NOT EXISTS user_sessions (
    id              uuid        PRIMARY KEY DEFAULT gen_random_uuid(),
    user_id         uuid        NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    ip_address      inet,
    user_agent      text,
    device_info     jsonb,
    created_at      timestamptz NOT NULL DEFAULT now(),
    last_active_at  timestamptz NOT NULL DEFAULT now(),
    expires_at      timestamptz NOT NULL,
    revoked_at      timestamptz,
    revoked_reason  varchar(50),
    CONSTRAINT user_sessions_expiry_chk CHECK (expires_at > created_at)
);

COMMENT ON TABLE user_sessions IS
    'Login sessions (JWT sid). A session is the refresh-token family. Active = revoked_at IS NULL AND expires_at > now().';

-- FK (cascade on user delete) and "all sessions of a user", newest first
CREATE INDEX IF NOT EXISTS idx_user_sessions_user_id_created_at ON user_sessions (user_id, created_at DESC);
-- "active sessions of a user" and active_sessions_summary
CREATE INDEX IF NOT EXISTS idx_user_sessions_user_active ON user_sessions (user_id, last_active_at DESC)
    WHERE revoked_at IS NULL;
-- clean-up sweep of expired sessions
CREATE INDEX IF NOT EXISTS idx_user_sessions_expires_at ON user_sessions (expires_at);
-- clean-up sweep of sessions revoked beyond the audit retention
CREATE INDEX IF NOT EXISTS idx_user_sessions_revoked_at ON user_sessions (revoked_at)
    WHERE revoked_at IS NOT NULL;

CREATE TABLE IF NOT EXISTS refresh_tokens (
    id              uuid        PRIMARY KEY DEFAULT gen_random_uuid(),
    user_id         uuid        NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    session_id      uuid        NOT NULL REFERENCES user_sessions (id) ON DELETE CASCADE,
    token_hash      bytea       NOT NULL,
    parent_id       uuid,
    created_at      timestamptz NOT NULL DEFAULT now(),
    expires_at      timestamptz NOT NULL,
    used_at         timestamptz,
    revoked_at      timestamptz,
    revoked_reason  varchar(50),
    replaced_by     uuid,
    ip_address      inet,
    user_agent      text,
    CONSTRAINT refresh_tokens_token_hash_key UNIQUE (token_hash),
    CONSTRAINT refresh_tokens_token_hash_len_chk CHECK (octet_length(token_hash) = 32),
    CONSTRAINT refresh_tokens_expiry_chk CHECK (expires_at > created_at)
);

COMMENT ON TABLE refresh_tokens IS
    'Rotating refresh tokens. token_hash = SHA-256 of the token. session_id is the rotation family; parent_id is the '
    'token this one replaced, replaced_by the token that replaced it (plain uuids, no FK, so clean-up never breaks '
    'on them). used_at = when it was rotated; presenting a used token again means reuse: revoke the whole session.';

-- revoke a whole family / FK cascade from user_sessions
CREATE INDEX IF NOT EXISTS idx_refresh_tokens_session_id ON refresh_tokens (session_id);
-- revoke all tokens of a user (password change, logout everywhere) / FK cascade from users
CREATE INDEX IF NOT EXISTS idx_refresh_tokens_user_id ON refresh_tokens (user_id);
-- clean-up sweep of expired tokens
CREATE INDEX IF NOT EXISTS idx_refresh_tokens_expires_at ON refresh_tokens (expires_at);
-- clean-up sweep of tokens used/revoked beyond the audit retention (same expression as in the function)
CREATE INDEX IF NOT EXISTS idx_refresh_tokens_last_event ON refresh_tokens ((greatest(revoked_at, used_at)));

CREATE TABLE IF NOT EXISTS password_resets (
    id          uuid        PRIMARY KEY DEFAULT gen_random_uuid(),
    user_id     uuid        NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    token_hash  bytea       NOT NULL,
    created_at  timestamptz NOT NULL DEFAULT now(),
    expires_at  timestamptz NOT NULL,
    used_at     timestamptz,
    ip_address  inet,
    CONSTRAINT password_resets_token_hash_key UNIQUE (token_hash),
    CONSTRAINT password_resets_token_hash_len_chk CHECK (octet_length(token_hash) = 32),
    CONSTRAINT password_resets_expiry_chk CHECK (expires_at > created_at)
);

COMMENT ON TABLE password_resets IS 'Password reset tokens (SHA-256 digests), single use (used_at).';

CREATE INDEX IF NOT EXISTS idx_password_resets_user_id ON password_resets (user_id, created_at DESC);
CREATE INDEX IF NOT EXISTS idx_password_resets_expires_at ON password_resets (expires_at);

CREATE TABLE IF NOT EXISTS email_verifications (
    id           uuid         PRIMARY KEY DEFAULT gen_random_uuid(),
    user_id      uuid         NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    email        varchar(255) NOT NULL,
    token_hash   bytea        NOT NULL,
    created_at   timestamptz  NOT NULL DEFAULT now(),
    expires_at   timestamptz  NOT NULL,
    verified_at  timestamptz,
    CONSTRAINT email_verifications_token_hash_key UNIQUE (token_hash),
    CONSTRAINT email_verifications_token_hash_len_chk CHECK (octet_length(token_hash) = 32),
    CONSTRAINT email_verifications_expiry_chk CHECK (expires_at > created_at)
);

COMMENT ON TABLE email_verifications IS
    'Email verification tokens (SHA-256 digests) for the address in email (sign-up or email change).';

CREATE INDEX IF NOT EXISTS idx_email_verifications_user_id ON email_verifications (user_id, created_at DESC);
CREATE INDEX IF NOT EXISTS idx_email_verifications_expires_at ON email_verifications (expires_at);

-- Retention rules (nothing is deleted the moment it is revoked or used):
--   * a row that simply expired (never used/verified/revoked) is kept 7 days after expires_at;
--   * a row that was used, verified or revoked is kept 30 days after its LAST such event;
--   * a session is "finished" when revoked more than 30 days ago, or (never revoked and) expired more than
--     7 days ago; a finished session is deleted together with its refresh tokens (counted as refresh_tokens).
-- Tokens are deleted before sessions, so the counts are exact (the FK cascade finds nothing left).
CREATE OR REPLACE FUNCTION cleanup_expired_auth_data()
RETURNS jsonb
LANGUAGE plpgsql
AS $$
DECLARE
    v_now               constant timestamptz := now();
    v_expired_cutoff    constant timestamptz := now() - interval '7 days';
    v_audit_cutoff      constant timestamptz := now() - interval '30 days';
    v_sessions          bigint := 0;
    v_tokens            bigint := 0;
    v_tokens_of_session bigint := 0;
    v_resets            bigint := 0;
    v_verifications     bigint := 0;
BEGIN
    -- 1. tokens of finished sessions
    DELETE FROM refresh_tokens rt
     USING user_sessions s
     WHERE rt.session_id = s.id
       AND (s.revoked_at < v_audit_cutoff
            OR (s.revoked_at IS NULL AND s.expires_at < v_expired_cutoff));
    GET DIAGNOSTICS v_tokens_of_session = ROW_COUNT;

    -- 2. tokens past their own retention
    DELETE FROM refresh_tokens
     WHERE greatest(revoked_at, used_at) < v_audit_cutoff
        OR (revoked_at IS NULL AND used_at IS NULL AND expires_at < v_expired_cutoff);
    GET DIAGNOSTICS v_tokens = ROW_COUNT;
    v_tokens := v_tokens + v_tokens_of_session;

    -- 3. finished sessions
    DELETE FROM user_sessions
     WHERE revoked_at < v_audit_cutoff
        OR (revoked_at IS NULL AND expires_at < v_expired_cutoff);
    GET DIAGNOSTICS v_sessions = ROW_COUNT;

    -- 4. password resets
    DELETE FROM password_resets
     WHERE used_at < v_audit_cutoff
        OR (used_at IS NULL AND expires_at < v_expired_cutoff);
    GET DIAGNOSTICS v_resets = ROW_COUNT;

    -- 5. email verifications
    DELETE FROM email_verifications
     WHERE verified_at < v_audit_cutoff
        OR (verified_at IS NULL AND expires_at < v_expired_cutoff);
    GET DIAGNOSTICS v_verifications = ROW_COUNT;

    RETURN jsonb_build_object(
        'sessions',            v_sessions,
        'refresh_tokens',      v_tokens,
        'password_resets',     v_resets,
        'email_verifications', v_verifications);
END;
$$;

COMMENT ON FUNCTION cleanup_expired_auth_data() IS
    'Deletes auth rows past retention (expired > 7 days, used/revoked/verified > 30 days); returns '
    '{"sessions":n,"refresh_tokens":n,"password_resets":n,"email_verifications":n}.';

CREATE OR REPLACE VIEW active_sessions_summary AS
SELECT u.id                                AS user_id,
       u.email,
       u.username,
       count(*)                            AS active_sessions,
       max(s.last_active_at)               AS last_activity,
       min(s.created_at)                   AS first_session_at,
       max(s.expires_at)                   AS latest_expires_at,
       count(DISTINCT s.ip_address)        AS distinct_ip_count,
       coalesce(array_agg(DISTINCT s.user_agent) FILTER (WHERE s.user_agent IS NOT NULL),
                '{}'::text[])              AS user_agents
  FROM user_sessions s
  JOIN users u ON u.id = s.user_id
 WHERE s.revoked_at IS NULL
   AND s.expires_at > now()
 GROUP BY u.id, u.email, u.username;

COMMENT ON VIEW active_sessions_summary IS
    'One row per user having active (not revoked, not expired) sessions.';
