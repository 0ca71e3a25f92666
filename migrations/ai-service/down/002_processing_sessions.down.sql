-- AI service, down migration 002: reverses 002_processing_sessions.sql.
-- Drops: views user_processing_activity, processing_session_summary; functions
-- get_skill_analysis_statistics(uuid), get_job_matching_statistics(uuid), get_optimization_statistics(uuid);
-- tables content_analyses, skill_analyses, job_match_analyses, resume_optimizations (with their indexes).
-- Apply after down/003 (optimization_history references resume_optimizations).

DROP VIEW IF EXISTS user_processing_activity;
DROP VIEW IF EXISTS processing_session_summary;

DROP FUNCTION IF EXISTS get_skill_analysis_statistics(uuid);
DROP FUNCTION IF EXISTS get_job_matching_statistics(uuid);
DROP FUNCTION IF EXISTS get_optimization_statistics(uuid);

DROP TABLE IF EXISTS content_analyses;
DROP TABLE IF EXISTS skill_analyses;
DROP TABLE IF EXISTS job_match_analyses;
DROP TABLE IF EXISTS resume_optimizations;
