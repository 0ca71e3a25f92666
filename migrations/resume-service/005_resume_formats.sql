-- resume_service_db 005: the formats résumés come in and go out in.
-- Adds resume_versions.json_resume with its partial index resume_versions_json_resume_idx (the JSON Resume document a version was imported from, kept so that an export
-- gives it back as it came); allows OpenDocument text, RTF, legacy Word and JSON Resume files in
-- allowed_file_types and in the storage providers' allowed_mime_types (those that allow the seed's types).

ALTER TABLE resume_versions
    ADD COLUMN IF NOT EXISTS json_resume jsonb
        CONSTRAINT resume_versions_json_resume_object_chk
        CHECK (json_resume IS NULL OR jsonb_typeof(json_resume) = 'object');

-- The versions that carry an imported document, by résumé (which résumés came as JSON Resume, and their history).
CREATE INDEX IF NOT EXISTS resume_versions_json_resume_idx
    ON resume_versions (resume_id, version_number) WHERE json_resume IS NOT NULL;

COMMENT ON COLUMN resume_versions.json_resume IS
    'The JSON Resume document this version''s text was rendered from; NULL for versions written as text or files.';

INSERT INTO allowed_file_types (mime_type, extensions, max_file_size, description)
VALUES
    ('application/vnd.oasis.opendocument.text', ARRAY['odt'], 10485760, 'OpenDocument text (ODT)'),
    ('application/rtf', ARRAY['rtf'], 10485760, 'Rich Text Format'),
    ('application/msword', ARRAY['doc'], 10485760, 'Microsoft Word 97-2003 document (DOC)'),
    ('application/json', ARRAY['json'], 1048576, 'JSON Resume document')
ON CONFLICT (mime_type) DO NOTHING;

-- Providers keeping the seed's list (it allows DOCX) gain the new types; a list an operator narrowed is left alone.
UPDATE storage_configs
SET allowed_mime_types = allowed_mime_types || ARRAY(
        SELECT t FROM unnest(ARRAY['application/vnd.oasis.opendocument.text', 'application/rtf',
                                   'application/msword', 'application/json']::text[]) AS t
        WHERE NOT t = ANY (allowed_mime_types))
WHERE 'application/vnd.openxmlformats-officedocument.wordprocessingml.document' = ANY (allowed_mime_types)
  AND NOT allowed_mime_types @> ARRAY['application/vnd.oasis.opendocument.text', 'application/rtf',
                                      'application/msword', 'application/json']::text[];

ALTER TABLE storage_configs
    ALTER COLUMN allowed_mime_types SET DEFAULT ARRAY[
        'application/pdf',
        'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
        'text/plain',
        'text/markdown',
        'application/vnd.oasis.opendocument.text',
        'application/rtf',
        'application/msword',
        'application/json']::text[];
