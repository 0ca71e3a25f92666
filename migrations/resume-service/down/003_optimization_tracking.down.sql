-- resume_service_db down 003: drops views optimization_performance_metrics and analysis_performance_metrics,
-- functions get_optimization_statistics, get_optimization_history, get_analysis_summary and
-- set_optimization_improvement, and tables optimization_feedback, resume_analyses, resume_optimizations
-- (with their triggers and indexes).

DROP VIEW IF EXISTS analysis_performance_metrics;
DROP VIEW IF EXISTS optimization_performance_metrics;

DROP FUNCTION IF EXISTS get_analysis_summary(uuid);
DROP FUNCTION IF EXISTS get_optimization_history(uuid);
DROP FUNCTION IF EXISTS get_optimization_statistics(uuid);

DROP TABLE IF EXISTS optimization_feedback CASCADE;
DROP TABLE IF EXISTS resume_analyses CASCADE;
DROP TABLE IF EXISTS resume_optimizations CASCADE;

DROP FUNCTION IF EXISTS set_optimization_improvement() CASCADE;
