package org.jobdash.user.profile;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;

import java.util.Optional;
import java.util.UUID;

/** SQL of {@code user_profiles}, {@code user_preferences} and the complete-profile function. */
public final class ProfileRepository {

  private static final String PROFILE = "SELECT " + Profile.COLUMNS + " FROM user_profiles WHERE user_id = $1";

  private static final String SAVE_PROFILE = """
      INSERT INTO user_profiles (user_id, headline, summary, skills, certifications, languages, links, work_experience,
                                 projects, awards, volunteer, profile_visibility)
      VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)
      ON CONFLICT (user_id) DO UPDATE SET
        headline = EXCLUDED.headline, summary = EXCLUDED.summary, skills = EXCLUDED.skills,
        certifications = EXCLUDED.certifications, languages = EXCLUDED.languages, links = EXCLUDED.links,
        work_experience = EXCLUDED.work_experience, projects = EXCLUDED.projects, awards = EXCLUDED.awards,
        volunteer = EXCLUDED.volunteer, profile_visibility = EXCLUDED.profile_visibility
      RETURNING """ + " " + Profile.COLUMNS;

  private static final String PREFERENCES = "SELECT " + Preferences.COLUMNS + " FROM user_preferences WHERE user_id = $1";

  private static final String SAVE_PREFERENCES = """
      INSERT INTO user_preferences (user_id, desired_roles, preferred_locations, remote_preference, salary_min,
                                    salary_max, salary_currency, job_types, industries, company_sizes,
                                    willing_to_relocate, availability_date, career_level, ai_personalization,
                                    ai_optimization_enabled, notification_settings, job_alert_frequency)
      VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17)
      ON CONFLICT (user_id) DO UPDATE SET
        desired_roles = EXCLUDED.desired_roles, preferred_locations = EXCLUDED.preferred_locations,
        remote_preference = EXCLUDED.remote_preference, salary_min = EXCLUDED.salary_min,
        salary_max = EXCLUDED.salary_max, salary_currency = EXCLUDED.salary_currency, job_types = EXCLUDED.job_types,
        industries = EXCLUDED.industries, company_sizes = EXCLUDED.company_sizes,
        willing_to_relocate = EXCLUDED.willing_to_relocate, availability_date = EXCLUDED.availability_date,
        career_level = EXCLUDED.career_level, ai_personalization = EXCLUDED.ai_personalization,
        ai_optimization_enabled = EXCLUDED.ai_optimization_enabled,
        notification_settings = EXCLUDED.notification_settings, job_alert_frequency = EXCLUDED.job_alert_frequency
      RETURNING """ + " " + Preferences.COLUMNS;

  private static final String COMPLETE = "SELECT get_user_profile_complete($1) AS document";

  private static final String BASICS = """
      SELECT full_name, email, title, phone, location, linkedin_url, github_url, portfolio_url, bio, education
      FROM users WHERE id = $1""";

  /** The account's contact columns and the whole profile in one statement: both are written or neither. */
  private static final String SAVE_JSON_RESUME = """
      WITH account AS (
        UPDATE users SET title = $2, phone = $3, location = $4, linkedin_url = $5, github_url = $6,
                         portfolio_url = $7, education = $8
        WHERE id = $1
        RETURNING id)
      INSERT INTO user_profiles (user_id, headline, summary, skills, certifications, languages, links, work_experience,
                                 projects, awards, volunteer, profile_visibility)
      SELECT account.id, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19 FROM account
      ON CONFLICT (user_id) DO UPDATE SET
        headline = EXCLUDED.headline, summary = EXCLUDED.summary, skills = EXCLUDED.skills,
        certifications = EXCLUDED.certifications, languages = EXCLUDED.languages, links = EXCLUDED.links,
        work_experience = EXCLUDED.work_experience, projects = EXCLUDED.projects, awards = EXCLUDED.awards,
        volunteer = EXCLUDED.volunteer
      RETURNING user_id""";

  private final SqlClient pool;

  public ProfileRepository(SqlClient pool) {
    this.pool = pool;
  }

  public Future<Optional<Profile>> profile(UUID userId) {
    return pool.preparedQuery(PROFILE).execute(Tuple.of(userId))
        .map(rows -> rows.size() == 0 ? Optional.empty() : Optional.of(Profile.from(rows.iterator().next())));
  }

  public Future<Profile> saveProfile(UUID userId, Profile p) {
    return pool.preparedQuery(SAVE_PROFILE)
        .execute(Tuple.from(new Object[] {userId, p.headline(), p.summary(), p.skills(), p.certifications(),
            p.languages(), p.links(), p.workExperience(), p.projects(), p.awards(), p.volunteer(), p.visibility()}))
        .map(rows -> Profile.from(rows.iterator().next()));
  }

  public Future<Optional<Preferences>> preferences(UUID userId) {
    return pool.preparedQuery(PREFERENCES).execute(Tuple.of(userId))
        .map(rows -> rows.size() == 0 ? Optional.empty() : Optional.of(Preferences.from(rows.iterator().next())));
  }

  public Future<Preferences> savePreferences(UUID userId, Preferences p) {
    return pool.preparedQuery(SAVE_PREFERENCES)
        .execute(Tuple.from(new Object[] {userId, p.desiredRoles().toArray(String[]::new),
            p.preferredLocations().toArray(String[]::new), p.remotePreference(), p.salaryMin(), p.salaryMax(),
            p.salaryCurrency(), p.jobTypes().toArray(String[]::new), p.industries().toArray(String[]::new),
            p.companySizes().toArray(String[]::new), p.willingToRelocate(), p.availabilityDate(), p.careerLevel(),
            p.aiPersonalization(), p.aiOptimizationEnabled(), p.notificationSettings(), p.jobAlertFrequency()}))
        .map(rows -> Preferences.from(rows.iterator().next()));
  }

  /** The account's columns a JSON Resume document shows; empty when the user does not exist. */
  Future<Optional<ProfileJsonResume.Basics>> basics(UUID userId) {
    return pool.preparedQuery(BASICS).execute(Tuple.of(userId)).map(rows -> {
      if (rows.size() == 0) {
        return Optional.empty();
      }
      var r = rows.iterator().next();
      return Optional.of(new ProfileJsonResume.Basics(r.getString("full_name"), r.getString("email"),
          r.getString("title"), r.getString("phone"), r.getString("location"), r.getString("linkedin_url"),
          r.getString("github_url"), r.getString("portfolio_url"), r.getString("bio"),
          r.getValue("education") instanceof JsonArray a ? a : new JsonArray()));
    });
  }

  /** @return false when the user does not exist */
  Future<Boolean> saveJsonResume(UUID userId, ProfileJsonResume.Saved s) {
    Profile p = s.profile();
    return pool.preparedQuery(SAVE_JSON_RESUME).execute(Tuple.from(new Object[] {userId, s.title(), s.phone(),
            s.location(), s.linkedinUrl(), s.githubUrl(), s.portfolioUrl(), s.education(), p.headline(), p.summary(),
            p.skills(), p.certifications(), p.languages(), p.links(), p.workExperience(), p.projects(), p.awards(),
            p.volunteer(), p.visibility()}))
        .map(rows -> rows.size() == 1);
  }

  /** The seed's one-document view of a user; empty when the user does not exist. */
  public Future<Optional<JsonObject>> complete(UUID userId) {
    return pool.preparedQuery(COMPLETE).execute(Tuple.of(userId)).map(rows -> {
      Object doc = rows.iterator().next().getValue("document");
      return doc instanceof JsonObject o ? Optional.of(o) : Optional.empty();
    });
  }
}
