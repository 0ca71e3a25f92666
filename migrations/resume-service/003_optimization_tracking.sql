-- resume_service_db 003: optimisation and analysis tracking.
-- Creates: tables resume_optimizations (improvement kept = score_after - score_before by trigger
-- set_optimization_improvement), resume_analyses (request_id = idempotency key), optimization_feedback;
-- their indexes and triggers; functions get_optimization_statistics(uuid), get_optimization_history(uuid),
-- get_analysis_summary(uuid); views optimization_performance_metrics, analysis_performance_metrics.

CREATE TABLE IF NOT EXISTS resume_optimizations (
    id                 uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    resume_id          uuid         NOT NULL REFERENCES resumes (id) ON DELETE CASCADE,
    user_id            uuid         NOT NULL,
    status             varchar(20)  NOT NULL DEFAULT 'pending'
                       CHECK (status IN ('pending', 'processing', 'completed', 'failed')),
    optimization_type  varchar(50)  NOT NULL DEFAULT 'general',
    job_description    text,
    target_role        varchar(255),
    template_id        uuid,
    ai_model           varchar(100),
    score_before       numeric(5,2) CHECK (score_before BETWEEN 0 AND 100),
    score_after        numeric(5,2) CHECK (score_after BETWEEN 0 AND 100),
    improvement        numeric(6,2),
    changes            jsonb        DEFAULT '[]'::jsonb,
    result_version_id  uuid         REFERENCES resume_versions (id) ON DELETE SET NULL,
    error_message      text,
    requested_at       timestamptz  NOT NULL DEFAULT now(),
    started_at         timestamptz,
    completed_at       timestamptz,
    processing_time_ms integer      CHECK (processing_time_ms >= 0),
    attempts           integer      NOT NULL DEFAULT 0 CHECK (attempts >= 0),
    created_at         timestamptz  NOT NULL DEFAULT now(),
    updated_at         timestamptz  NOT NULL DEFAULT now()
);

-- Optimisation history of a résumé, newest first (and the FK cascade).
CREATE INDEX IF NOT EXISTS resume_optimizations_resume_created_idx
    ON resume_optimizations (resume_id, created_at DESC);
-- A user's optimisations: listing, statistics, metrics filtered by user, user.deleted purge.
CREATE INDEX IF NOT EXISTS resume_optimizations_user_created_idx
    ON resume_optimizations (user_id, created_at DESC);
-- Re-send sweep of optimisations stuck in pending/processing.
CREATE INDEX IF NOT EXISTS resume_optimizations_sweep_idx
    ON resume_optimizations (requested_at)
    WHERE status IN ('pending', 'processing');
-- ON DELETE SET NULL from resume_versions and "which optimisation made this version".
CREATE INDEX IF NOT EXISTS resume_optimizations_result_version_idx
    ON resume_optimizations (result_version_id)
    WHERE result_version_id IS NOT NULL;

CREATE OR REPLACE TRIGGER update_resume_optimizations_updated_at
    BEFORE UPDATE ON resume_optimizations
    FOR EACH ROW EXECUTE FUNCTION update_updated_at_column();

-- improvement follows the scores whenever both are known, whether or not the writer sets it.
CREATE OR REPLACE FUNCTION set_optimization_improvement()
RETURNS trigger
LANGUAGE plpgsql
AS $$
BEGIN
    IF NEW.score_before IS NOT NULL AND NEW.score_after IS NOT NULL THEN
        NEW.improvement := NEW.score_after - NEW.score_before;
    END IF;
    RETURN NEW;
END;
$$;

CREATE OR REPLACE TRIGGER set_resume_optimizations_improvement
    BEFORE INSERT OR UPDATE ON resume_optimizations
    FOR EACH ROW EXECUTE FUNCTION set_optimization_improvement();

