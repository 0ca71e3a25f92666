-- user-service down 001_initial_schema
-- Reverses 001: drops table users (its indexes and trigger update_users_updated_at go with it)
-- and function update_updated_at_column(). Run after down 003 and 002.
DROP TABLE IF EXISTS users;
DROP FUNCTION IF EXISTS update_updated_at_column();
