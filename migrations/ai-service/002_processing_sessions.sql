-- AI service, migration 002: results of AI processing.
-- Creates: tables resume_optimizations (AI side), job_match_analyses, skill_analyses, content_analyses;
-- functions get_optimization_statistics(uuid), get_job_matching_statistics(uuid),
-- get_skill_analysis_statistics(uuid); views processing_session_summary, user_processing_activity.
-- Idempotent: safe to apply twice with psql and inside one Flyway transaction.

-- ---------------------------------------------------------------------------------------------------
-- resume_optimizations: one optimisation of a résumé's content (template_id refers to
-- optimization_templates of migration 003; kept a plain uuid because that table does not exist yet)
-- ---------------------------------------------------------------------------------------------------
CREATE TABLE IF NOT EXISTS resume_optimizations (
    id                 uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    user_id            uuid NOT NULL,
    session_id         uuid REFERENCES ai_processing_sessions (id) ON DELETE SET NULL,
    resume_id          uuid,
    template_id        uuid,
    original_content   text,
    optimized_content  text,
    job_description    text,
    target_role        varchar(255),
    changes            jsonb DEFAULT '[]'::jsonb,
    score_before       numeric(5,2) CHECK (score_before IS NULL OR score_before BETWEEN 0 AND 100),
    score_after        numeric(5,2) CHECK (score_after IS NULL OR score_after BETWEEN 0 AND 100),
    improvement        numeric(6,2) CHECK (improvement IS NULL OR improvement BETWEEN -100 AND 100),
    status             varchar(20) NOT NULL DEFAULT 'completed' CHECK (status IN ('completed', 'failed')),
    created_at         timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX IF NOT EXISTS idx_resume_optimizations_user_created
    ON resume_optimizations (user_id, created_at DESC);
CREATE INDEX IF NOT EXISTS idx_resume_optimizations_session
    ON resume_optimizations (session_id) WHERE session_id IS NOT NULL;
-- Per-template analytics (optimization_analytics, insights' best / most used template).
CREATE INDEX IF NOT EXISTS idx_resume_optimizations_template
    ON resume_optimizations (template_id) WHERE template_id IS NOT NULL;

-- ---------------------------------------------------------------------------------------------------
-- job_match_analyses: a résumé scored against a job description
-- ---------------------------------------------------------------------------------------------------
CREATE TABLE IF NOT EXISTS job_match_analyses (
    id                      uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    user_id                 uuid NOT NULL,
    session_id              uuid REFERENCES ai_processing_sessions (id) ON DELETE SET NULL,
    resume_id               uuid,
    resume_text_hash        char(64),
    job_title               varchar(255),
    job_description         text NOT NULL,
    overall_score           numeric(5,2) CHECK (overall_score IS NULL OR overall_score BETWEEN 0 AND 100),
    semantic_similarity     numeric(6,5) CHECK (semantic_similarity IS NULL OR semantic_similarity BETWEEN -1 AND 1),
    skill_match_score       numeric(5,2) CHECK (skill_match_score IS NULL OR skill_match_score BETWEEN 0 AND 100),
    experience_match_score  numeric(5,2) CHECK (experience_match_score IS NULL OR experience_match_score BETWEEN 0 AND 100),
    matched_skills          jsonb DEFAULT '[]'::jsonb,
    missing_skills          jsonb DEFAULT '[]'::jsonb,
    recommendations         jsonb DEFAULT '[]'::jsonb,
    created_at              timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX IF NOT EXISTS idx_job_match_analyses_user_created
    ON job_match_analyses (user_id, created_at DESC);
CREATE INDEX IF NOT EXISTS idx_job_match_analyses_session
    ON job_match_analyses (session_id) WHERE session_id IS NOT NULL;

-- ---------------------------------------------------------------------------------------------------
-- skill_analyses: skills extracted from a text, grouped by category
--   skills: {"<category>": ["Java", {"name": "SQL", "level": "advanced"}, ...], ...}
-- ---------------------------------------------------------------------------------------------------
CREATE TABLE IF NOT EXISTS skill_analyses (
    id                uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    user_id           uuid NOT NULL,
    session_id        uuid REFERENCES ai_processing_sessions (id) ON DELETE SET NULL,
    resume_id         uuid,
    skills            jsonb DEFAULT '{}'::jsonb,
    skill_count       integer DEFAULT 0 CHECK (skill_count IS NULL OR skill_count >= 0),
    categories        jsonb DEFAULT '[]'::jsonb,
    recommendations   jsonb DEFAULT '[]'::jsonb,
    source_text_hash  char(64),
    created_at        timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX IF NOT EXISTS idx_skill_analyses_user_created
    ON skill_analyses (user_id, created_at DESC);
CREATE INDEX IF NOT EXISTS idx_skill_analyses_session
    ON skill_analyses (session_id) WHERE session_id IS NOT NULL;
-- Cache lookup: the same text (SHA-256) already analysed.
CREATE INDEX IF NOT EXISTS idx_skill_analyses_source_hash
    ON skill_analyses (source_text_hash) WHERE source_text_hash IS NOT NULL;

-- ---------------------------------------------------------------------------------------------------
-- content_analyses: quality / ATS scoring of a résumé's content
-- ---------------------------------------------------------------------------------------------------
CREATE TABLE IF NOT EXISTS content_analyses (
    id                 uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    user_id            uuid NOT NULL,
    session_id         uuid REFERENCES ai_processing_sessions (id) ON DELETE SET NULL,
    resume_id          uuid,
    overall_score      numeric(5,2) CHECK (overall_score IS NULL OR overall_score BETWEEN 0 AND 100),
    readability_score  numeric(5,2) CHECK (readability_score IS NULL OR readability_score BETWEEN 0 AND 100),
    ats_score          numeric(5,2) CHECK (ats_score IS NULL OR ats_score BETWEEN 0 AND 100),
    structure_score    numeric(5,2) CHECK (structure_score IS NULL OR structure_score BETWEEN 0 AND 100),
    impact_score       numeric(5,2) CHECK (impact_score IS NULL OR impact_score BETWEEN 0 AND 100),
    word_count         integer CHECK (word_count IS NULL OR word_count >= 0),
    findings           jsonb DEFAULT '[]'::jsonb,
    sections_found     jsonb DEFAULT '[]'::jsonb,
    created_at         timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX IF NOT EXISTS idx_content_analyses_user_created
    ON content_analyses (user_id, created_at DESC);
CREATE INDEX IF NOT EXISTS idx_content_analyses_session
    ON content_analyses (session_id) WHERE session_id IS NOT NULL;

-- ---------------------------------------------------------------------------------------------------
-- get_optimization_statistics(p_user_id): one row (zeros when nothing matches); one user or all.
-- ---------------------------------------------------------------------------------------------------
CREATE OR REPLACE FUNCTION get_optimization_statistics(p_user_id uuid DEFAULT NULL)
RETURNS TABLE (
    total_optimizations      bigint,
    completed_optimizations  bigint,
    failed_optimizations     bigint,
    success_rate             numeric,
    avg_score_before         numeric,
    avg_score_after          numeric,
    avg_improvement          numeric,
    max_improvement          numeric,
    improved_count           bigint,
    distinct_users           bigint,
    distinct_resumes         bigint,
    distinct_templates       bigint,
    top_target_roles         jsonb,
    first_optimization_at    timestamptz,
    last_optimization_at     timestamptz
)
LANGUAGE sql
STABLE
AS $$
    SELECT count(*)::bigint,
           count(*) FILTER (WHERE o.status = 'completed')::bigint,
           count(*) FILTER (WHERE o.status = 'failed')::bigint,
           coalesce(round(100.0 * count(*) FILTER (WHERE o.status = 'completed') / NULLIF(count(*), 0), 2), 0)::numeric,
           coalesce(round(avg(o.score_before) FILTER (WHERE o.status = 'completed'), 2), 0)::numeric,
           coalesce(round(avg(o.score_after)  FILTER (WHERE o.status = 'completed'), 2), 0)::numeric,
           coalesce(round(avg(o.improvement)  FILTER (WHERE o.status = 'completed'), 2), 0)::numeric,
           coalesce(max(o.improvement) FILTER (WHERE o.status = 'completed'), 0)::numeric,
           count(*) FILTER (WHERE o.status = 'completed' AND o.improvement > 0)::bigint,
           count(DISTINCT o.user_id)::bigint,
           count(DISTINCT o.resume_id)::bigint,
           count(DISTINCT o.template_id)::bigint,
           coalesce((SELECT jsonb_agg(jsonb_build_object('target_role', r.target_role, 'count', r.n)
                                      ORDER BY r.n DESC, r.target_role)
                       FROM (SELECT o2.target_role, count(*) AS n
                               FROM resume_optimizations o2
                              WHERE (p_user_id IS NULL OR o2.user_id = p_user_id)
                                AND o2.target_role IS NOT NULL AND btrim(o2.target_role) <> ''
                              GROUP BY o2.target_role
                              ORDER BY count(*) DESC, o2.target_role
                              LIMIT 10) r), '[]'::jsonb),
           min(o.created_at),
           max(o.created_at)
      FROM resume_optimizations o
     WHERE p_user_id IS NULL OR o.user_id = p_user_id;
$$;

-- ---------------------------------------------------------------------------------------------------
-- get_job_matching_statistics(p_user_id): one row; skills lists accept strings or {"name": ...} objects.
-- ---------------------------------------------------------------------------------------------------
CREATE OR REPLACE FUNCTION get_job_matching_statistics(p_user_id uuid DEFAULT NULL)
RETURNS TABLE (
    total_analyses              bigint,
    avg_overall_score           numeric,
    max_overall_score           numeric,
    min_overall_score           numeric,
    avg_semantic_similarity     numeric,
    avg_skill_match_score       numeric,
    avg_experience_match_score  numeric,
    strong_matches              bigint,
    moderate_matches            bigint,
    weak_matches                bigint,
    distinct_users              bigint,
    distinct_resumes            bigint,
    distinct_job_titles         bigint,
    most_matched_skills         jsonb,
    most_missing_skills         jsonb,
    last_analysis_at            timestamptz
)
LANGUAGE sql
STABLE
AS $$
    WITH j AS (
        SELECT * FROM job_match_analyses
         WHERE p_user_id IS NULL OR user_id = p_user_id
    ),
    skill_mentions AS (
        SELECT k.kind,
               btrim(CASE jsonb_typeof(el.v)
                         WHEN 'string' THEN el.v #>> '{}'
                         WHEN 'object' THEN coalesce(el.v ->> 'name', el.v ->> 'skill')
                     END) AS skill
          FROM j
         CROSS JOIN LATERAL (VALUES ('matched', j.matched_skills), ('missing', j.missing_skills)) AS k(kind, arr)
         CROSS JOIN LATERAL jsonb_array_elements(
                   CASE WHEN jsonb_typeof(k.arr) = 'array' THEN k.arr ELSE '[]'::jsonb END) AS el(v)
    ),
    skill_counts AS (
        SELECT kind,
               mode() WITHIN GROUP (ORDER BY skill) AS skill,
               count(*) AS n,
               row_number() OVER (PARTITION BY kind ORDER BY count(*) DESC, lower(skill)) AS rn
          FROM skill_mentions
         WHERE skill IS NOT NULL AND skill <> ''
         GROUP BY kind, lower(skill)
    )
    SELECT count(*)::bigint,
           coalesce(round(avg(j.overall_score), 2), 0)::numeric,
           coalesce(max(j.overall_score), 0)::numeric,
           coalesce(min(j.overall_score), 0)::numeric,
           coalesce(round(avg(j.semantic_similarity), 5), 0)::numeric,
           coalesce(round(avg(j.skill_match_score), 2), 0)::numeric,
           coalesce(round(avg(j.experience_match_score), 2), 0)::numeric,
           count(*) FILTER (WHERE j.overall_score >= 75)::bigint,
           count(*) FILTER (WHERE j.overall_score >= 50 AND j.overall_score < 75)::bigint,
           count(*) FILTER (WHERE j.overall_score < 50)::bigint,
           count(DISTINCT j.user_id)::bigint,
           count(DISTINCT j.resume_id)::bigint,
           count(DISTINCT lower(j.job_title))::bigint,
           coalesce((SELECT jsonb_agg(jsonb_build_object('skill', c.skill, 'count', c.n) ORDER BY c.rn)
                       FROM skill_counts c WHERE c.kind = 'matched' AND c.rn <= 10), '[]'::jsonb),
           coalesce((SELECT jsonb_agg(jsonb_build_object('skill', c.skill, 'count', c.n) ORDER BY c.rn)
                       FROM skill_counts c WHERE c.kind = 'missing' AND c.rn <= 10), '[]'::jsonb),
           max(j.created_at)
      FROM j;
$$;

-- ---------------------------------------------------------------------------------------------------
-- get_skill_analysis_statistics(p_user_id): one row; most common skills and per-category totals
-- are aggregated in subqueries first (no nested aggregates).
-- ---------------------------------------------------------------------------------------------------
CREATE OR REPLACE FUNCTION get_skill_analysis_statistics(p_user_id uuid DEFAULT NULL)
RETURNS TABLE (
    total_analyses       bigint,
    avg_skill_count      numeric,
    max_skill_count      integer,
    distinct_users       bigint,
    distinct_resumes     bigint,
    distinct_skills      bigint,
    most_common_skills   jsonb,
    category_counts      jsonb,
    first_analysis_at    timestamptz,
    last_analysis_at     timestamptz
)
LANGUAGE sql
STABLE
AS $$
    WITH sa AS (
        SELECT * FROM skill_analyses
         WHERE p_user_id IS NULL OR user_id = p_user_id
    ),
    grouped AS (      -- {"category": [skills]} objects, or a flat array as "uncategorized"
        SELECT sa.id, c.category, c.arr
          FROM sa
         CROSS JOIN LATERAL (
                SELECT x.key AS category, x.value AS arr
                  FROM jsonb_each(CASE WHEN jsonb_typeof(sa.skills) = 'object' THEN sa.skills ELSE '{}'::jsonb END) AS x
                UNION ALL
                SELECT 'uncategorized', sa.skills WHERE jsonb_typeof(sa.skills) = 'array'
              ) c
    ),
    mentions AS (
        SELECT g.id, g.category,
               btrim(CASE jsonb_typeof(el.v)
                         WHEN 'string' THEN el.v #>> '{}'
                         WHEN 'object' THEN coalesce(el.v ->> 'name', el.v ->> 'skill')
                     END) AS skill
          FROM grouped g
         CROSS JOIN LATERAL jsonb_array_elements(
                   CASE WHEN jsonb_typeof(g.arr) = 'array' THEN g.arr ELSE '[]'::jsonb END) AS el(v)
    ),
    clean AS (
        SELECT * FROM mentions WHERE skill IS NOT NULL AND skill <> ''
    )
    SELECT (SELECT count(*) FROM sa)::bigint,
           coalesce((SELECT round(avg(sa.skill_count), 2) FROM sa), 0)::numeric,
           coalesce((SELECT max(sa.skill_count) FROM sa), 0)::integer,
           (SELECT count(DISTINCT sa.user_id) FROM sa)::bigint,
           (SELECT count(DISTINCT sa.resume_id) FROM sa)::bigint,
           (SELECT count(DISTINCT lower(clean.skill)) FROM clean)::bigint,
           coalesce((SELECT jsonb_agg(jsonb_build_object('skill', t.skill, 'count', t.n, 'analyses', t.analyses)
                                      ORDER BY t.n DESC, lower(t.skill))
                       FROM (SELECT mode() WITHIN GROUP (ORDER BY clean.skill) AS skill,
                                    count(*) AS n,
                                    count(DISTINCT clean.id) AS analyses
                               FROM clean
                              GROUP BY lower(clean.skill)
                              ORDER BY count(*) DESC, lower(clean.skill)
                              LIMIT 20) t), '[]'::jsonb),
           coalesce((SELECT jsonb_object_agg(t.category, t.n ORDER BY t.category)
                       FROM (SELECT clean.category, count(*) AS n
                               FROM clean GROUP BY clean.category) t), '{}'::jsonb),
           (SELECT min(sa.created_at) FROM sa),
           (SELECT max(sa.created_at) FROM sa);
$$;

-- ---------------------------------------------------------------------------------------------------
-- processing_session_summary: per user and operation
-- ---------------------------------------------------------------------------------------------------
CREATE OR REPLACE VIEW processing_session_summary AS
SELECT s.user_id,
       s.operation,
       count(*)                                                              AS total_sessions,
       count(*) FILTER (WHERE s.status = 'completed')                        AS completed_sessions,
       count(*) FILTER (WHERE s.status = 'failed')                           AS failed_sessions,
       count(*) FILTER (WHERE s.status IN ('pending', 'processing'))         AS in_progress_sessions,
       coalesce(round(100.0 * count(*) FILTER (WHERE s.status = 'completed')
                      / NULLIF(count(*) FILTER (WHERE s.status IN ('completed', 'failed')), 0), 2), 0)
                                                                             AS success_rate,
       count(*) FILTER (WHERE s.fallback_used)                               AS fallback_count,
       round(avg(s.latency_ms), 2)                                           AS avg_latency_ms,
       coalesce(sum(s.input_tokens), 0)                                      AS total_input_tokens,
       coalesce(sum(s.output_tokens), 0)                                     AS total_output_tokens,
       coalesce(sum(s.total_tokens), 0)                                      AS total_tokens,
       coalesce(sum(s.cost_estimate), 0)                                     AS total_cost,
       min(s.created_at)                                                     AS first_session_at,
       max(s.created_at)                                                     AS last_session_at
  FROM ai_processing_sessions s
 GROUP BY s.user_id, s.operation;

-- ---------------------------------------------------------------------------------------------------
-- user_processing_activity: per user (anyone with a session, embedding or analysis)
-- ---------------------------------------------------------------------------------------------------
CREATE OR REPLACE VIEW user_processing_activity AS
WITH users AS (
    SELECT user_id FROM ai_processing_sessions
    UNION SELECT user_id FROM embeddings
    UNION SELECT user_id FROM resume_optimizations
    UNION SELECT user_id FROM job_match_analyses
    UNION SELECT user_id FROM skill_analyses
    UNION SELECT user_id FROM content_analyses
)
SELECT u.user_id,
       s.total_sessions,
       s.completed_sessions,
       s.failed_sessions,
       s.fallback_count,
       s.total_input_tokens,
       s.total_output_tokens,
       s.total_tokens,
       s.total_cost,
       e.embeddings_count,
       o.optimizations_count,
       jm.job_match_count,
       sk.skill_analysis_count,
       ca.content_analysis_count,
       s.first_session_at,
       greatest(s.last_session_at, e.last_at, o.last_at, jm.last_at, sk.last_at, ca.last_at) AS last_activity_at
  FROM users u
 CROSS JOIN LATERAL (
        SELECT count(*)                                        AS total_sessions,
               count(*) FILTER (WHERE x.status = 'completed')  AS completed_sessions,
               count(*) FILTER (WHERE x.status = 'failed')     AS failed_sessions,
               count(*) FILTER (WHERE x.fallback_used)         AS fallback_count,
               coalesce(sum(x.input_tokens), 0)                AS total_input_tokens,
               coalesce(sum(x.output_tokens), 0)               AS total_output_tokens,
               coalesce(sum(x.total_tokens), 0)                AS total_tokens,
               coalesce(sum(x.cost_estimate), 0)               AS total_cost,
               min(x.created_at)                               AS first_session_at,
               max(x.created_at)                               AS last_session_at
          FROM ai_processing_sessions x WHERE x.user_id = u.user_id) s
 CROSS JOIN LATERAL (SELECT count(*) AS embeddings_count, max(x.created_at) AS last_at
                       FROM embeddings x WHERE x.user_id = u.user_id) e
 CROSS JOIN LATERAL (SELECT count(*) AS optimizations_count, max(x.created_at) AS last_at
                       FROM resume_optimizations x WHERE x.user_id = u.user_id) o
 CROSS JOIN LATERAL (SELECT count(*) AS job_match_count, max(x.created_at) AS last_at
                       FROM job_match_analyses x WHERE x.user_id = u.user_id) jm
 CROSS JOIN LATERAL (SELECT count(*) AS skill_analysis_count, max(x.created_at) AS last_at
                       FROM skill_analyses x WHERE x.user_id = u.user_id) sk
 CROSS JOIN LATERAL (SELECT count(*) AS content_analysis_count, max(x.created_at) AS last_at
                       FROM content_analyses x WHERE x.user_id = u.user_id) ca;
