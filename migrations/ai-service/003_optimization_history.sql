-- AI service, migration 003: optimisation history, model performance history, preferences, templates.
-- Creates: tables optimization_templates (+ 13 seed templates, ON CONFLICT (name) DO NOTHING),
-- optimization_history, model_performance_history (UNIQUE (model_id, period_date, operation) for the
-- service's upsert), user_optimization_preferences; functions get_optimization_history_stats(uuid, integer),
-- get_model_performance_trends(integer), get_user_optimization_insights(uuid) -> jsonb;
-- views optimization_analytics, model_performance_analytics.
-- Idempotent: safe to apply twice with psql and inside one Flyway transaction.

-- ---------------------------------------------------------------------------------------------------
-- optimization_templates: reusable optimisation rules per trade / career situation
--   rules: {"action_verbs": [...], "keywords": [...], "section_order": [...], "avoid_phrases": [...], ...}
-- ---------------------------------------------------------------------------------------------------
CREATE TABLE IF NOT EXISTS optimization_templates (
    id            uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    name          varchar(100) NOT NULL UNIQUE,
    category      varchar(50) NOT NULL DEFAULT 'general'
                      CHECK (category IN ('general', 'technology', 'engineering', 'healthcare', 'hospitality',
                                          'finance', 'skilled_trades', 'education', 'sales', 'marketing',
                                          'creative', 'executive', 'entry_level', 'career_change', 'legal',
                                          'government', 'nonprofit', 'customer_service', 'other')),
    industry      varchar(100),
    description   text,
    target_roles  text[] NOT NULL DEFAULT '{}',
    instructions  text,
    rules         jsonb NOT NULL DEFAULT '{}'::jsonb CHECK (jsonb_typeof(rules) = 'object'),
    is_active     boolean NOT NULL DEFAULT true,
    is_default    boolean NOT NULL DEFAULT false,
    usage_count   integer NOT NULL DEFAULT 0 CHECK (usage_count >= 0),
    created_at    timestamptz NOT NULL DEFAULT now(),
    updated_at    timestamptz NOT NULL DEFAULT now()
);

-- At most one default template ("the default template" lookup).
CREATE UNIQUE INDEX IF NOT EXISTS uq_optimization_templates_single_default
    ON optimization_templates ((true)) WHERE is_default;

CREATE OR REPLACE TRIGGER update_optimization_templates_updated_at
    BEFORE UPDATE ON optimization_templates
    FOR EACH ROW EXECUTE FUNCTION update_updated_at_column();

INSERT INTO optimization_templates (name, category, industry, description, target_roles, instructions, rules, is_active, is_default)
VALUES
(
  'General ATS-Friendly', 'general', 'All industries',
  'Clean, single-column, keyword-aligned résumé that parses correctly in applicant tracking systems.',
  ARRAY['Any role'],
  'Use standard section headings, one column, no tables or graphics. Start every bullet with a strong past-tense verb, quantify results (%, $, time, volume), mirror the exact keywords of the job description, keep it to 1-2 pages.',
  '{"action_verbs": ["Achieved","Delivered","Improved","Led","Managed","Developed","Implemented","Streamlined","Reduced","Increased","Coordinated","Resolved","Launched","Organized","Trained"],
    "keywords": ["results","project management","problem solving","communication","collaboration","customer focus","process improvement","time management","data-driven","stakeholder management"],
    "section_order": ["contact","summary","skills","experience","education","certifications"],
    "avoid_phrases": ["responsible for","duties included","team player","hard worker","go-getter","detail-oriented","think outside the box","synergy","references available upon request"],
    "formatting": {"columns": 1, "tables": false, "graphics": false, "standard_headings": true, "max_pages": 2},
    "quantify": true}'::jsonb,
  true, true
),
(
  'Healthcare - Registered Nursing', 'healthcare', 'Healthcare',
  'Clinical résumé for nurses: licences first, unit and patient-ratio context, patient-safety and outcome metrics.',
  ARRAY['Registered Nurse','Licensed Practical Nurse','Charge Nurse','ICU Nurse','Emergency Room Nurse','Nurse Practitioner','Travel Nurse'],
  'Put licences (state, number, expiry) and certifications at the top. For each role name the unit type, bed count and nurse-to-patient ratio. Quantify outcomes: falls, infection rates, HCAHPS scores, patients per shift. Name the EHR systems used.',
  '{"action_verbs": ["Administered","Assessed","Triaged","Monitored","Documented","Educated","Advocated","Stabilized","Titrated","Charted","Precepted","Coordinated","Evaluated","Intervened","Collaborated"],
    "keywords": ["patient care","patient safety","care plans","medication administration","EHR (Epic, Cerner)","BLS","ACLS","PALS","HIPAA","infection control","patient education","telemetry","wound care","evidence-based practice","HCAHPS","discharge planning"],
    "section_order": ["contact","summary","licenses_certifications","clinical_experience","clinical_skills","education"],
    "avoid_phrases": ["took care of patients","helped doctors","responsible for patients","caring person","just a nurse","did charting"],
    "emphasize": ["licence number and state","unit type","nurse-to-patient ratio","certifications with expiry dates"],
    "quantify": true}'::jsonb,
  true, false
),
(
  'Hospitality - Culinary & Kitchen', 'hospitality', 'Food service & hospitality',
  'For chefs and kitchen staff: menus created, covers served, food and labour cost control, food safety.',
  ARRAY['Executive Chef','Sous Chef','Chef de Partie','Line Cook','Pastry Chef','Kitchen Manager','Catering Chef'],
  'Show the scale of each kitchen (covers per service, seats, brigade size), menus you created, and cost results (food cost %, waste reduction). List food-safety certifications. Keep the tone professional, not flowery.',
  '{"action_verbs": ["Prepared","Created","Plated","Designed","Sourced","Butchered","Supervised","Trained","Costed","Expedited","Standardized","Reduced","Catered","Launched","Developed"],
    "keywords": ["menu development","food cost control","HACCP","ServSafe","food safety","inventory management","mise en place","kitchen operations","covers per service","vendor relations","plating and presentation","allergen management","labor cost","recipe standardization","line management"],
    "section_order": ["contact","summary","culinary_experience","signature_skills","certifications","education"],
    "avoid_phrases": ["cooked food","worked in a kitchen","passionate about food","foodie","made meals","helped the chef"],
    "emphasize": ["covers per service","food cost percentage","brigade size","cuisine styles"],
    "quantify": true}'::jsonb,
  true, false
),
(
  'Finance - Accounting', 'finance', 'Accounting & finance',
  'For accountants and finance staff: close cycles, reconciliations, compliance, systems and measurable savings.',
  ARRAY['Staff Accountant','Senior Accountant','Certified Public Accountant','Financial Analyst','Controller','Bookkeeper','Auditor'],
  'Lead with credentials (CPA, CMA, ACCA). Quantify: size of ledgers and budgets, days cut from the month-end close, discrepancies resolved, savings found. Name standards (GAAP, IFRS) and systems (SAP, NetSuite, QuickBooks).',
  '{"action_verbs": ["Reconciled","Audited","Forecasted","Analyzed","Prepared","Consolidated","Reported","Budgeted","Closed","Reviewed","Allocated","Automated","Mitigated","Verified","Streamlined"],
    "keywords": ["GAAP","IFRS","month-end close","general ledger","account reconciliation","accounts payable","accounts receivable","financial statements","SOX compliance","variance analysis","budgeting and forecasting","QuickBooks","SAP","NetSuite","Excel (pivot tables, VLOOKUP)","tax preparation","internal audit"],
    "section_order": ["contact","summary","certifications","experience","technical_skills","education"],
    "avoid_phrases": ["good with numbers","handled money","crunched numbers","did the books","responsible for accounts"],
    "emphasize": ["budget or ledger size","close cycle time","audit outcomes","systems used"],
    "quantify": true}'::jsonb,
  true, false
),
(
  'Skilled Trades - Electrician', 'skilled_trades', 'Electrical',
  'For electricians: licence level, code knowledge, systems worked on, safety record and project scale.',
  ARRAY['Journeyman Electrician','Master Electrician','Apprentice Electrician','Industrial Electrician','Maintenance Electrician','Electrical Foreman'],
  'Put the licence (journeyman / master, state) and safety certifications first. Describe systems (residential, commercial, industrial; voltage; three-phase), project sizes and the safety record (incident-free hours). Use trade terms precisely.',
  '{"action_verbs": ["Installed","Wired","Troubleshot","Diagnosed","Repaired","Maintained","Inspected","Upgraded","Tested","Commissioned","Retrofitted","Terminated","Calibrated","Routed","Supervised"],
    "keywords": ["NEC (National Electrical Code)","journeyman license","conduit bending","panel upgrades","PLC","motor controls","blueprints and schematics","OSHA 30","lockout/tagout","low voltage","three-phase power","load calculations","service installation","preventive maintenance","arc flash safety (NFPA 70E)"],
    "section_order": ["contact","summary","licenses_certifications","experience","technical_skills","training"],
    "avoid_phrases": ["did electrical work","fixed stuff","handyman","general labor","good with my hands"],
    "emphasize": ["licence level and state","voltage and system types","incident-free record","project size"],
    "quantify": true}'::jsonb,
  true, false
),
(
  'Skilled Trades - Construction & Mechanical', 'skilled_trades', 'Construction, mechanical & maintenance',
  'For plumbers, HVAC technicians, welders, carpenters and mechanics: certifications, equipment, safety and throughput.',
  ARRAY['Plumber','HVAC Technician','Welder','Carpenter','Diesel Mechanic','Automotive Technician','Maintenance Technician','Pipefitter'],
  'List trade certifications (EPA 608, AWS, ASE, OSHA) first. Name equipment, materials and processes. Quantify jobs completed, downtime reduced, rework avoided and safety record.',
  '{"action_verbs": ["Fabricated","Welded","Assembled","Installed","Repaired","Overhauled","Framed","Serviced","Diagnosed","Inspected","Replaced","Calibrated","Operated","Maintained","Estimated"],
    "keywords": ["OSHA 10/30","EPA 608 certification","AWS certified welding","MIG/TIG welding","ASE certification","blueprint reading","preventive maintenance","hydraulics","pneumatics","building codes","job site safety","forklift certified","pipefitting","HVAC systems","diagnostic tools"],
    "section_order": ["contact","summary","certifications","experience","equipment_and_tools","training"],
    "avoid_phrases": ["manual labor","did repairs","good with hands","odd jobs","general helper"],
    "emphasize": ["certifications","equipment and tools","safety record","downtime reduced"],
    "quantify": true}'::jsonb,
  true, false
),
(
  'Education - Teaching', 'education', 'Education',
  'For teachers and instructional staff: certification, grade levels, measurable student outcomes, curriculum work.',
  ARRAY['Elementary Teacher','High School Teacher','Special Education Teacher','ESL Teacher','Instructional Coach','Substitute Teacher','Tutor'],
  'State certification, subjects and grade levels up front. Show class sizes, student growth (test scores, reading levels), programmes built and technology used. Mention IEP/504 and differentiation experience.',
  '{"action_verbs": ["Taught","Instructed","Designed","Differentiated","Assessed","Mentored","Facilitated","Implemented","Adapted","Integrated","Engaged","Coached","Developed","Advised","Improved"],
    "keywords": ["lesson planning","curriculum development","differentiated instruction","classroom management","IEP","504 plans","state standards","Common Core","formative assessment","student achievement","Google Classroom","parent communication","social-emotional learning (SEL)","English language learners (ELL)","teaching certification"],
    "section_order": ["contact","summary","certifications","teaching_experience","skills","education"],
    "avoid_phrases": ["love kids","babysat","responsible for students","watched the class","passionate educator"],
    "emphasize": ["certification and subjects","grade levels","class size","student growth metrics"],
    "quantify": true}'::jsonb,
  true, false
),
(
  'Sales - Business Development', 'sales', 'Sales',
  'For sales roles: quota attainment, revenue, pipeline and deal metrics in every bullet.',
  ARRAY['Account Executive','Sales Representative','Business Development Manager','Account Manager','Sales Manager','Sales Development Representative'],
  'Every role should show quota and attainment (% of quota), revenue closed, deal size, sales cycle, ranking in the team and accounts won. Name the CRM and the methodology (MEDDIC, SPIN, Challenger).',
  '{"action_verbs": ["Closed","Exceeded","Negotiated","Prospected","Generated","Secured","Expanded","Converted","Grew","Won","Cultivated","Upsold","Pitched","Accelerated","Surpassed"],
    "keywords": ["quota attainment","pipeline management","revenue growth","CRM (Salesforce, HubSpot)","B2B","lead generation","account management","consultative selling","cold calling","territory management","customer retention","average deal size","sales cycle","forecasting","MEDDIC"],
    "section_order": ["contact","summary","key_achievements","experience","skills","education"],
    "avoid_phrases": ["people person","good talker","tried to sell","helped with sales","responsible for sales","great with customers"],
    "emphasize": ["% of quota","revenue closed","team ranking","deal size"],
    "quantify": true}'::jsonb,
  true, false
),
(
  'Technology - Software Engineering', 'technology', 'Software & IT',
  'For engineers: stack, systems built, scale and measurable performance, reliability and delivery results.',
  ARRAY['Software Engineer','Backend Developer','Frontend Developer','Full Stack Developer','DevOps Engineer','Data Engineer','Site Reliability Engineer'],
  'Group technical skills by kind (languages, frameworks, cloud, data). For each role describe what you built, the scale (users, requests/s, data volume) and the measured result (latency, cost, uptime, release frequency). Link GitHub or portfolio.',
  '{"action_verbs": ["Architected","Engineered","Built","Developed","Deployed","Optimized","Automated","Refactored","Migrated","Scaled","Designed","Implemented","Integrated","Debugged","Shipped"],
    "keywords": ["Java","Python","TypeScript","microservices","REST APIs","AWS","Azure","GCP","CI/CD","Docker","Kubernetes","SQL","PostgreSQL","system design","unit testing","agile/scrum","observability","scalability"],
    "section_order": ["contact","summary","technical_skills","experience","projects","education"],
    "avoid_phrases": ["coding ninja","rockstar developer","guru","worked on code","familiar with everything","wrote some code"],
    "emphasize": ["scale (users, requests, data)","latency and cost improvements","uptime","stack per role"],
    "quantify": true}'::jsonb,
  true, false
),
(
  'Executive Leadership', 'executive', 'Cross-industry leadership',
  'For executives: strategy, P&L, transformation and board-level results in a concise executive summary.',
  ARRAY['Chief Executive Officer','Chief Operating Officer','Chief Financial Officer','Vice President','Director','General Manager'],
  'Open with a 3-4 line executive summary and a core-competencies block. Every role: scope (P&L, headcount, budget, regions) then 3-5 business outcomes (revenue, EBITDA, market share, turnaround). Two pages maximum; no task lists.',
  '{"action_verbs": ["Spearheaded","Directed","Transformed","Orchestrated","Championed","Steered","Scaled","Restructured","Pioneered","Established","Drove","Oversaw","Negotiated","Aligned","Turned around"],
    "keywords": ["P&L responsibility","strategic planning","board relations","M&A","organizational transformation","EBITDA","revenue growth","stakeholder management","change management","operational excellence","talent development","corporate governance","capital allocation","market expansion","investor relations"],
    "section_order": ["contact","executive_summary","core_competencies","leadership_experience","board_positions","education"],
    "avoid_phrases": ["hands-on manager","responsible for managing","results-driven leader","visionary leader","seasoned professional","dynamic"],
    "emphasize": ["P&L size","headcount","revenue and EBITDA impact","transformation outcomes"],
    "quantify": true}'::jsonb,
  true, false
),
(
  'Entry Level & Graduate', 'entry_level', 'All industries',
  'For students, graduates and first jobs: education, projects, internships and transferable skills first.',
  ARRAY['Recent Graduate','Intern','Junior Analyst','Trainee','Assistant','Apprentice'],
  'Put education and relevant projects before work history. Treat internships, volunteering, part-time jobs and student leadership as experience with measurable results. One page.',
  '{"action_verbs": ["Completed","Assisted","Researched","Volunteered","Organized","Presented","Supported","Contributed","Participated","Created","Collaborated","Coordinated","Tutored","Earned","Analyzed"],
    "keywords": ["internship","relevant coursework","capstone project","GPA","leadership roles","volunteer experience","Microsoft Office","Google Workspace","communication","teamwork","time management","certifications","student organizations","research"],
    "section_order": ["contact","summary","education","projects","internships_experience","skills","activities"],
    "avoid_phrases": ["no experience","just graduated","looking for any job","hard worker","objective: to obtain a position","willing to learn anything"],
    "emphasize": ["degree and graduation date","projects with outcomes","internships","leadership in activities"],
    "max_pages": 1,
    "quantify": true}'::jsonb,
  true, false
),
(
  'Career Change', 'career_change', 'All industries',
  'Hybrid format for people moving into a new field (including military to civilian): transferable skills first.',
  ARRAY['Career Changer','Transitioning Professional','Military Veteran','Returning to Work'],
  'Use a hybrid format: a targeted summary naming the new field, a transferable-skills section with proof, then relevant training and projects, then experience rewritten in the new field''s vocabulary. Translate old-field jargon and ranks into plain terms.',
  '{"action_verbs": ["Transitioned","Transferred","Adapted","Applied","Retrained","Completed","Leveraged","Led","Managed","Built","Solved","Coordinated","Delivered","Improved","Mentored"],
    "keywords": ["transferable skills","cross-functional","certifications","bootcamp","relevant projects","leadership","problem solving","stakeholder communication","project management","customer service","training and mentoring","adaptability"],
    "section_order": ["contact","summary","transferable_skills","relevant_training","relevant_projects","experience","education"],
    "avoid_phrases": ["although I lack experience","trying something new","sick of my old job","career gap","unrelated experience"],
    "emphasize": ["new-field training","projects in the target field","skills with proof"],
    "translate_jargon": true,
    "quantify": true}'::jsonb,
  true, false
),
(
  'Creative - Design & Marketing', 'creative', 'Design, content & marketing',
  'For designers, writers and marketers: portfolio link, tools, and campaign or product results.',
  ARRAY['Graphic Designer','UX Designer','UI Designer','Content Writer','Copywriter','Marketing Specialist','Art Director'],
  'Put the portfolio link in the header. Pair each project with its outcome (engagement, conversion, traffic, awards). List tools (Figma, Adobe Creative Suite) and methods (user research, A/B testing). Keep the layout ATS-readable despite being a creative role.',
  '{"action_verbs": ["Designed","Conceptualized","Crafted","Illustrated","Produced","Launched","Branded","Wrote","Edited","Curated","Storyboarded","Prototyped","Art-directed","Rebranded","Increased"],
    "keywords": ["portfolio","brand identity","Adobe Creative Suite","Figma","user research","wireframes","prototyping","content strategy","SEO","social media","campaign performance","engagement rate","conversion rate","A/B testing","typography"],
    "section_order": ["contact","portfolio","summary","experience","selected_projects","tools","education"],
    "avoid_phrases": ["creative person","artsy","made designs","guru","wrote stuff","social media savvy"],
    "emphasize": ["portfolio link","campaign metrics","tools","awards"],
    "quantify": true}'::jsonb,
  true, false
)
ON CONFLICT (name) DO NOTHING;

