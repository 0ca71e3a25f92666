-- user-service 003_user_preferences
-- Creates: tables user_profiles (extended professional profile, one per user) and user_preferences
--          (job-search and AI personalisation settings, one per user), their indexes and updated_at triggers,
--          function get_user_profile_complete(user_uuid uuid) -> jsonb,
--          view user_search_optimization (one row per active user, for admin search).

CREATE TABLE IF NOT EXISTS user_profiles (
    id                  uuid         PRIMARY KEY DEFAULT gen_random_uuid(),
    user_id             uuid         NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    headline            varchar(255),
    summary             text,
    skills              jsonb        DEFAULT '[]'::jsonb,
    certifications      jsonb        DEFAULT '[]'::jsonb,
    languages           jsonb        DEFAULT '[]'::jsonb,
    links               jsonb        DEFAULT '{}'::jsonb,
    work_experience     jsonb        DEFAULT '[]'::jsonb,
    projects            jsonb        DEFAULT '[]'::jsonb,
    awards              jsonb        DEFAULT '[]'::jsonb,
    volunteer           jsonb        DEFAULT '[]'::jsonb,
    profile_visibility  varchar(20)  DEFAULT 'private',
    created_at          timestamptz  NOT NULL DEFAULT now(),
    updated_at          timestamptz  NOT NULL DEFAULT now(),
    CONSTRAINT user_profiles_user_id_key UNIQUE (user_id),
    CONSTRAINT user_profiles_visibility_chk CHECK (profile_visibility IN ('public', 'private', 'recruiters')),
    CONSTRAINT user_profiles_skills_array_chk          CHECK (jsonb_typeof(skills) = 'array'),
    CONSTRAINT user_profiles_certifications_array_chk  CHECK (jsonb_typeof(certifications) = 'array'),
    CONSTRAINT user_profiles_languages_array_chk       CHECK (jsonb_typeof(languages) = 'array'),
    CONSTRAINT user_profiles_links_object_chk          CHECK (jsonb_typeof(links) = 'object'),
    CONSTRAINT user_profiles_work_experience_array_chk CHECK (jsonb_typeof(work_experience) = 'array'),
    CONSTRAINT user_profiles_projects_array_chk        CHECK (jsonb_typeof(projects) = 'array'),
    CONSTRAINT user_profiles_awards_array_chk          CHECK (jsonb_typeof(awards) = 'array'),
    CONSTRAINT user_profiles_volunteer_array_chk       CHECK (jsonb_typeof(volunteer) = 'array')
);

COMMENT ON TABLE user_profiles IS 'Extended professional profile, one row per user.';
COMMENT ON COLUMN user_profiles.skills IS 'JSON array of strings or of objects {name, level, years}.';
COMMENT ON COLUMN user_profiles.links IS 'JSON object of extra links, e.g. {"blog": "https://..."}.';

CREATE OR REPLACE TRIGGER update_user_profiles_updated_at
    BEFORE UPDATE ON user_profiles
    FOR EACH ROW EXECUTE FUNCTION update_updated_at_column();

