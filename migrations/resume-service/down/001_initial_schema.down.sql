-- resume_service_db down 001: drops functions validate_file_upload and get_default_storage_config,
-- tables resumes and storage_configs (with their triggers, indexes and seed rows), and the trigger
-- function update_updated_at_column().

DROP FUNCTION IF EXISTS validate_file_upload(integer, varchar, uuid);
DROP FUNCTION IF EXISTS get_default_storage_config();

DROP TABLE IF EXISTS resumes CASCADE;
DROP TABLE IF EXISTS storage_configs CASCADE;

DROP FUNCTION IF EXISTS update_updated_at_column() CASCADE;
