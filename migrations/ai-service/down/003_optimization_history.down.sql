-- AI service, down migration 003: reverses 003_optimization_history.sql.
-- Drops: views model_performance_analytics, optimization_analytics; functions
-- get_user_optimization_insights(uuid), get_model_performance_trends(integer),
-- get_optimization_history_stats(uuid, integer); tables user_optimization_preferences,
-- model_performance_history, optimization_history, optimization_templates (with their triggers,
-- indexes and seed rows).

DROP VIEW IF EXISTS model_performance_analytics;
DROP VIEW IF EXISTS optimization_analytics;

DROP FUNCTION IF EXISTS get_user_optimization_insights(uuid);
DROP FUNCTION IF EXISTS get_model_performance_trends(integer);
DROP FUNCTION IF EXISTS get_optimization_history_stats(uuid, integer);

DROP TABLE IF EXISTS user_optimization_preferences;
DROP TABLE IF EXISTS model_performance_history;
DROP TABLE IF EXISTS optimization_history;
DROP TABLE IF EXISTS optimization_templates;
