-- user-service down 002_auth_tables
-- Reverses 002: drops view active_sessions_summary, function cleanup_expired_auth_data(),
-- tables refresh_tokens, user_sessions, password_resets, email_verifications (with their indexes).
DROP VIEW IF EXISTS active_sessions_summary;
DROP FUNCTION IF EXISTS cleanup_expired_auth_data();
DROP TABLE IF EXISTS refresh_tokens;
DROP TABLE IF EXISTS user_sessions;
DROP TABLE IF EXISTS password_resets;
DROP TABLE IF EXISTS email_verifications;
