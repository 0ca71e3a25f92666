-- resume_service_db 002: version control.
-- Creates: tables resume_versions (one content snapshot per version, UNIQUE (resume_id, version_number))
-- and resume_version_changes, their indexes; functions get_next_version_number(uuid),
-- create_resume_version(...) (row-locked numbering), get_resume_version_history(uuid),
-- compare_resume_versions(uuid, integer, integer); trigger function create_initial_version() with
-- trigger create_initial_resume_version on resumes; view resume_version_summary.

CREATE TABLE IF NOT EXISTS resume_versions (
    id                    uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    resume_id             uuid         NOT NULL REFERENCES resumes (id) ON DELETE CASCADE,
    version_number        integer      NOT NULL CHECK (version_number >= 1),
    title                 varchar(255),
    filename              varchar(255),
    storage_key           varchar(512),
    storage_url           text,
    file_size             integer      CHECK (file_size >= 0),
    checksum_sha256       char(64)     CHECK (checksum_sha256 ~ '^[0-9a-fA-F]{64}$'),
    content               text,
    content_changes       jsonb        DEFAULT '{}'::jsonb,
    optimization_notes    text,
    created_by            varchar(50)  NOT NULL DEFAULT 'user'
                          CHECK (created_by IN ('user', 'ai', 'restore', 'system')),
    version_reason        varchar(255),
    restored_from_version integer      CHECK (restored_from_version >= 1),
    created_at            timestamptz  NOT NULL DEFAULT now(),
    -- Backs the row-locked numbering of create_resume_version; its index also serves
    -- "latest version" and history reads (scanned backwards for version_number DESC).
    CONSTRAINT resume_versions_resume_version_key UNIQUE (resume_id, version_number),
    -- Target of resume_version_changes' composite foreign key (keeps its resume_id consistent).
    CONSTRAINT resume_versions_id_resume_key UNIQUE (id, resume_id)
);

-- Recent versions across résumés (activity feeds, retention jobs).
CREATE INDEX IF NOT EXISTS resume_versions_created_at_idx
    ON resume_versions (created_at DESC);
-- Versions by origin (e.g. recent AI-made versions).
CREATE INDEX IF NOT EXISTS resume_versions_created_by_idx
    ON resume_versions (created_by, created_at DESC);

CREATE TABLE IF NOT EXISTS resume_version_changes (
    id          uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    version_id  uuid        NOT NULL,
    resume_id   uuid        NOT NULL REFERENCES resumes (id) ON DELETE CASCADE,
    section     varchar(100),
    change_type varchar(20) NOT NULL CHECK (change_type IN ('added', 'removed', 'modified')),
    old_value   text,
    new_value   text,
    source      varchar(20) NOT NULL DEFAULT 'user' CHECK (source IN ('user', 'ai', 'restore', 'system')),
    created_at  timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT resume_version_changes_version_fkey FOREIGN KEY (version_id, resume_id)
        REFERENCES resume_versions (id, resume_id) ON DELETE CASCADE
);

-- Changes of one version (history change_count, cascades from resume_versions).
CREATE INDEX IF NOT EXISTS resume_version_changes_version_idx
    ON resume_version_changes (version_id);
-- Changes of one résumé, newest first (cascades from resumes).
CREATE INDEX IF NOT EXISTS resume_version_changes_resume_created_idx
    ON resume_version_changes (resume_id, created_at DESC);

-- Informational only: the number the next version would get. create_resume_version takes the number
-- itself under a row lock; do not insert with this value.
CREATE OR REPLACE FUNCTION get_next_version_number(p_resume_id uuid)
RETURNS integer
LANGUAGE sql
STABLE
AS $$
    SELECT coalesce(max(v.version_number), 0) + 1
    FROM resume_versions v
    WHERE v.resume_id = p_resume_id;
$$;

