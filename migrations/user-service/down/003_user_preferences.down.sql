-- user-service down 003_user_preferences
-- Reverses 003: drops view user_search_optimization, function get_user_profile_complete(uuid),
-- tables user_preferences and user_profiles (their indexes and triggers go with them).
DROP VIEW IF EXISTS user_search_optimization;
DROP FUNCTION IF EXISTS get_user_profile_complete(uuid);
DROP TABLE IF EXISTS user_preferences;
DROP TABLE IF EXISTS user_profiles;
