-- 004_user_deletions.sql
-- A durable record of each deleted account, so that every other service hears of it: the user service
-- re-publishes user.deleted for a record until each required service has acknowledged its purge.
-- Creates: table user_deletions and the index its re-publishing sweep reads.

CREATE TABLE IF NOT EXISTS user_deletions (
    user_id            uuid        PRIMARY KEY,
    deleted_at         timestamptz NOT NULL DEFAULT now(),
    acknowledged_by    text[]      NOT NULL DEFAULT '{}',
    last_published_at  timestamptz,
    publish_count      integer     NOT NULL DEFAULT 0 CHECK (publish_count >= 0),
    completed_at       timestamptz
);

COMMENT ON TABLE user_deletions IS
    'Deleted accounts (no personal data: only the id) until every service has acknowledged purging them.';

CREATE INDEX IF NOT EXISTS idx_user_deletions_pending ON user_deletions (last_published_at NULLS FIRST)
    WHERE completed_at IS NULL;
