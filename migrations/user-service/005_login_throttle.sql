-- 005_login_throttle.sql
-- Failed sign-in guesses per account identifier, whether or not an account has it: each attempt is reserved here
-- before the password is hashed, and past a few free attempts the next one must wait a delay that doubles up to a
-- cap (never an indefinite lock). A correct password clears the row; the retention sweep drops quiet rows.
-- Creates: table login_throttle and the index the sweep reads.

CREATE TABLE IF NOT EXISTS login_throttle (
    identifier_hash  bytea       PRIMARY KEY,
    attempts         integer     NOT NULL DEFAULT 0 CHECK (attempts >= 0),
    last_attempt_at  timestamptz NOT NULL DEFAULT now(),
    next_attempt_at  timestamptz NOT NULL DEFAULT now()
);

COMMENT ON TABLE login_throttle IS
    'Sign-in attempts per identifier (SHA-256 of the lower-cased login or of user:<id>), known account or not.';

CREATE INDEX IF NOT EXISTS idx_login_throttle_last_attempt ON login_throttle (last_attempt_at);
