-- user-service 001_initial_schema
-- Creates: function update_updated_at_column() (trigger function, sets NEW.updated_at),
--          table users (accounts, profile basics, subscription, lockout counters),
--          indexes on lower(email), lower(username), created_at, active users, subscription expiry,
--          trigger update_users_updated_at.
-- Idempotent: safe to run twice with psql and once per version under Flyway (one transaction).

CREATE OR REPLACE FUNCTION update_updated_at_column()
RETURNS trigger
LANGUAGE plpgsql
AS $$
BEGIN
    NEW.updated_at = now();
    RETURN NEW;
END;
$$;

COMMENT ON FUNCTION update_updated_at_column() IS
    'BEFORE UPDATE trigger function: sets NEW.updated_at = now(). Attach only to tables that have updated_at.';

CREATE TABLE IF NOT EXISTS users (
    id                       uuid         PRIMARY KEY DEFAULT gen_random_uuid(),
    email                    varchar(255) NOT NULL,
    username                 varchar(50)  NOT NULL,
    password_hash            text         NOT NULL,
    first_name               varchar(100),
    last_name                varchar(100),
    full_name                varchar(200),
    title                    varchar(200),
    years_experience         integer,
    education                jsonb        DEFAULT '[]'::jsonb,
    phone                    varchar(32),
    location                 varchar(255),
    linkedin_url             text,
    github_url               text,
    portfolio_url            text,
    bio                      text,
    subscription_tier        varchar(20)  NOT NULL DEFAULT 'free',
    subscription_expires_at  timestamptz,
    email_verified           boolean      NOT NULL DEFAULT false,
    email_verified_at        timestamptz,
    is_active                boolean      NOT NULL DEFAULT true,
    roles                    text[]       NOT NULL DEFAULT '{user}',
    failed_login_attempts    integer      NOT NULL DEFAULT 0,
    last_failed_login_at     timestamptz,
    locked_until             timestamptz,
    last_login_at            timestamptz,
    password_changed_at      timestamptz,
    created_at               timestamptz  NOT NULL DEFAULT now(),
    updated_at               timestamptz  NOT NULL DEFAULT now(),
    CONSTRAINT users_email_format_chk      CHECK (email ~ '^[^@[:space:]]+@[^@[:space:]]+$'),
    CONSTRAINT users_username_not_blank_chk CHECK (btrim(username) <> ''),
    CONSTRAINT users_years_experience_chk  CHECK (years_experience BETWEEN 0 AND 80),
    CONSTRAINT users_education_array_chk   CHECK (jsonb_typeof(education) = 'array'),
    CONSTRAINT users_subscription_tier_chk CHECK (subscription_tier IN ('free', 'basic', 'premium', 'enterprise')),
    CONSTRAINT users_failed_logins_chk     CHECK (failed_login_attempts >= 0)
);

COMMENT ON TABLE users IS 'User accounts: credentials (Argon2id hash), profile basics, subscription, lockout state.';
COMMENT ON COLUMN users.password_hash IS 'Argon2id encoded hash; never returned by functions or views.';
COMMENT ON COLUMN users.education IS 'JSON array of education entries.';
COMMENT ON COLUMN users.roles IS 'Authorization roles carried in the JWT (default {user}).';
COMMENT ON COLUMN users.locked_until IS 'Login refused until this instant after too many failed attempts.';

-- Case-insensitive uniqueness and login lookups: WHERE lower(email) = lower($1) / lower(username) = lower($1)
CREATE UNIQUE INDEX IF NOT EXISTS idx_users_email_lower    ON users (lower(email));
CREATE UNIQUE INDEX IF NOT EXISTS idx_users_username_lower ON users (lower(username));
-- Admin listing, newest first (keyset pagination on created_at)
CREATE INDEX IF NOT EXISTS idx_users_created_at ON users (created_at DESC);
-- Active users listing / search (user_search_optimization filters is_active)
CREATE INDEX IF NOT EXISTS idx_users_active_created_at ON users (created_at DESC) WHERE is_active;
-- Subscription expiry sweep: WHERE subscription_expires_at < now()
CREATE INDEX IF NOT EXISTS idx_users_subscription_expires_at ON users (subscription_expires_at)
    WHERE subscription_expires_at IS NOT NULL;

CREATE OR REPLACE TRIGGER update_users_updated_at
    BEFORE UPDATE ON users
    FOR EACH ROW EXECUTE FUNCTION update_updated_at_column();