-- ---------------------------------------------------------------------------------------------------
-- optimization_history: what happened to each optimisation (generated, accepted, rejected, reverted...)
-- ---------------------------------------------------------------------------------------------------
CREATE TABLE IF NOT EXISTS optimization_history (
    id               uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    user_id          uuid NOT NULL,
    optimization_id  uuid REFERENCES resume_optimizations (id) ON DELETE SET NULL,
    resume_id        uuid,
    template_id      uuid REFERENCES optimization_templates (id) ON DELETE SET NULL,
    session_id       uuid REFERENCES ai_processing_sessions (id) ON DELETE SET NULL,
    action           varchar(50) NOT NULL DEFAULT 'optimized' CHECK (btrim(action) <> ''),
    score_before     numeric(5,2) CHECK (score_before IS NULL OR score_before BETWEEN 0 AND 100),
    score_after      numeric(5,2) CHECK (score_after IS NULL OR score_after BETWEEN 0 AND 100),
    improvement      numeric(6,2) CHECK (improvement IS NULL OR improvement BETWEEN -100 AND 100),
    model_name       varchar(100),
    changes_count    integer DEFAULT 0 CHECK (changes_count IS NULL OR changes_count >= 0),
    accepted         boolean,
    created_at       timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX IF NOT EXISTS idx_optimization_history_user_created
    ON optimization_history (user_id, created_at DESC);
-- FK to resume_optimizations (ON DELETE SET NULL) and "history of this optimisation".
CREATE INDEX IF NOT EXISTS idx_optimization_history_optimization
    ON optimization_history (optimization_id) WHERE optimization_id IS NOT NULL;
-- FK to optimization_templates and per-template analytics.
CREATE INDEX IF NOT EXISTS idx_optimization_history_template_created
    ON optimization_history (template_id, created_at) WHERE template_id IS NOT NULL;
-- FK to ai_processing_sessions (ON DELETE SET NULL).
CREATE INDEX IF NOT EXISTS idx_optimization_history_session
    ON optimization_history (session_id) WHERE session_id IS NOT NULL;

-- ---------------------------------------------------------------------------------------------------
-- model_performance_history: daily per-model, per-operation counters (upserted after each call:
--   INSERT ... ON CONFLICT (model_id, period_date, operation) DO UPDATE SET request_count = ... + 1, ...)
-- ---------------------------------------------------------------------------------------------------
CREATE TABLE IF NOT EXISTS model_performance_history (
    id                uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    model_id          uuid NOT NULL REFERENCES ai_models (id) ON DELETE CASCADE,
    period_date       date NOT NULL,
    operation         varchar(50) NOT NULL CHECK (operation IN ('embedding', 'job_match', 'skill_analysis',
                          'content_analysis', 'optimization', 'resume_analysis', 'search')),
    request_count     integer NOT NULL DEFAULT 0 CHECK (request_count >= 0),
    success_count     integer NOT NULL DEFAULT 0 CHECK (success_count >= 0),
    failure_count     integer NOT NULL DEFAULT 0 CHECK (failure_count >= 0),
    fallback_count    integer NOT NULL DEFAULT 0 CHECK (fallback_count >= 0),
    total_latency_ms  bigint  NOT NULL DEFAULT 0 CHECK (total_latency_ms >= 0),
    avg_latency_ms    numeric(12,2) DEFAULT 0 CHECK (avg_latency_ms IS NULL OR avg_latency_ms >= 0),
    p95_latency_ms    numeric(12,2) CHECK (p95_latency_ms IS NULL OR p95_latency_ms >= 0),
    input_tokens      bigint  NOT NULL DEFAULT 0 CHECK (input_tokens >= 0),
    output_tokens     bigint  NOT NULL DEFAULT 0 CHECK (output_tokens >= 0),
    total_cost        numeric(14,6) NOT NULL DEFAULT 0 CHECK (total_cost >= 0),
    created_at        timestamptz NOT NULL DEFAULT now(),
    updated_at        timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT uq_model_performance_history_model_day_op UNIQUE (model_id, period_date, operation)
);

-- Trends over the last N days for all models.
CREATE INDEX IF NOT EXISTS idx_model_performance_history_period
    ON model_performance_history (period_date);

CREATE OR REPLACE TRIGGER update_model_performance_history_updated_at
    BEFORE UPDATE ON model_performance_history
    FOR EACH ROW EXECUTE FUNCTION update_updated_at_column();

-- ---------------------------------------------------------------------------------------------------
-- user_optimization_preferences: one row per user
-- ---------------------------------------------------------------------------------------------------
CREATE TABLE IF NOT EXISTS user_optimization_preferences (
    id                     uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    user_id                uuid NOT NULL UNIQUE,
    preferred_template_id  uuid REFERENCES optimization_templates (id) ON DELETE SET NULL,
    tone                   varchar(20) DEFAULT 'professional'
                               CHECK (tone IN ('professional', 'confident', 'friendly', 'formal', 'concise')),
    optimization_level     varchar(20) DEFAULT 'moderate'
                               CHECK (optimization_level IN ('light', 'moderate', 'aggressive')),
    focus_areas            text[] DEFAULT '{}',
    preserve_sections      text[] DEFAULT '{}',
    target_industry        varchar(100),
    target_roles           text[] DEFAULT '{}',
    custom_keywords        text[] DEFAULT '{}',
    created_at             timestamptz NOT NULL DEFAULT now(),
    updated_at             timestamptz NOT NULL DEFAULT now()
);

CREATE OR REPLACE TRIGGER update_user_optimization_preferences_updated_at
    BEFORE UPDATE ON user_optimization_preferences
    FOR EACH ROW EXECUTE FUNCTION update_updated_at_column();

-- ---------------------------------------------------------------------------------------------------
-- get_optimization_history_stats(p_user_id, p_days): one row over the last p_days days
-- (p_days NULL = all time); one user or (NULL) everyone. Zeros when nothing matches.
-- ---------------------------------------------------------------------------------------------------
CREATE OR REPLACE FUNCTION get_optimization_history_stats(p_user_id uuid DEFAULT NULL, p_days integer DEFAULT 30)
RETURNS TABLE (
    total_entries            bigint,
    distinct_optimizations   bigint,
    distinct_resumes         bigint,
    distinct_users           bigint,
    accepted_count           bigint,
    rejected_count           bigint,
    undecided_count          bigint,
    acceptance_rate          numeric,
    avg_improvement          numeric,
    max_improvement          numeric,
    avg_score_before         numeric,
    avg_score_after          numeric,
    avg_changes_count        numeric,
    templates_used           bigint,
    most_used_template_id    uuid,
    most_used_template_name  varchar,
    actions                  jsonb,
    daily_activity           jsonb,
    period_start             timestamptz,
    period_end               timestamptz
)
LANGUAGE sql
STABLE
AS $$
    WITH h AS (
        SELECT * FROM optimization_history
         WHERE (p_user_id IS NULL OR user_id = p_user_id)
           AND (p_days IS NULL OR created_at >= now() - make_interval(days => greatest(p_days, 0)))
    ),
    top_template AS (
        SELECT h.template_id, count(*) AS n
          FROM h WHERE h.template_id IS NOT NULL
         GROUP BY h.template_id
         ORDER BY count(*) DESC, h.template_id
         LIMIT 1
    )
    SELECT (SELECT count(*) FROM h)::bigint,
           (SELECT count(DISTINCT h.optimization_id) FROM h)::bigint,
           (SELECT count(DISTINCT h.resume_id) FROM h)::bigint,
           (SELECT count(DISTINCT h.user_id) FROM h)::bigint,
           a.accepted, a.rejected, a.undecided,
           coalesce(round(100.0 * a.accepted / NULLIF(a.accepted + a.rejected, 0), 2), 0)::numeric,
           a.avg_improvement, a.max_improvement, a.avg_score_before, a.avg_score_after, a.avg_changes,
           (SELECT count(DISTINCT h.template_id) FROM h)::bigint,
           tt.template_id,
           t.name::varchar,
           coalesce((SELECT jsonb_object_agg(x.action, x.n ORDER BY x.action)
                       FROM (SELECT h.action, count(*) AS n FROM h GROUP BY h.action) x), '{}'::jsonb),
           coalesce((SELECT jsonb_agg(jsonb_build_object('date', d.day, 'entries', d.n,
                                                         'accepted', d.accepted, 'avg_improvement', d.avg_improvement)
                                      ORDER BY d.day)
                       FROM (SELECT (h.created_at AT TIME ZONE 'UTC')::date AS day, count(*) AS n,
                                    count(*) FILTER (WHERE h.accepted) AS accepted,
                                    round(avg(h.improvement), 2) AS avg_improvement
                               FROM h GROUP BY 1) d), '[]'::jsonb),
           CASE WHEN p_days IS NULL THEN (SELECT min(h.created_at) FROM h)
                ELSE now() - make_interval(days => greatest(p_days, 0)) END,
           now()
      FROM (SELECT count(*) FILTER (WHERE h.accepted IS TRUE)::bigint   AS accepted,
                   count(*) FILTER (WHERE h.accepted IS FALSE)::bigint  AS rejected,
                   count(*) FILTER (WHERE h.accepted IS NULL)::bigint   AS undecided,
                   coalesce(round(avg(h.improvement), 2), 0)::numeric   AS avg_improvement,
                   coalesce(max(h.improvement), 0)::numeric             AS max_improvement,
                   coalesce(round(avg(h.score_before), 2), 0)::numeric  AS avg_score_before,
                   coalesce(round(avg(h.score_after), 2), 0)::numeric   AS avg_score_after,
                   coalesce(round(avg(h.changes_count), 2), 0)::numeric AS avg_changes
              FROM h) a
      LEFT JOIN top_template tt ON true
      LEFT JOIN optimization_templates t ON t.id = tt.template_id;
$$;

-- ---------------------------------------------------------------------------------------------------
-- get_model_performance_trends(p_days): daily rows of the last p_days days (today included;
-- NULL = all history). Average latency is weighted: total_latency_ms / request_count, or the stored
-- average when the service did not record a total.
-- ---------------------------------------------------------------------------------------------------
CREATE OR REPLACE FUNCTION get_model_performance_trends(p_days integer DEFAULT 30)
RETURNS TABLE (
    model_id        uuid,
    model_name      varchar,
    provider        varchar,
    period_date     date,
    operation       varchar,
    request_count   bigint,
    success_count   bigint,
    failure_count   bigint,
    fallback_count  bigint,
    success_rate    numeric,
    avg_latency_ms  numeric,
    p95_latency_ms  numeric,
    input_tokens    bigint,
    output_tokens   bigint,
    total_tokens    bigint,
    total_cost      numeric
)
LANGUAGE sql
STABLE
AS $$
    SELECT m.id,
           m.model_name::varchar,
           m.provider::varchar,
           h.period_date,
           h.operation::varchar,
           h.request_count::bigint,
           h.success_count::bigint,
           h.failure_count::bigint,
           h.fallback_count::bigint,
           coalesce(round(100.0 * h.success_count / NULLIF(h.request_count, 0), 2), 0)::numeric,
           coalesce(CASE WHEN h.total_latency_ms > 0
                         THEN round(h.total_latency_ms::numeric / NULLIF(h.request_count, 0), 2) END,
                    h.avg_latency_ms, 0)::numeric,
           h.p95_latency_ms::numeric,
           h.input_tokens,
           h.output_tokens,
           (h.input_tokens + h.output_tokens)::bigint,
           h.total_cost::numeric
      FROM model_performance_history h
      JOIN ai_models m ON m.id = h.model_id
     WHERE p_days IS NULL OR h.period_date > current_date - greatest(p_days, 0)
     ORDER BY h.period_date, m.model_name, h.operation;
$$;

-- ---------------------------------------------------------------------------------------------------
-- get_user_optimization_insights(p_user_id) -> jsonb: totals, improvement, best and most used
-- template, acceptance, preferences (null when none) and the 30-day trend against the 30 days before.
-- ---------------------------------------------------------------------------------------------------
CREATE OR REPLACE FUNCTION get_user_optimization_insights(p_user_id uuid)
RETURNS jsonb
LANGUAGE sql
STABLE
AS $$
    WITH o AS (
        SELECT * FROM resume_optimizations WHERE user_id = p_user_id
    ),
    totals AS (
        SELECT count(*)                                                      AS total,
               count(*) FILTER (WHERE o.status = 'completed')                AS completed,
               count(*) FILTER (WHERE o.status = 'failed')                   AS failed,
               coalesce(round(avg(o.improvement) FILTER (WHERE o.status = 'completed'), 2), 0) AS avg_improvement,
               coalesce(max(o.improvement) FILTER (WHERE o.status = 'completed'), 0)           AS best_improvement,
               coalesce(round(avg(o.score_before) FILTER (WHERE o.status = 'completed'), 2), 0) AS avg_score_before,
               coalesce(round(avg(o.score_after) FILTER (WHERE o.status = 'completed'), 2), 0)  AS avg_score_after,
               count(DISTINCT o.resume_id)                                   AS resumes,
               max(o.created_at)                                             AS last_at,
               count(*) FILTER (WHERE o.status = 'completed' AND o.created_at >= now() - interval '30 days') AS recent_n,
               round(avg(o.improvement) FILTER (WHERE o.status = 'completed'
                                                AND o.created_at >= now() - interval '30 days'), 2) AS recent_avg,
               count(*) FILTER (WHERE o.status = 'completed' AND o.created_at <  now() - interval '30 days'
                                                AND o.created_at >= now() - interval '60 days') AS previous_n,
               round(avg(o.improvement) FILTER (WHERE o.status = 'completed'
                                                AND o.created_at <  now() - interval '30 days'
                                                AND o.created_at >= now() - interval '60 days'), 2) AS previous_avg
          FROM o
    ),
    per_template AS (
        SELECT o.template_id, count(*) AS uses, round(avg(o.improvement), 2) AS avg_improvement
          FROM o
         WHERE o.template_id IS NOT NULL AND o.status = 'completed'
         GROUP BY o.template_id
    ),
    best AS (
        SELECT p.*, t.name FROM per_template p LEFT JOIN optimization_templates t ON t.id = p.template_id
         ORDER BY p.avg_improvement DESC NULLS LAST, p.uses DESC, p.template_id LIMIT 1
    ),
    most_used AS (
        SELECT p.*, t.name FROM per_template p LEFT JOIN optimization_templates t ON t.id = p.template_id
         ORDER BY p.uses DESC, p.avg_improvement DESC NULLS LAST, p.template_id LIMIT 1
    ),
    hist AS (
        SELECT count(*)                                  AS entries,
               count(*) FILTER (WHERE h.accepted IS TRUE)  AS accepted,
               count(*) FILTER (WHERE h.accepted IS FALSE) AS rejected
          FROM optimization_history h WHERE h.user_id = p_user_id
    ),
    prefs AS (
        SELECT jsonb_build_object(
                   'preferred_template_id', p.preferred_template_id,
                   'preferred_template_name', t.name,
                   'tone', p.tone,
                   'optimization_level', p.optimization_level,
                   'focus_areas', to_jsonb(p.focus_areas),
                   'preserve_sections', to_jsonb(p.preserve_sections),
                   'target_industry', p.target_industry,
                   'target_roles', to_jsonb(p.target_roles),
                   'custom_keywords', to_jsonb(p.custom_keywords),
                   'updated_at', p.updated_at) AS j
          FROM user_optimization_preferences p
          LEFT JOIN optimization_templates t ON t.id = p.preferred_template_id
         WHERE p.user_id = p_user_id
    )
    SELECT jsonb_build_object(
               'user_id', p_user_id,
               'total_optimizations', tt.total,
               'completed_optimizations', tt.completed,
               'failed_optimizations', tt.failed,
               'resumes_optimized', tt.resumes,
               'avg_improvement', tt.avg_improvement,
               'best_improvement', tt.best_improvement,
               'avg_score_before', tt.avg_score_before,
               'avg_score_after', tt.avg_score_after,
               'last_optimization_at', tt.last_at,
               'best_template', (SELECT jsonb_build_object('template_id', b.template_id, 'name', b.name,
                                                           'uses', b.uses, 'avg_improvement', b.avg_improvement)
                                   FROM best b),
               'most_used_template', (SELECT jsonb_build_object('template_id', m.template_id, 'name', m.name,
                                                                'uses', m.uses, 'avg_improvement', m.avg_improvement)
                                        FROM most_used m),
               'history_entries', hs.entries,
               'accepted_count', hs.accepted,
               'rejected_count', hs.rejected,
               'acceptance_rate', coalesce(round(100.0 * hs.accepted / NULLIF(hs.accepted + hs.rejected, 0), 2), 0),
               'preferences', (SELECT pr.j FROM prefs pr),
               'trend', jsonb_build_object(
                   'last_30_days_count', tt.recent_n,
                   'last_30_days_avg_improvement', tt.recent_avg,
                   'previous_30_days_count', tt.previous_n,
                   'previous_30_days_avg_improvement', tt.previous_avg,
                   'direction', CASE
                       WHEN tt.recent_n = 0 OR tt.previous_n = 0
                            OR tt.recent_avg IS NULL OR tt.previous_avg IS NULL THEN 'insufficient_data'
                       WHEN tt.recent_avg - tt.previous_avg >  1 THEN 'improving'
                       WHEN tt.recent_avg - tt.previous_avg < -1 THEN 'declining'
                       ELSE 'stable' END)
           )
      FROM totals tt CROSS JOIN hist hs;
$$;

-- ---------------------------------------------------------------------------------------------------
-- optimization_analytics: one row per template (with its category); zeros for unused templates
-- ---------------------------------------------------------------------------------------------------
CREATE OR REPLACE VIEW optimization_analytics AS
SELECT t.id                                          AS template_id,
       t.name                                        AS template_name,
       t.category,
       t.industry,
       t.is_active,
       t.is_default,
       t.usage_count,
       coalesce(o.optimizations, 0)                  AS optimization_count,
       coalesce(o.completed, 0)                      AS completed_count,
       coalesce(o.failed, 0)                         AS failed_count,
       coalesce(o.users, 0)                          AS distinct_users,
       coalesce(o.avg_improvement, 0)                AS avg_improvement,
       coalesce(o.avg_score_before, 0)               AS avg_score_before,
       coalesce(o.avg_score_after, 0)                AS avg_score_after,
       coalesce(h.entries, 0)                        AS history_entries,
       coalesce(h.accepted, 0)                       AS accepted_count,
       coalesce(h.rejected, 0)                       AS rejected_count,
       coalesce(round(100.0 * h.accepted / NULLIF(h.accepted + h.rejected, 0), 2), 0) AS acceptance_rate,
       greatest(o.last_at, h.last_at)                AS last_used_at
  FROM optimization_templates t
  LEFT JOIN (SELECT ro.template_id,
                    count(*)                                          AS optimizations,
                    count(*) FILTER (WHERE ro.status = 'completed')   AS completed,
                    count(*) FILTER (WHERE ro.status = 'failed')      AS failed,
                    count(DISTINCT ro.user_id)                        AS users,
                    round(avg(ro.improvement)  FILTER (WHERE ro.status = 'completed'), 2) AS avg_improvement,
                    round(avg(ro.score_before) FILTER (WHERE ro.status = 'completed'), 2) AS avg_score_before,
                    round(avg(ro.score_after)  FILTER (WHERE ro.status = 'completed'), 2) AS avg_score_after,
                    max(ro.created_at)                                AS last_at
               FROM resume_optimizations ro
              WHERE ro.template_id IS NOT NULL
              GROUP BY ro.template_id) o ON o.template_id = t.id
  LEFT JOIN (SELECT oh.template_id,
                    count(*)                                          AS entries,
                    count(*) FILTER (WHERE oh.accepted IS TRUE)       AS accepted,
                    count(*) FILTER (WHERE oh.accepted IS FALSE)      AS rejected,
                    max(oh.created_at)                                AS last_at
               FROM optimization_history oh
              WHERE oh.template_id IS NOT NULL
              GROUP BY oh.template_id) h ON h.template_id = t.id;

-- ---------------------------------------------------------------------------------------------------
-- model_performance_analytics: one row per model over all of model_performance_history
-- ---------------------------------------------------------------------------------------------------
CREATE OR REPLACE VIEW model_performance_analytics AS
SELECT m.id                                            AS model_id,
       m.model_name,
       m.provider,
       m.model_type,
       m.is_active,
       m.is_default,
       coalesce(h.days_tracked, 0)                     AS days_tracked,
       coalesce(h.requests, 0)                         AS total_requests,
       coalesce(h.successes, 0)                        AS success_count,
       coalesce(h.failures, 0)                         AS failure_count,
       coalesce(h.fallbacks, 0)                        AS fallback_count,
       coalesce(round(100.0 * h.successes / NULLIF(h.requests, 0), 2), 0)       AS success_rate,
       coalesce(round(h.latency_total / NULLIF(h.requests, 0), 2), 0)           AS avg_latency_ms,
       coalesce(h.input_tokens, 0)                     AS total_input_tokens,
       coalesce(h.output_tokens, 0)                    AS total_output_tokens,
       coalesce(h.input_tokens + h.output_tokens, 0)   AS total_tokens,
       coalesce(h.cost, 0)                             AS total_cost,
       coalesce(round(h.cost / NULLIF(h.requests, 0), 6), 0)                    AS avg_cost_per_request,
       h.first_period_date,
       h.last_period_date
  FROM ai_models m
  LEFT JOIN (SELECT mph.model_id,
                    count(DISTINCT mph.period_date)                  AS days_tracked,
                    sum(mph.request_count)                           AS requests,
                    sum(mph.success_count)                           AS successes,
                    sum(mph.failure_count)                           AS failures,
                    sum(mph.fallback_count)                          AS fallbacks,
                    sum(CASE WHEN mph.total_latency_ms > 0 THEN mph.total_latency_ms::numeric
                             ELSE coalesce(mph.avg_latency_ms, 0) * mph.request_count END) AS latency_total,
                    sum(mph.input_tokens)                            AS input_tokens,
                    sum(mph.output_tokens)                           AS output_tokens,
                    sum(mph.total_cost)                              AS cost,
                    min(mph.period_date)                             AS first_period_date,
                    max(mph.period_date)                             AS last_period_date
               FROM model_performance_history mph
              GROUP BY mph.model_id) h ON h.model_id = m.id;
