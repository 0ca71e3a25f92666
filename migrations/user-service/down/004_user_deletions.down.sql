-- Undoes 004_user_deletions.sql.
DROP TABLE IF EXISTS user_deletions;
