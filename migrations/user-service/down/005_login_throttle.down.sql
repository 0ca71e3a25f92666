-- Undoes 005_login_throttle.sql.
DROP TABLE IF EXISTS login_throttle;
