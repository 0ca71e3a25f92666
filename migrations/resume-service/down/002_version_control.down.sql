-- resume_service_db down 002: drops view resume_version_summary, trigger create_initial_resume_version
-- and its function create_initial_version(), functions compare_resume_versions, get_resume_version_history,
-- create_resume_version, get_next_version_number, and tables resume_version_changes, resume_versions.

DROP VIEW IF EXISTS resume_version_summary;

-- CASCADE also drops trigger create_initial_resume_version on resumes.
DROP FUNCTION IF EXISTS create_initial_version() CASCADE;
DROP FUNCTION IF EXISTS compare_resume_versions(uuid, integer, integer);
DROP FUNCTION IF EXISTS get_resume_version_history(uuid);
DROP FUNCTION IF EXISTS create_resume_version(uuid, varchar, varchar, varchar, integer, jsonb, text, varchar, varchar);
DROP FUNCTION IF EXISTS get_next_version_number(uuid);

DROP TABLE IF EXISTS resume_version_changes CASCADE;
DROP TABLE IF EXISTS resume_versions CASCADE;