CREATE TABLE IF NOT EXISTS resume_analyses (
    id                 uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    resume_id          uuid         NOT NULL REFERENCES resumes (id) ON DELETE CASCADE,
    user_id            uuid         NOT NULL,
    -- Idempotency key of the analysis request: INSERT ... ON CONFLICT (request_id) DO NOTHING.
    request_id         uuid         UNIQUE,
    analysis_type      varchar(50)  NOT NULL DEFAULT 'full',
    status             varchar(20)  NOT NULL DEFAULT 'completed' CHECK (status IN ('completed', 'failed')),
    overall_score      numeric(5,2) CHECK (overall_score BETWEEN 0 AND 100),
    ats_score          numeric(5,2) CHECK (ats_score BETWEEN 0 AND 100),
    content_score      numeric(5,2) CHECK (content_score BETWEEN 0 AND 100),
    skills_score       numeric(5,2) CHECK (skills_score BETWEEN 0 AND 100),
    skills             jsonb        DEFAULT '[]'::jsonb,
    findings           jsonb        DEFAULT '[]'::jsonb,
    recommendations    jsonb        DEFAULT '[]'::jsonb,
    results            jsonb        DEFAULT '{}'::jsonb,
    ai_model           varchar(100),
    processing_time_ms integer      CHECK (processing_time_ms >= 0),
    error_message      text,
    created_at         timestamptz  NOT NULL DEFAULT now()
);

-- Analyses of a résumé, latest first (summary, FK cascade).
CREATE INDEX IF NOT EXISTS resume_analyses_resume_created_idx
    ON resume_analyses (resume_id, created_at DESC);
-- A user's analyses: listing, metrics filtered by user, user.deleted purge.
CREATE INDEX IF NOT EXISTS resume_analyses_user_created_idx
    ON resume_analyses (user_id, created_at DESC);

CREATE TABLE IF NOT EXISTS optimization_feedback (
    id              uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    optimization_id uuid        NOT NULL REFERENCES resume_optimizations (id) ON DELETE CASCADE,
    user_id         uuid        NOT NULL,
    rating          smallint    CHECK (rating BETWEEN 1 AND 5),
    helpful         boolean,
    comment         text        CHECK (char_length(comment) <= 2000),
    created_at      timestamptz NOT NULL DEFAULT now(),
    -- One feedback per user and optimisation; its index also serves lookups by optimization_id.
    CONSTRAINT optimization_feedback_optimization_user_key UNIQUE (optimization_id, user_id)
);

-- A user's feedback (listing, user.deleted purge).
CREATE INDEX IF NOT EXISTS optimization_feedback_user_created_idx
    ON optimization_feedback (user_id, created_at DESC);

-- One row for the user (zeros and NULL averages when there is nothing). Averages are rounded to 2 places.
CREATE OR REPLACE FUNCTION get_optimization_statistics(p_user_id uuid)
RETURNS TABLE (
    total_optimizations      bigint,
    completed_optimizations  bigint,
    failed_optimizations     bigint,
    pending_optimizations    bigint,
    avg_score_before         numeric,
    avg_score_after          numeric,
    avg_improvement          numeric,
    avg_processing_time_ms   numeric,
    avg_rating               numeric,
    feedback_count           bigint,
    processing_optimizations bigint,
    success_rate             numeric
)
LANGUAGE sql
STABLE
AS $$
    SELECT count(*),
           count(*) FILTER (WHERE o.status = 'completed'),
           count(*) FILTER (WHERE o.status = 'failed'),
           count(*) FILTER (WHERE o.status = 'pending'),
           round(avg(o.score_before), 2),
           round(avg(o.score_after), 2),
           round(avg(o.improvement), 2),
           round(avg(o.processing_time_ms), 2),
           (SELECT round(avg(f.rating), 2)
              FROM optimization_feedback f
              JOIN resume_optimizations fo ON fo.id = f.optimization_id
             WHERE fo.user_id = p_user_id),
           (SELECT count(*)
              FROM optimization_feedback f
              JOIN resume_optimizations fo ON fo.id = f.optimization_id
             WHERE fo.user_id = p_user_id),
           count(*) FILTER (WHERE o.status = 'processing'),
           round(100.0 * count(*) FILTER (WHERE o.status = 'completed')
                 / NULLIF(count(*) FILTER (WHERE o.status IN ('completed', 'failed')), 0), 2)
    FROM resume_optimizations o
    WHERE o.user_id = p_user_id;