-- Snapshots the CURRENT resumes row (update resumes first in the same transaction) as the next
-- version and returns its id. The FOR UPDATE lock on the résumé serialises concurrent callers
-- (READ COMMITTED: each waiter sees the previous caller's version once it commits); the unique
-- constraint backs it. p_filename/p_storage_key/p_storage_url/p_file_size default to the résumé's
-- values when NULL. p_content_changes->'restored_from_version' (a number) fills restored_from_version.
CREATE OR REPLACE FUNCTION create_resume_version(
    p_resume_id          uuid,
    p_filename           varchar,
    p_storage_key        varchar,
    p_storage_url        varchar,
    p_file_size          integer,
    p_content_changes    jsonb,
    p_optimization_notes text,
    p_created_by         varchar,
    p_version_reason     varchar
)
RETURNS uuid
LANGUAGE plpgsql
AS $$
DECLARE
    v_resume  resumes%ROWTYPE;
    v_next    integer;
    v_changes jsonb := coalesce(p_content_changes, '{}'::jsonb);
    v_id      uuid;
BEGIN
    -- Checked here so the error names the value instead of dumping the whole row (content included).
    IF p_created_by IS NOT NULL AND p_created_by NOT IN ('user', 'ai', 'restore', 'system') THEN
        RAISE EXCEPTION 'invalid created_by "%": expected user, ai, restore or system', p_created_by
            USING ERRCODE = 'check_violation';
    END IF;

    SELECT * INTO v_resume FROM resumes WHERE id = p_resume_id FOR UPDATE;
    IF NOT FOUND THEN
        RAISE EXCEPTION 'resume % does not exist', p_resume_id
            USING ERRCODE = 'no_data_found', HINT = 'create_resume_version needs an existing resumes.id';
    END IF;

    SELECT coalesce(max(v.version_number), 0) + 1 INTO v_next
    FROM resume_versions v
    WHERE v.resume_id = p_resume_id;

    INSERT INTO resume_versions (
        resume_id, version_number, title, filename, storage_key, storage_url, file_size,
        checksum_sha256, content, content_changes, optimization_notes, created_by, version_reason,
        restored_from_version)
    VALUES (
        p_resume_id, v_next, v_resume.title,
        coalesce(p_filename, v_resume.original_filename),
        coalesce(p_storage_key, v_resume.storage_key),
        coalesce(p_storage_url, v_resume.storage_url),
        coalesce(p_file_size, v_resume.file_size),
        v_resume.checksum_sha256, v_resume.content, v_changes, p_optimization_notes,
        coalesce(p_created_by, 'user'), p_version_reason,
        CASE WHEN jsonb_typeof(v_changes -> 'restored_from_version') = 'number'
             THEN (v_changes ->> 'restored_from_version')::numeric::integer END)
    RETURNING id INTO v_id;

    UPDATE resumes SET current_version = v_next WHERE id = p_resume_id;
    RETURN v_id;
END;
$$;

-- Version 1 of every new résumé, copied from the inserted row.
CREATE OR REPLACE FUNCTION create_initial_version()
RETURNS trigger
LANGUAGE plpgsql
AS $$
BEGIN
    INSERT INTO resume_versions (
        resume_id, version_number, title, filename, storage_key, storage_url, file_size,
        checksum_sha256, content, content_changes, created_by, version_reason)
    VALUES (
        NEW.id, 1, NEW.title, NEW.original_filename, NEW.storage_key, NEW.storage_url, NEW.file_size,
        NEW.checksum_sha256, NEW.content, '{}'::jsonb, 'user', 'Initial version')
    ON CONFLICT (resume_id, version_number) DO NOTHING;
    RETURN NEW;
END;
$$;

CREATE OR REPLACE TRIGGER create_initial_resume_version
    AFTER INSERT ON resumes
    FOR EACH ROW EXECUTE FUNCTION create_initial_version();

-- Versions of a résumé, newest first.
CREATE OR REPLACE FUNCTION get_resume_version_history(p_resume_id uuid)
RETURNS TABLE (
    version_id            uuid,
    version_number        integer,
    filename              varchar,
    file_size             integer,
    created_by            varchar,
    version_reason        varchar,
    optimization_notes    text,
    content_changes       jsonb,
    change_count          integer,
    content_length        integer,
    created_at            timestamptz,
    is_current            boolean,
    title                 varchar,
    restored_from_version integer
)
LANGUAGE sql
STABLE
AS $$
    SELECT v.id, v.version_number, v.filename, v.file_size, v.created_by, v.version_reason,
           v.optimization_notes, coalesce(v.content_changes, '{}'::jsonb),
           (SELECT count(*) FROM resume_version_changes c WHERE c.version_id = v.id)::integer,
           coalesce(char_length(v.content), 0),
           v.created_at, v.version_number = r.current_version, v.title, v.restored_from_version
    FROM resume_versions v
    JOIN resumes r ON r.id = v.resume_id
    WHERE v.resume_id = p_resume_id
    ORDER BY v.version_number DESC;
$$;

-- Line diff of two version snapshots, lines taken as multisets (one trailing newline ignored, \r\n = \n):
-- removed = lines of v1 not in v2, added = lines of v2 not in v1 (duplicates counted),
-- changed = least(added, removed), reported added/removed exclude the changed ones.
-- size_difference = file_size(v2) - file_size(v1) (NULL sizes as 0); content_length_difference in characters.
-- changes = resume_version_changes of the versions in (least(v1,v2), greatest(v1,v2)].
-- No row when either version does not exist.
CREATE OR REPLACE FUNCTION compare_resume_versions(p_resume_id uuid, p_version1 integer, p_version2 integer)
RETURNS TABLE (
    version1                  integer,
    version2                  integer,
    lines_added               integer,
    lines_removed             integer,
    lines_changed             integer,
    size_difference           integer,
    version1_created_at       timestamptz,
    version2_created_at       timestamptz,
    changes                   jsonb,
    content_length_difference integer
)
LANGUAGE sql
STABLE
AS $$
    WITH v1 AS (
        SELECT * FROM resume_versions WHERE resume_id = p_resume_id AND version_number = p_version1
    ), v2 AS (
        SELECT * FROM resume_versions WHERE resume_id = p_resume_id AND version_number = p_version2
    ), l1 AS (
        SELECT line
        FROM v1, regexp_split_to_table(regexp_replace(v1.content, E'\\r?\\n$', ''), E'\\r?\\n') AS line
        WHERE v1.content <> ''
    ), l2 AS (
        SELECT line
        FROM v2, regexp_split_to_table(regexp_replace(v2.content, E'\\r?\\n$', ''), E'\\r?\\n') AS line
        WHERE v2.content <> ''
    ), d AS (
        SELECT (SELECT count(*) FROM (SELECT line FROM l2 EXCEPT ALL SELECT line FROM l1) a)::integer AS added,
               (SELECT count(*) FROM (SELECT line FROM l1 EXCEPT ALL SELECT line FROM l2) r)::integer AS removed
    )
    SELECT v1.version_number, v2.version_number,
           d.added - least(d.added, d.removed),
           d.removed - least(d.added, d.removed),
           least(d.added, d.removed),
           coalesce(v2.file_size, 0) - coalesce(v1.file_size, 0),
           v1.created_at, v2.created_at,
           (SELECT coalesce(jsonb_agg(jsonb_build_object(
                        'id', c.id, 'version_number', v.version_number, 'section', c.section,
                        'change_type', c.change_type, 'old_value', c.old_value, 'new_value', c.new_value,
                        'source', c.source, 'created_at', c.created_at)
                    ORDER BY v.version_number, c.created_at, c.id), '[]'::jsonb)
            FROM resume_version_changes c
            JOIN resume_versions v ON v.id = c.version_id
            WHERE v.resume_id = p_resume_id
              AND v.version_number > least(p_version1, p_version2)
              AND v.version_number <= greatest(p_version1, p_version2)),
           coalesce(char_length(v2.content), 0) - coalesce(char_length(v1.content), 0)
    FROM v1, v2, d;
$$;

-- Per résumé: version counts and times, counts by origin.
CREATE OR REPLACE VIEW resume_version_summary AS
SELECT r.id AS resume_id,
       r.user_id,
       r.title,
       r.current_version,
       s.version_count,
       s.latest_version,
       s.first_version_at,
       s.last_version_at,
       s.user_versions,
       s.ai_versions,
       s.restore_versions,
       s.system_versions
FROM resumes r
CROSS JOIN LATERAL (
    SELECT count(*)                                      AS version_count,
           max(v.version_number)                         AS latest_version,
           min(v.created_at)                             AS first_version_at,
           max(v.created_at)                             AS last_version_at,
           count(*) FILTER (WHERE v.created_by = 'user')    AS user_versions,
           count(*) FILTER (WHERE v.created_by = 'ai')      AS ai_versions,
           count(*) FILTER (WHERE v.created_by = 'restore') AS restore_versions,
           count(*) FILTER (WHERE v.created_by = 'system')  AS system_versions
    FROM resume_versions v
    WHERE v.resume_id = r.id
) s;
