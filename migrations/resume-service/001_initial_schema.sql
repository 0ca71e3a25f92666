-- resume_service_db 001: initial schema.
-- Creates: function update_updated_at_column() (trigger), table storage_configs (seeded with the
-- local, s3 and railway providers; no secrets, those come from the environment), table resumes,
-- their updated_at triggers and indexes, and the functions get_default_storage_config() and
-- validate_file_upload(integer, varchar, uuid) (redefined by 004 to honour allowed_file_types).

CREATE OR REPLACE FUNCTION update_updated_at_column()
RETURNS trigger
LANGUAGE plpgsql
AS $$
BEGIN
    NEW.updated_at := now();
    RETURN NEW;
END;
$$;

CREATE TABLE IF NOT EXISTS storage_configs (
    id                     uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    provider_name          varchar(50)  NOT NULL UNIQUE
                           CHECK (provider_name IN ('local', 's3', 'railway')),
    display_name           varchar(100) NOT NULL,
    is_default             boolean      NOT NULL DEFAULT false,
    is_active              boolean      NOT NULL DEFAULT true,
    config                 jsonb        NOT NULL DEFAULT '{}'::jsonb
                           CHECK (jsonb_typeof(config) = 'object'),
    max_file_size          bigint       NOT NULL DEFAULT 10485760 CHECK (max_file_size > 0),
    allowed_mime_types     text[]       NOT NULL DEFAULT ARRAY[
                               'application/pdf',
                               'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
                               'text/plain',
                               'text/markdown']::text[],
    max_user_storage_bytes bigint       DEFAULT 104857600
                           CHECK (max_user_storage_bytes IS NULL OR max_user_storage_bytes > 0),
    created_at             timestamptz  NOT NULL DEFAULT now(),
    updated_at             timestamptz  NOT NULL DEFAULT now()
);

-- At most one default provider.
CREATE UNIQUE INDEX IF NOT EXISTS storage_configs_one_default_idx
    ON storage_configs (is_default) WHERE is_default;

CREATE OR REPLACE TRIGGER update_storage_configs_updated_at
    BEFORE UPDATE ON storage_configs
    FOR EACH ROW EXECUTE FUNCTION update_updated_at_column();

-- Seed providers. local becomes the default only when no other default exists, so a re-run after an
-- operator changed the default (or deleted local) neither duplicates rows nor breaks the one-default index.
INSERT INTO storage_configs (provider_name, display_name, is_default, is_active, config)
SELECT 'local', 'Local filesystem',
       NOT EXISTS (SELECT 1 FROM storage_configs WHERE is_default), true,
       '{"base_path": "./data/resumes"}'::jsonb
ON CONFLICT (provider_name) DO NOTHING;

INSERT INTO storage_configs (provider_name, display_name, is_default, is_active, config)
VALUES ('s3', 'Amazon S3', false, false,
        '{"bucket": null, "region": "us-east-1", "endpoint": null, "base_path": "resumes/", "path_style": false}'::jsonb)
ON CONFLICT (provider_name) DO NOTHING;

INSERT INTO storage_configs (provider_name, display_name, is_default, is_active, config)
VALUES ('railway', 'Railway storage', false, false,
        '{"bucket": null, "region": null, "endpoint": null, "base_path": "resumes/", "path_style": true}'::jsonb)
ON CONFLICT (provider_name) DO NOTHING;

CREATE TABLE IF NOT EXISTS resumes (
    id                    uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    user_id               uuid         NOT NULL,
    title                 varchar(255) NOT NULL CHECK (btrim(title) <> ''),
    original_filename     varchar(255),
    storage_provider      varchar(50)  REFERENCES storage_configs (provider_name),
    storage_key           varchar(512),
    storage_url           text,
    file_size             integer      CHECK (file_size >= 0),
    mime_type             varchar(127),
    checksum_sha256       char(64)     CHECK (checksum_sha256 ~ '^[0-9a-fA-F]{64}$'),
    content               text,
    content_source        varchar(20)  CHECK (content_source IN ('upload', 'text')),
    processing_status     varchar(20)  NOT NULL DEFAULT 'pending'
                          CHECK (processing_status IN ('pending', 'processing', 'completed', 'failed')),
    processing_error      text,
    analysis_requested_at timestamptz,
    analysis_attempts     integer      NOT NULL DEFAULT 0 CHECK (analysis_attempts >= 0),
    analysis_completed_at timestamptz,
    ai_analysis           jsonb,
    quality_score         numeric(5,2) CHECK (quality_score BETWEEN 0 AND 100),
    ats_score             numeric(5,2) CHECK (ats_score BETWEEN 0 AND 100),
    skills                jsonb        DEFAULT '[]'::jsonb,
    current_version       integer      NOT NULL DEFAULT 1 CHECK (current_version >= 1),
    created_at            timestamptz  NOT NULL DEFAULT now(),
    updated_at            timestamptz  NOT NULL DEFAULT now()
);

