-- Undoes 006_mfa_and_oidc.sql (an account without a password keeps none: give it one before this runs).
DROP TABLE IF EXISTS oidc_exchange_codes;
DROP TABLE IF EXISTS oidc_states;
DROP TABLE IF EXISTS user_identities;
DROP TABLE IF EXISTS mfa_challenges;
DROP TABLE IF EXISTS mfa_recovery_codes;
DROP TABLE IF EXISTS mfa_factors;
ALTER TABLE user_sessions DROP COLUMN IF EXISTS amr;
ALTER TABLE user_sessions DROP COLUMN IF EXISTS aal;
ALTER TABLE users ALTER COLUMN password_hash SET NOT NULL;
