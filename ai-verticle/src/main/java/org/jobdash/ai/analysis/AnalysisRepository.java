package org.jobdash.ai.analysis;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;
import org.jobdash.ai.skills.SkillReport;
import org.jobdash.ai.skills.SkillTaxonomy;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.UUID;

/** SQL of {@code skill_analyses}, {@code content_analyses} and {@code job_match_analyses}. */
public final class AnalysisRepository {

  private static final String INSERT_SKILLS = """
      INSERT INTO skill_analyses (id, user_id, session_id, resume_id, skills, skill_count, categories, recommendations,
                                  source_text_hash)
      VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)""";
  private static final String INSERT_CONTENT = """
      INSERT INTO content_analyses (id, user_id, session_id, resume_id, overall_score, readability_score, ats_score,
                                    structure_score, impact_score, word_count, findings, sections_found)
      VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)""";
  private static final String INSERT_MATCH = """
      INSERT INTO job_match_analyses (id, user_id, session_id, resume_id, resume_text_hash, job_title, job_description,
                                      overall_score, semantic_similarity, skill_match_score, experience_match_score,
                                      matched_skills, missing_skills, recommendations)
      VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14)""";

  public Future<UUID> saveSkills(SqlClient conn, UUID userId, UUID sessionId, UUID resumeId, SkillReport report,
                                 SkillTaxonomy taxonomy, String textHash) {
    UUID id = UUID.randomUUID();
    JsonArray categories = new JsonArray();
    report.categories(taxonomy).forEach(c -> categories.add(((JsonObject) c).getString("id")));
    return conn.preparedQuery(INSERT_SKILLS).execute(Tuple.from(new Object[] {id, userId, sessionId, resumeId,
            report.grouped(), report.found().size(), categories, new JsonArray(new ArrayList<>(report.recommendations())),
            textHash}))
        .map(id);
  }

  public Future<UUID> saveContent(SqlClient conn, UUID userId, UUID sessionId, UUID resumeId,
                                  ContentAnalyzer.Report r) {
    UUID id = UUID.randomUUID();
    return conn.preparedQuery(INSERT_CONTENT).execute(Tuple.from(new Object[] {id, userId, sessionId, resumeId,
            decimal(r.overall()), decimal(r.readability()), decimal(r.ats()), decimal(r.structure()),
            decimal(r.impact()), r.wordCount(), new JsonArray(new ArrayList<>(r.findings())),
            new JsonArray(new ArrayList<>(r.sections()))}))
        .map(id);
  }

  public Future<UUID> saveMatch(SqlClient conn, UUID userId, UUID sessionId, UUID resumeId, String resumeHash,
                                String jobTitle, String job, JobMatcher.Match m) {
    UUID id = UUID.randomUUID();
    return conn.preparedQuery(INSERT_MATCH).execute(Tuple.from(new Object[] {id, userId, sessionId, resumeId,
            resumeHash, jobTitle, job, decimal(m.score()), BigDecimal.valueOf(m.semanticSimilarity()),
            m.skillScore() == null ? null : decimal(m.skillScore()),
            m.experienceScore() == null ? null : decimal(m.experienceScore()),
            new JsonArray(new ArrayList<>(m.matchedSkills())), new JsonArray(new ArrayList<>(m.missingSkills())),
            new JsonArray(new ArrayList<>(m.recommendations()))}))
        .map(id);
  }

  private static BigDecimal decimal(double v) {
    return BigDecimal.valueOf(Math.round(v * 100) / 100.0);
  }
}