-- Keyset listing of a user's résumés (newest first); also serves user_id lookups and the user.deleted purge.
CREATE INDEX IF NOT EXISTS resumes_user_created_idx
    ON resumes (user_id, created_at DESC, id DESC);
-- Title search / sort within a user's résumés.
CREATE INDEX IF NOT EXISTS resumes_user_lower_title_idx
    ON resumes (user_id, lower(title));
-- Re-send sweep: résumés whose analysis has been pending too long.
CREATE INDEX IF NOT EXISTS resumes_analysis_sweep_idx
    ON resumes (analysis_requested_at)
    WHERE processing_status IN ('pending', 'processing');
-- Storage object lookup (is a key still referenced?) and the storage_provider foreign key.
CREATE INDEX IF NOT EXISTS resumes_storage_key_idx
    ON resumes (storage_provider, storage_key);
-- Duplicate-upload detection per user.
CREATE INDEX IF NOT EXISTS resumes_user_checksum_idx
    ON resumes (user_id, checksum_sha256)
    WHERE checksum_sha256 IS NOT NULL;
-- Per-user storage quota and storage_usage_summary (index-only scans).
CREATE INDEX IF NOT EXISTS resumes_user_storage_idx
    ON resumes (user_id, storage_provider) INCLUDE (file_size, created_at);

CREATE OR REPLACE TRIGGER update_resumes_updated_at
    BEFORE UPDATE ON resumes
    FOR EACH ROW EXECUTE FUNCTION update_updated_at_column();

-- The default, active storage provider (no row when none is both).
CREATE OR REPLACE FUNCTION get_default_storage_config()
RETURNS TABLE (
    id                     uuid,
    provider_name          varchar,
    display_name           varchar,
    config                 jsonb,
    max_file_size          bigint,
    allowed_mime_types     text[],
    max_user_storage_bytes bigint
)
LANGUAGE sql
STABLE
AS $$
    SELECT s.id, s.provider_name, s.display_name, s.config, s.max_file_size,
           s.allowed_mime_types, s.max_user_storage_bytes
    FROM storage_configs s
    WHERE s.is_default AND s.is_active
    LIMIT 1;
$$;

-- True iff the upload fits the default provider: 0 < size <= max_file_size, the MIME type (parameters
-- such as "; charset=utf-8" and case ignored) is allowed, and the user's stored bytes + size stay
-- within max_user_storage_bytes (NULL = no quota).
CREATE OR REPLACE FUNCTION validate_file_upload(p_file_size integer, p_mime_type varchar, p_user_id uuid)
RETURNS boolean
LANGUAGE plpgsql
STABLE
AS $$
DECLARE
    v_mime text := lower(btrim(split_part(p_mime_type, ';', 1)));
    v_cfg  record;
    v_used bigint;
BEGIN
    IF p_file_size IS NULL OR p_file_size <= 0 OR coalesce(v_mime, '') = '' OR p_user_id IS NULL THEN
        RETURN false;
    END IF;

    SELECT * INTO v_cfg FROM get_default_storage_config();
    IF NOT FOUND OR p_file_size > v_cfg.max_file_size
       OR NOT EXISTS (SELECT 1 FROM unnest(v_cfg.allowed_mime_types) m WHERE lower(m) = v_mime) THEN
        RETURN false;
    END IF;

    IF v_cfg.max_user_storage_bytes IS NOT NULL THEN
        SELECT coalesce(sum(r.file_size), 0) INTO v_used FROM resumes r WHERE r.user_id = p_user_id;
        RETURN v_used + p_file_size <= v_cfg.max_user_storage_bytes;
    END IF;
    RETURN true;
END;
$$;