CREATE TABLE IF NOT EXISTS user_preferences (
    id                       uuid         PRIMARY KEY DEFAULT gen_random_uuid(),
    user_id                  uuid         NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    desired_roles            text[]       DEFAULT '{}',
    preferred_locations      text[]       DEFAULT '{}',
    remote_preference        varchar(10)  DEFAULT 'any',
    salary_min               integer,
    salary_max               integer,
    salary_currency          char(3)      DEFAULT 'USD',
    job_types                text[]       DEFAULT '{}',
    industries               text[]       DEFAULT '{}',
    company_sizes            text[]       DEFAULT '{}',
    willing_to_relocate      boolean      DEFAULT false,
    availability_date        date,
    career_level             varchar(30),
    ai_personalization       jsonb        NOT NULL DEFAULT '{}'::jsonb,
    ai_optimization_enabled  boolean      DEFAULT true,
    notification_settings    jsonb        DEFAULT '{}'::jsonb,
    job_alert_frequency      varchar(20),
    created_at               timestamptz  NOT NULL DEFAULT now(),
    updated_at               timestamptz  NOT NULL DEFAULT now(),
    CONSTRAINT user_preferences_user_id_key UNIQUE (user_id),
    CONSTRAINT user_preferences_remote_chk CHECK (remote_preference IN ('remote', 'hybrid', 'onsite', 'any')),
    CONSTRAINT user_preferences_salary_min_chk CHECK (salary_min >= 0),
    CONSTRAINT user_preferences_salary_max_chk CHECK (salary_max >= 0),
    CONSTRAINT user_preferences_salary_range_chk CHECK (salary_min IS NULL OR salary_max IS NULL OR salary_min <= salary_max),
    CONSTRAINT user_preferences_currency_chk CHECK (salary_currency ~ '^[A-Z]{3}$'),
    CONSTRAINT user_preferences_ai_personalization_chk CHECK (jsonb_typeof(ai_personalization) = 'object'),
    CONSTRAINT user_preferences_notification_settings_chk CHECK (jsonb_typeof(notification_settings) = 'object')
);

COMMENT ON TABLE user_preferences IS 'Job-search and AI personalisation preferences, one row per user.';
COMMENT ON COLUMN user_preferences.job_types IS 'e.g. full_time, part_time, contract, freelance, internship, temporary.';
COMMENT ON COLUMN user_preferences.ai_personalization IS 'JSON object: tone, optimization level, focus areas, ...';

-- admin search by array containment: WHERE desired_roles && $1 / industries @> $1 / preferred_locations && $1
CREATE INDEX IF NOT EXISTS idx_user_preferences_desired_roles       ON user_preferences USING gin (desired_roles);
CREATE INDEX IF NOT EXISTS idx_user_preferences_industries          ON user_preferences USING gin (industries);
CREATE INDEX IF NOT EXISTS idx_user_preferences_preferred_locations ON user_preferences USING gin (preferred_locations);

CREATE OR REPLACE TRIGGER update_user_preferences_updated_at
    BEFORE UPDATE ON user_preferences
    FOR EACH ROW EXECUTE FUNCTION update_updated_at_column();

-- One JSON document: the user's public columns (never password_hash, failed_login_attempts,
-- last_failed_login_at, locked_until), "profile", "preferences" (objects or null) and "active_sessions".
-- NULL when the user does not exist.
CREATE OR REPLACE FUNCTION get_user_profile_complete(user_uuid uuid)
RETURNS jsonb
LANGUAGE sql
STABLE
AS $$
    SELECT jsonb_build_object(
               'id',                      u.id,
               'email',                   u.email,
               'username',                u.username,
               'first_name',              u.first_name,
               'last_name',               u.last_name,
               'full_name',               u.full_name,
               'title',                   u.title,
               'years_experience',        u.years_experience,
               'education',               u.education,
               'phone',                   u.phone,
               'location',                u.location,
               'linkedin_url',            u.linkedin_url,
               'github_url',              u.github_url,
               'portfolio_url',           u.portfolio_url,
               'bio',                     u.bio,
               'subscription_tier',       u.subscription_tier,
               'subscription_expires_at', u.subscription_expires_at,
               'email_verified',          u.email_verified,
               'email_verified_at',       u.email_verified_at,
               'is_active',               u.is_active,
               'roles',                   to_jsonb(u.roles),
               'last_login_at',           u.last_login_at,
               'password_changed_at',     u.password_changed_at,
               'created_at',              u.created_at,
               'updated_at',              u.updated_at)
           || jsonb_build_object(
               'profile',         (SELECT to_jsonb(p)  FROM user_profiles p     WHERE p.user_id  = u.id),
               'preferences',     (SELECT to_jsonb(pr) FROM user_preferences pr WHERE pr.user_id = u.id),
               'active_sessions', (SELECT count(*) FROM user_sessions s
                                    WHERE s.user_id = u.id AND s.revoked_at IS NULL AND s.expires_at > now()))
      FROM users u
     WHERE u.id = user_uuid;