$$;

-- Optimisations of a résumé, newest first, with their feedback.
CREATE OR REPLACE FUNCTION get_optimization_history(p_resume_id uuid)
RETURNS TABLE (
    optimization_id       uuid,
    user_id               uuid,
    status                varchar,
    optimization_type     varchar,
    target_role           varchar,
    template_id           uuid,
    ai_model              varchar,
    score_before          numeric,
    score_after           numeric,
    improvement           numeric,
    changes               jsonb,
    result_version_id     uuid,
    result_version_number integer,
    error_message         text,
    processing_time_ms    integer,
    attempts              integer,
    requested_at          timestamptz,
    started_at            timestamptz,
    completed_at          timestamptz,
    created_at            timestamptz,
    feedback_count        integer,
    avg_rating            numeric,
    feedback              jsonb
)
LANGUAGE sql
STABLE
AS $$
    SELECT o.id, o.user_id, o.status, o.optimization_type, o.target_role, o.template_id, o.ai_model,
           o.score_before, o.score_after, o.improvement, coalesce(o.changes, '[]'::jsonb),
           o.result_version_id, v.version_number, o.error_message, o.processing_time_ms, o.attempts,
           o.requested_at, o.started_at, o.completed_at, o.created_at,
           fb.feedback_count, fb.avg_rating, fb.feedback
    FROM resume_optimizations o
    LEFT JOIN resume_versions v ON v.id = o.result_version_id
    CROSS JOIN LATERAL (
        SELECT count(*)::integer AS feedback_count,
               round(avg(f.rating), 2) AS avg_rating,
               coalesce(jsonb_agg(jsonb_build_object(
                            'id', f.id, 'user_id', f.user_id, 'rating', f.rating, 'helpful', f.helpful,
                            'comment', f.comment, 'created_at', f.created_at)
                        ORDER BY f.created_at, f.id), '[]'::jsonb) AS feedback
        FROM optimization_feedback f
        WHERE f.optimization_id = o.id
    ) fb
    WHERE o.resume_id = p_resume_id
    ORDER BY o.created_at DESC, o.id DESC;
$$;

-- One row for the résumé: counts, the latest completed analysis (scores, recommendations) and averages
-- over completed analyses. Zeros and NULLs when there is none.
CREATE OR REPLACE FUNCTION get_analysis_summary(p_resume_id uuid)
RETURNS TABLE (
    total_analyses          bigint,
    completed_analyses      bigint,
    failed_analyses         bigint,
    latest_analysis_id      uuid,
    latest_analysis_type    varchar,
    latest_analysis_at      timestamptz,
    latest_overall_score    numeric,
    latest_ats_score        numeric,
    latest_content_score    numeric,
    latest_skills_score     numeric,
    latest_recommendations  jsonb,
    latest_skills           jsonb,
    avg_overall_score       numeric,
    avg_ats_score           numeric,
    avg_content_score       numeric,
    avg_skills_score        numeric,
    first_analysis_at       timestamptz,
    last_analysis_at        timestamptz
)
LANGUAGE sql
STABLE
AS $$
    SELECT agg.total, agg.completed, agg.failed,
           l.id, l.analysis_type, l.created_at,
           l.overall_score, l.ats_score, l.content_score, l.skills_score,
           coalesce(l.recommendations, '[]'::jsonb), coalesce(l.skills, '[]'::jsonb),
           agg.avg_overall, agg.avg_ats, agg.avg_content, agg.avg_skills,
           agg.first_at, agg.last_at
    FROM (
        SELECT count(*) AS total,
               count(*) FILTER (WHERE a.status = 'completed') AS completed,
               count(*) FILTER (WHERE a.status = 'failed') AS failed,
               round(avg(a.overall_score) FILTER (WHERE a.status = 'completed'), 2) AS avg_overall,
               round(avg(a.ats_score) FILTER (WHERE a.status = 'completed'), 2) AS avg_ats,
               round(avg(a.content_score) FILTER (WHERE a.status = 'completed'), 2) AS avg_content,
               round(avg(a.skills_score) FILTER (WHERE a.status = 'completed'), 2) AS avg_skills,
               min(a.created_at) AS first_at,
               max(a.created_at) AS last_at
        FROM resume_analyses a
        WHERE a.resume_id = p_resume_id
    ) agg
    LEFT JOIN LATERAL (
        SELECT a.*
        FROM resume_analyses a
        WHERE a.resume_id = p_resume_id AND a.status = 'completed'
        ORDER BY a.created_at DESC, a.id DESC
        LIMIT 1
    ) l ON true;
