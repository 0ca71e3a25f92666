-- 006_mfa_and_oidc.sql
-- Second factors (TOTP) with single-use recovery codes, the short-lived tokens between a password and its second
-- factor, and sign-in with OpenID Connect providers: linked identities, the pending authorisation requests and the
-- one-time codes a client exchanges for its tokens. Sessions remember how they were authenticated (aal, amr), so
-- that a refreshed access token says the same without another query.
-- Creates: tables mfa_factors, mfa_recovery_codes, mfa_challenges, user_identities, oidc_states,
--          oidc_exchange_codes and their indexes; columns user_sessions.aal and user_sessions.amr;
--          users.password_hash becomes nullable (an account created by an identity provider has no password).

ALTER TABLE users ALTER COLUMN password_hash DROP NOT NULL;

ALTER TABLE user_sessions ADD COLUMN IF NOT EXISTS aal varchar(8) NOT NULL DEFAULT 'aal1';
ALTER TABLE user_sessions ADD COLUMN IF NOT EXISTS amr text[] NOT NULL DEFAULT '{pwd}';
COMMENT ON COLUMN user_sessions.aal IS 'Authenticator assurance level of the sign-in that opened the session (aal1, aal2).';
COMMENT ON COLUMN user_sessions.amr IS 'Authentication methods of that sign-in (RFC 8176 names: pwd, otp; oidc for a provider).';

CREATE TABLE IF NOT EXISTS mfa_factors (
    id                uuid        PRIMARY KEY DEFAULT gen_random_uuid(),
    user_id           uuid        NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    factor_type       varchar(16) NOT NULL DEFAULT 'totp',
    status            varchar(16) NOT NULL DEFAULT 'unverified',
    secret_encrypted  bytea       NOT NULL,
    last_used_step    bigint,
    created_at        timestamptz NOT NULL DEFAULT now(),
    verified_at       timestamptz,
    CONSTRAINT mfa_factors_type_chk   CHECK (factor_type IN ('totp')),
    CONSTRAINT mfa_factors_status_chk CHECK (status IN ('unverified', 'verified'))
);
COMMENT ON TABLE mfa_factors IS
    'Second factors. The TOTP secret is AES-256-GCM encrypted (user.mfa.encryptionKey); last_used_step is the '
    'newest 30-second step whose code was accepted: no code of that step or an older one is accepted again.';
CREATE INDEX IF NOT EXISTS idx_mfa_factors_user ON mfa_factors (user_id);
-- at most one verified TOTP factor per account
CREATE UNIQUE INDEX IF NOT EXISTS idx_mfa_factors_one_verified ON mfa_factors (user_id, factor_type)
    WHERE status = 'verified';

CREATE TABLE IF NOT EXISTS mfa_recovery_codes (
    id          uuid        PRIMARY KEY DEFAULT gen_random_uuid(),
    user_id     uuid        NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    code_hash   bytea       NOT NULL,
    created_at  timestamptz NOT NULL DEFAULT now(),
    used_at     timestamptz,
    CONSTRAINT mfa_recovery_codes_user_code_key UNIQUE (user_id, code_hash)
);
COMMENT ON TABLE mfa_recovery_codes IS 'Single-use recovery codes (SHA-256 of the normalised code), ten per enrolment.';

CREATE TABLE IF NOT EXISTS mfa_challenges (
    token_hash  bytea       PRIMARY KEY,
    user_id     uuid        NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    amr         text[]      NOT NULL,
    created_at  timestamptz NOT NULL DEFAULT now(),
    expires_at  timestamptz NOT NULL,
    CONSTRAINT mfa_challenges_expiry_chk CHECK (expires_at > created_at)
);
COMMENT ON TABLE mfa_challenges IS
    'A first factor passed, the second awaited: the SHA-256 of the mfaToken, the methods used so far; spent on success.';
CREATE INDEX IF NOT EXISTS idx_mfa_challenges_user ON mfa_challenges (user_id);
CREATE INDEX IF NOT EXISTS idx_mfa_challenges_expires_at ON mfa_challenges (expires_at);

CREATE TABLE IF NOT EXISTS user_identities (
    id              uuid         PRIMARY KEY DEFAULT gen_random_uuid(),
    user_id         uuid         NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    provider        varchar(64)  NOT NULL,
    subject         varchar(255) NOT NULL,
    email           varchar(255),
    created_at      timestamptz  NOT NULL DEFAULT now(),
    last_sign_in_at timestamptz  NOT NULL DEFAULT now(),
    CONSTRAINT user_identities_provider_subject_key UNIQUE (provider, subject)
);
COMMENT ON TABLE user_identities IS 'Accounts at OpenID Connect providers linked to ours, by the provider''s subject.';
CREATE INDEX IF NOT EXISTS idx_user_identities_user ON user_identities (user_id);

CREATE TABLE IF NOT EXISTS oidc_states (
    state_hash              bytea        PRIMARY KEY,
    provider                varchar(64)  NOT NULL,
    redirect_uri            text         NOT NULL,
    client_state            varchar(512),
    code_verifier_encrypted bytea        NOT NULL,
    nonce_hash              bytea        NOT NULL,
    created_at              timestamptz  NOT NULL DEFAULT now(),
    expires_at              timestamptz  NOT NULL,
    CONSTRAINT oidc_states_expiry_chk CHECK (expires_at > created_at)
);
COMMENT ON TABLE oidc_states IS
    'Authorisation requests sent to a provider and not yet returned: SHA-256 of state and nonce, the PKCE verifier '
    'encrypted; each is consumed by its callback, once.';
CREATE INDEX IF NOT EXISTS idx_oidc_states_expires_at ON oidc_states (expires_at);

CREATE TABLE IF NOT EXISTS oidc_exchange_codes (
    code_hash   bytea       PRIMARY KEY,
    user_id     uuid        NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    provider    varchar(64) NOT NULL,
    created_at  timestamptz NOT NULL DEFAULT now(),
    expires_at  timestamptz NOT NULL,
    CONSTRAINT oidc_exchange_codes_expiry_chk CHECK (expires_at > created_at)
);
COMMENT ON TABLE oidc_exchange_codes IS 'One-time codes handed to the client''s redirectUri (SHA-256), exchanged once for tokens.';
CREATE INDEX IF NOT EXISTS idx_oidc_exchange_codes_user ON oidc_exchange_codes (user_id);
CREATE INDEX IF NOT EXISTS idx_oidc_exchange_codes_expires_at ON oidc_exchange_codes (expires_at);