$$;

COMMENT ON FUNCTION get_user_profile_complete(uuid) IS
    'User columns (no password hash, no lock counters) + "profile" + "preferences" + "active_sessions"; NULL if no such user.';

CREATE OR REPLACE VIEW user_search_optimization AS
SELECT u.id,
       u.email,
       u.username,
       n.display_name                                   AS full_name,
       u.title,
       u.location,
       u.years_experience,
       u.subscription_tier,
       u.email_verified,
       coalesce(p.skills, '[]'::jsonb)                  AS skills,
       coalesce(pr.desired_roles, '{}'::text[])         AS desired_roles,
       coalesce(pr.preferred_locations, '{}'::text[])   AS preferred_locations,
       pr.remote_preference,
       coalesce(pr.industries, '{}'::text[])            AS industries,
       pr.salary_min,
       pr.salary_max,
       ( (CASE WHEN n.display_name IS NOT NULL THEN 10 ELSE 0 END)
       + (CASE WHEN nullif(btrim(u.title), '') IS NOT NULL THEN 10 ELSE 0 END)
       + (CASE WHEN nullif(btrim(u.location), '') IS NOT NULL THEN 10 ELSE 0 END)
       + (CASE WHEN u.years_experience IS NOT NULL THEN 10 ELSE 0 END)
       + (CASE WHEN coalesce(u.education, '[]'::jsonb) <> '[]'::jsonb THEN 10 ELSE 0 END)
       + (CASE WHEN coalesce(nullif(btrim(u.bio), ''), nullif(btrim(p.summary), ''),
                             nullif(btrim(p.headline), '')) IS NOT NULL THEN 10 ELSE 0 END)
       + (CASE WHEN coalesce(p.skills, '[]'::jsonb) <> '[]'::jsonb THEN 10 ELSE 0 END)
       + (CASE WHEN coalesce(p.work_experience, '[]'::jsonb) <> '[]'::jsonb THEN 10 ELSE 0 END)
       + (CASE WHEN cardinality(pr.desired_roles) > 0 THEN 10 ELSE 0 END)
       + (CASE WHEN u.email_verified THEN 10 ELSE 0 END)
       )::integer                                       AS profile_completeness,
       u.created_at,
       lower(concat_ws(' ', n.display_name, u.first_name, u.last_name, u.username, u.email,
                       u.title, u.location, sk.skill_names)) AS search_text,
       p.headline,
       p.profile_visibility,
       pr.salary_currency,
       u.updated_at
  FROM users u
  LEFT JOIN user_profiles p     ON p.user_id  = u.id
  LEFT JOIN user_preferences pr ON pr.user_id = u.id
  CROSS JOIN LATERAL (
        SELECT nullif(coalesce(nullif(btrim(u.full_name), ''),
                               concat_ws(' ', nullif(btrim(u.first_name), ''), nullif(btrim(u.last_name), ''))),
                      '') AS display_name
  ) n
  CROSS JOIN LATERAL (
        SELECT string_agg(CASE jsonb_typeof(e)
                              WHEN 'string' THEN e #>> '{}'
                              WHEN 'object' THEN e ->> 'name'
                          END, ' ') AS skill_names
          FROM jsonb_array_elements(CASE WHEN jsonb_typeof(p.skills) = 'array'
                                         THEN p.skills ELSE '[]'::jsonb END) AS e
  ) sk
 WHERE u.is_active;

COMMENT ON VIEW user_search_optimization IS
    'One row per active user (users + profile + preferences) with profile_completeness (0..100, ten items x 10) '
    'and search_text (lower-cased name, username, email, title, location, skill names) for LIKE filtering.';
