-- resume_service_db down 004: drops view storage_usage_summary and table allowed_file_types (with its
-- trigger and indexes), and restores validate_file_upload(integer, varchar, uuid) as 001 defines it.

DROP VIEW IF EXISTS storage_usage_summary;
DROP TABLE IF EXISTS allowed_file_types CASCADE;

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
