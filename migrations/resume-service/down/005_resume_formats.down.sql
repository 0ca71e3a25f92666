-- resume_service_db down 005: drops resume_versions.json_resume and its index, the four file types 005 allowed (from
-- allowed_file_types and the providers' allowed_mime_types) and restores the seed's default list.

DROP INDEX IF EXISTS resume_versions_json_resume_idx;
ALTER TABLE resume_versions DROP COLUMN IF EXISTS json_resume;

DELETE FROM allowed_file_types
WHERE mime_type IN ('application/vnd.oasis.opendocument.text', 'application/rtf', 'application/msword',
                    'application/json');

UPDATE storage_configs
SET allowed_mime_types = ARRAY(
        SELECT t FROM unnest(allowed_mime_types) AS t
        WHERE t NOT IN ('application/vnd.oasis.opendocument.text', 'application/rtf', 'application/msword',
                        'application/json'))
WHERE allowed_mime_types && ARRAY['application/vnd.oasis.opendocument.text', 'application/rtf',
                                  'application/msword', 'application/json']::text[];

ALTER TABLE storage_configs
    ALTER COLUMN allowed_mime_types SET DEFAULT ARRAY[
        'application/pdf',
        'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
        'text/plain',
        'text/markdown']::text[];
