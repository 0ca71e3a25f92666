package org.jobdash.migrations;

import java.util.List;

/**
 * What the seed and SCHEMA_NAMES.md require of each service's database: names that existing SQL clients call,
 * the seed's catalog figures, calls that must run, and a few rows that make the calls see data.
 */
enum ServiceSchema {
  USER("user", 7, 3, 2, 20,
      List.of("users", "user_sessions", "refresh_tokens", "password_resets", "email_verifications", "user_profiles",
          "user_preferences"),
      List.of("active_sessions_summary", "user_search_optimization"),
      List.of("update_updated_at_column()", "cleanup_expired_auth_data()", "get_user_profile_complete(user_uuid uuid)"),
      List.of("SELECT cleanup_expired_auth_data()", "SELECT get_user_profile_complete('%1$s')",
          "SELECT * FROM active_sessions_summary", "SELECT * FROM user_search_optimization"),
      List.of("INSERT INTO users (id, email, username, password_hash) VALUES ('%1$s', 'a%2$s@example.com', 'u%2$s', 'x')",
          "INSERT INTO user_sessions (user_id, ip_address, user_agent, expires_at) VALUES ('%1$s', '10.0.0.1', 'ua', now() + interval '1 day')",
          "INSERT INTO user_profiles (user_id, headline, skills) VALUES ('%1$s', 'Nurse', '[\"Triage\"]')",
          "INSERT INTO user_preferences (user_id, desired_roles) VALUES ('%1$s', '{Nurse}')")),
  RESUME("resume", 8, 6, 4, 25,
      List.of("storage_configs", "resumes", "resume_versions", "resume_version_changes", "resume_optimizations",
          "resume_analyses", "optimization_feedback", "allowed_file_types"),
      List.of("resume_version_summary", "optimization_performance_metrics", "analysis_performance_metrics",
          "storage_usage_summary"),
      List.of("update_updated_at_column()", "get_default_storage_config()",
          "validate_file_upload(p_file_size integer, p_mime_type character varying, p_user_id uuid)",
          "get_next_version_number(p_resume_id uuid)",
          "create_resume_version(p_resume_id uuid, p_filename character varying, p_storage_key character varying, "
              + "p_storage_url character varying, p_file_size integer, p_content_changes jsonb, p_optimization_notes text, "
              + "p_created_by character varying, p_version_reason character varying)",
          "get_resume_version_history(p_resume_id uuid)",
          "compare_resume_versions(p_resume_id uuid, p_version1 integer, p_version2 integer)",
          "create_initial_version()", "get_optimization_statistics(p_user_id uuid)",
          "get_optimization_history(p_resume_id uuid)", "get_analysis_summary(p_resume_id uuid)"),
      List.of("SELECT * FROM get_default_storage_config()", "SELECT validate_file_upload(1000, 'application/pdf', '%1$s')",
          "SELECT get_next_version_number('%1$s')", "SELECT * FROM get_resume_version_history('%1$s')",
          "SELECT * FROM compare_resume_versions('%1$s', 1, 2)", "SELECT * FROM get_optimization_statistics('%1$s')",
          "SELECT * FROM get_optimization_history('%1$s')", "SELECT * FROM get_analysis_summary('%1$s')",
          "SELECT * FROM resume_version_summary", "SELECT * FROM optimization_performance_metrics",
          "SELECT * FROM analysis_performance_metrics"),
      List.of("INSERT INTO resumes (id, user_id, title, content) VALUES ('%1$s', '%1$s', 'CV', 'line one')",
          "UPDATE resumes SET content = 'line one' || chr(10) || 'line two' WHERE id = '%1$s'",
          "SELECT create_resume_version('%1$s', NULL, NULL, NULL, NULL, '{}', NULL, 'user', 'edit')")),
  AI("ai", 10, 8, 5, 30,
      List.of("ai_processing_sessions", "embeddings", "ai_models", "resume_optimizations", "job_match_analyses",
          "skill_analyses", "content_analyses", "optimization_history", "model_performance_history",
          "user_optimization_preferences", "optimization_templates"),
      List.of("ai_processing_overview", "processing_session_summary", "user_processing_activity",
          "optimization_analytics", "model_performance_analytics"),
      List.of("update_updated_at_column()", "get_processing_session_stats(p_user_id uuid)",
          "get_model_performance_stats()", "get_embedding_stats(p_session_id uuid)",
          "get_optimization_statistics(p_user_id uuid)", "get_job_matching_statistics(p_user_id uuid)",
          "get_skill_analysis_statistics(p_user_id uuid)", "get_optimization_history_stats(p_user_id uuid, p_days integer)",
          "get_model_performance_trends(p_days integer)", "get_user_optimization_insights(p_user_id uuid)"),
      List.of("SELECT * FROM get_processing_session_stats()", "SELECT * FROM get_processing_session_stats('%1$s')",
          "SELECT * FROM get_model_performance_stats()", "SELECT * FROM get_embedding_stats()",
          "SELECT * FROM get_optimization_statistics()", "SELECT * FROM get_job_matching_statistics('%1$s')",
          "SELECT * FROM get_skill_analysis_statistics()", "SELECT * FROM get_optimization_history_stats()",
          "SELECT * FROM get_optimization_history_stats('%1$s', 7)", "SELECT * FROM get_model_performance_trends()",
          "SELECT get_user_optimization_insights('%1$s')", "SELECT * FROM ai_processing_overview",
          "SELECT * FROM processing_session_summary", "SELECT * FROM user_processing_activity",
          "SELECT * FROM optimization_analytics", "SELECT * FROM model_performance_analytics"),
      List.of("INSERT INTO ai_processing_sessions (user_id, operation, model_id, model_name, provider, status, "
              + "input_tokens, output_tokens, latency_ms) SELECT '%1$s', 'embedding', id, model_name, provider, "
              + "'completed', 12, 0, 40 FROM ai_models WHERE model_name = 'all-minilm-l6-v2-q'",
          "INSERT INTO embeddings (user_id, source_type, content_text, embedding) "
              + "SELECT '%1$s', 'text', 'hello', array_fill(0.05::real, ARRAY[384])",
          "INSERT INTO job_match_analyses (user_id, job_description, overall_score, matched_skills) "
              + "VALUES ('%1$s', 'Chef de partie', 71.5, '[\"Knife skills\"]')"));

  final String key;
  final int minTables;
  final int minFunctions;
  final int minViews;
  final int minIndexes;
  final List<String> tables;
  final List<String> views;
  final List<String> functions;
  final List<String> calls;
  final List<String> rows;

  ServiceSchema(String key, int minTables, int minFunctions, int minViews, int minIndexes, List<String> tables,
                List<String> views, List<String> functions, List<String> calls, List<String> rows) {
    this.key = key;
    this.minTables = minTables;
    this.minFunctions = minFunctions;
    this.minViews = minViews;
    this.minIndexes = minIndexes;
    this.tables = tables;
    this.views = views;
    this.functions = functions;
    this.calls = calls;
    this.rows = rows;
  }
}
