-- AI service, down migration 001: reverses 001_initial_schema.sql.
-- Drops: view ai_processing_overview; functions get_embedding_stats(uuid), get_model_performance_stats(),
-- get_processing_session_stats(uuid); tables embeddings, ai_processing_sessions, ai_models (with their
-- triggers, indexes and seed rows); trigger function update_updated_at_column(); and the pgvector
-- extension, but only when 001 created it (recorded in the embeddings table comment) and nothing else
-- uses it. Apply after down/002 and down/003.

DROP VIEW IF EXISTS ai_processing_overview;

DROP FUNCTION IF EXISTS get_embedding_stats(uuid);
DROP FUNCTION IF EXISTS get_model_performance_stats();
DROP FUNCTION IF EXISTS get_processing_session_stats(uuid);

DO $mig$
DECLARE
    v_drop_extension boolean := false;
BEGIN
    IF to_regclass('embeddings') IS NOT NULL THEN
        v_drop_extension := coalesce(obj_description(to_regclass('embeddings'), 'pg_class')
                                     LIKE '%pgvector extension created by 001_initial_schema%', false);
    END IF;

    DROP TABLE IF EXISTS embeddings;

    IF v_drop_extension THEN
        BEGIN
            DROP EXTENSION IF EXISTS vector;   -- RESTRICT: kept if anything else still uses it
        EXCEPTION WHEN dependent_objects_still_exist OR insufficient_privilege THEN
            RAISE NOTICE 'pgvector extension kept (% %)', SQLSTATE, SQLERRM;
        END;
    END IF;
END
$mig$;

DROP TABLE IF EXISTS ai_processing_sessions;
DROP TABLE IF EXISTS ai_models;

DROP FUNCTION IF EXISTS update_updated_at_column();