$$;

-- Per user, optimisation type and model. success_rate = completed / finished (completed + failed), in %.
CREATE OR REPLACE VIEW optimization_performance_metrics AS
SELECT o.user_id,
       o.optimization_type,
       o.ai_model,
       count(*)                                                         AS total_optimizations,
       count(*) FILTER (WHERE o.status = 'completed')                   AS completed_optimizations,
       count(*) FILTER (WHERE o.status = 'failed')                      AS failed_optimizations,
       count(*) FILTER (WHERE o.status IN ('pending', 'processing'))    AS in_progress_optimizations,
       round(100.0 * count(*) FILTER (WHERE o.status = 'completed')
             / NULLIF(count(*) FILTER (WHERE o.status IN ('completed', 'failed')), 0), 2) AS success_rate,
       round(avg(o.score_before), 2)                                    AS avg_score_before,
       round(avg(o.score_after), 2)                                     AS avg_score_after,
       round(avg(o.improvement), 2)                                     AS avg_improvement,
       round(avg(o.processing_time_ms), 2)                              AS avg_processing_time_ms,
       round(sum(fb.rating_sum)::numeric / NULLIF(sum(fb.rating_count), 0), 2) AS avg_rating,
       sum(fb.feedback_count)::bigint                                   AS feedback_count,
       max(o.created_at)                                                AS last_optimization_at
FROM resume_optimizations o
CROSS JOIN LATERAL (
    SELECT coalesce(sum(f.rating), 0) AS rating_sum,
           count(f.rating)            AS rating_count,
           count(*)                   AS feedback_count
    FROM optimization_feedback f
    WHERE f.optimization_id = o.id
) fb
GROUP BY o.user_id, o.optimization_type, o.ai_model;

-- Per user, analysis type and model. failure_rate = failed / total, in %.
CREATE OR REPLACE VIEW analysis_performance_metrics AS
SELECT a.user_id,
       a.analysis_type,
       a.ai_model,
       count(*)                                                           AS total_analyses,
       count(*) FILTER (WHERE a.status = 'completed')                     AS completed_analyses,
       count(*) FILTER (WHERE a.status = 'failed')                        AS failed_analyses,
       round(100.0 * count(*) FILTER (WHERE a.status = 'failed') / NULLIF(count(*), 0), 2) AS failure_rate,
       round(avg(a.overall_score) FILTER (WHERE a.status = 'completed'), 2) AS avg_overall_score,
       round(avg(a.ats_score) FILTER (WHERE a.status = 'completed'), 2)     AS avg_ats_score,
       round(avg(a.content_score) FILTER (WHERE a.status = 'completed'), 2) AS avg_content_score,
       round(avg(a.skills_score) FILTER (WHERE a.status = 'completed'), 2)  AS avg_skills_score,
       round(avg(a.processing_time_ms), 2)                                AS avg_processing_time_ms,
       max(a.created_at)                                                  AS last_analysis_at
FROM resume_analyses a
GROUP BY a.user_id, a.analysis_type, a.ai_model;
