-- resume_service_db 004: cloud storage configuration, file type validation, size limits.
-- Creates: table allowed_file_types (seeded: PDF, DOCX, text/plain, text/markdown) with its indexes and
-- updated_at trigger; redefines validate_file_upload(integer, varchar, uuid) to also require an active
-- allowed_file_types row and honour its max_file_size; view storage_usage_summary.

CREATE TABLE IF NOT EXISTS allowed_file_types (
    id            uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    mime_type     varchar(127) NOT NULL UNIQUE CHECK (mime_type = lower(btrim(mime_type)) AND mime_type <> ''),
    extensions    text[]       NOT NULL DEFAULT '{}'::text[],
    max_file_size bigint       CHECK (max_file_size > 0),
    description   varchar(255),
    is_active     boolean      NOT NULL DEFAULT true,
    created_at    timestamptz  NOT NULL DEFAULT now(),
    updated_at    timestamptz  NOT NULL DEFAULT now()
);

-- Which MIME type(s) a file extension maps to (extensions = ARRAY['docx'] / @> lookups).
CREATE INDEX IF NOT EXISTS allowed_file_types_extensions_idx
    ON allowed_file_types USING gin (extensions);

CREATE OR REPLACE TRIGGER update_allowed_file_types_updated_at
    BEFORE UPDATE ON allowed_file_types
    FOR EACH ROW EXECUTE FUNCTION update_updated_at_column();

INSERT INTO allowed_file_types (mime_type, extensions, max_file_size, description)
VALUES
    ('application/pdf', ARRAY['pdf'], 10485760, 'PDF document'),
    ('application/vnd.openxmlformats-officedocument.wordprocessingml.document', ARRAY['docx'], 10485760,
     'Microsoft Word document (DOCX)'),
    ('text/plain', ARRAY['txt'], 10485760, 'Plain text'),
    ('text/markdown', ARRAY['md', 'markdown'], 10485760, 'Markdown text')
ON CONFLICT (mime_type) DO NOTHING;

-- True iff the upload fits the default provider AND the file-type table: 0 < size <= the provider's
-- max_file_size and the type's max_file_size (when set), the MIME type (parameters and case ignored)
-- is in the provider's allowed list and has an active allowed_file_types row, and the user's stored
-- bytes + size stay within max_user_storage_bytes (NULL = no quota).
CREATE OR REPLACE FUNCTION validate_file_upload(p_file_size integer, p_mime_type varchar, p_user_id uuid)
RETURNS boolean
LANGUAGE plpgsql
STABLE
AS $$
DECLARE
    v_mime     text := lower(btrim(split_part(p_mime_type, ';', 1)));
    v_cfg      record;
    v_type_max bigint;
    v_used     bigint;
BEGIN
    IF p_file_size IS NULL OR p_file_size <= 0 OR coalesce(v_mime, '') = '' OR p_user_id IS NULL THEN
        RETURN false;
    END IF;

    SELECT * INTO v_cfg FROM get_default_storage_config();
    IF NOT FOUND OR p_file_size > v_cfg.max_file_size
       OR NOT EXISTS (SELECT 1 FROM unnest(v_cfg.allowed_mime_types) m WHERE lower(m) = v_mime) THEN
        RETURN false;
    END IF;

    SELECT t.max_file_size INTO v_type_max
    FROM allowed_file_types t
    WHERE t.mime_type = v_mime AND t.is_active;
    IF NOT FOUND OR p_file_size > coalesce(v_type_max, v_cfg.max_file_size) THEN
        RETURN false;
    END IF;

    IF v_cfg.max_user_storage_bytes IS NOT NULL THEN
        SELECT coalesce(sum(r.file_size), 0) INTO v_used FROM resumes r WHERE r.user_id = p_user_id;
        RETURN v_used + p_file_size <= v_cfg.max_user_storage_bytes;
    END IF;
    RETURN true;
END;
$$;

-- Stored files per user and provider (résumés with a stored file or a known size).
CREATE OR REPLACE VIEW storage_usage_summary AS
SELECT r.user_id,
       r.storage_provider,
       count(*)                            AS file_count,
       coalesce(sum(r.file_size), 0)::bigint AS total_bytes,
       max(r.created_at)                   AS last_upload_at
FROM resumes r
WHERE r.storage_key IS NOT NULL OR r.file_size IS NOT NULL
GROUP BY r.user_id, r.storage_provider;
