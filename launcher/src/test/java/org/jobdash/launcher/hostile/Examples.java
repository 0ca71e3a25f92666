package org.jobdash.launcher.hostile;

import com.fasterxml.jackson.databind.JsonNode;
import org.jobdash.launcher.hostile.ApiDocuments.Operation;
import org.jobdash.launcher.hostile.ApiDocuments.Schemas;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Valid request bodies, one property of which each attack replaces: written out where the document cannot say
 * what a valid value is (an unused e-mail address, the caller's password, a real résumé id), made from the schema
 * for the rest.
 */
final class Examples {

  private Examples() {}

  /** A fresh valid body for {@code op} (a new address and user name each time for a registration). */
  static Map<String, Object> body(Operation op, World w) {
    String unique = UUID.randomUUID().toString().substring(0, 8);
    Map<String, Object> b = new LinkedHashMap<>();
    switch (op.name()) {
      case "POST /api/v1/auth/register" -> {
        b.put("email", "reg-" + unique + "@campaign.example.com");
        b.put("username", "reg_" + unique);
        b.put("password", World.PASSWORD);
        b.put("fullName", "Campaign Registrant");
      }
      case "POST /api/v1/auth/login" -> {
        b.put("login", w.loginTarget().username());
        b.put("password", World.PASSWORD);
      }
      case "POST /api/v1/auth/refresh" -> b.put("refreshToken", "campaign-not-a-refresh-token");
      case "POST /api/v1/auth/password/forgot" -> b.put("email", w.loginTarget().email());
      case "POST /api/v1/auth/password/reset" -> {
        b.put("token", "campaign-not-a-reset-token");
        b.put("newPassword", "another long campaign passphrase");
      }
      case "POST /api/v1/auth/email/verify" -> b.put("token", "campaign-not-a-verification-token");
      case "POST /api/v1/auth/mfa/factors/{id}/verify", "DELETE /api/v1/auth/mfa/factors/{id}" -> b.put("code", "000000");
      case "POST /api/v1/auth/mfa/challenge" -> {
        b.put("mfaToken", "campaign-not-an-mfa-token");
        b.put("code", "000000");
      }
      case "POST /api/v1/auth/oidc/exchange" -> b.put("code", "campaign-not-an-exchange-code");
      case "POST /api/v1/users/me/password" -> {
        b.put("currentPassword", World.PASSWORD);
        b.put("newPassword", "another long campaign passphrase");
      }
      case "PATCH /api/v1/users/me" -> {
        b.put("firstName", "Priya");
        b.put("lastName", "Sharma");
        b.put("title", "Charge Nurse");
        b.put("yearsExperience", 6);
        b.put("education", List.of(Map.of("degree", "BSc Nursing", "school", "University of Leeds")));
        b.put("phone", "+44 113 496 0000");
        b.put("location", "Leeds");
        b.put("linkedinUrl", "https://www.linkedin.com/in/priya-sharma");
        b.put("bio", "Emergency nurse.");
      }
      case "PUT /api/v1/users/me/profile" -> {
        b.put("headline", "Charge nurse");
        b.put("summary", "Six years in emergency care.");
        b.put("skills", List.of("Triage"));
        b.put("certifications", List.of("BLS"));
        b.put("languages", List.of("English"));
        b.put("links", Map.of("site", "https://example.com"));
        b.put("workExperience", List.of(Map.of("title", "Charge Nurse")));
        b.put("projects", List.of());
        b.put("awards", List.of());
        b.put("volunteer", List.of());
        b.put("visibility", "private");
      }
      case "PUT /api/v1/users/me/preferences" -> {
        b.put("desiredRoles", List.of("Nurse"));
        b.put("preferredLocations", List.of("Leeds"));
        b.put("remotePreference", "hybrid");
        b.put("salaryMin", 30_000);
        b.put("salaryMax", 40_000);
        b.put("salaryCurrency", "GBP");
        b.put("jobTypes", List.of("full_time"));
        b.put("industries", List.of("healthcare"));
        b.put("companySizes", List.of("large"));
        b.put("willingToRelocate", false);
        b.put("availabilityDate", "2027-01-01");
        b.put("careerLevel", "senior");
        b.put("aiPersonalization", new LinkedHashMap<>(Map.of("tone", "professional", "optimizationLevel",
            "moderate")));
        b.put("aiOptimizationEnabled", true);
        b.put("notificationSettings", Map.of("email", true));
        b.put("jobAlertFrequency", "weekly");
      }
      case "PUT /api/v1/admin/users/{id}/subscription" -> {
        b.put("tier", "basic");
        b.put("expiresAt", "2030-01-01T00:00:00Z");
      }
      case "POST /api/v1/resumes" -> {
        b.put("title", "Campaign CV");
        b.put("content", World.RESUME_TEXT);
      }
      case "PATCH /api/v1/resumes/{id}" -> {
        b.put("title", "Campaign CV");
        b.put("content", World.RESUME_TEXT + "Volunteer first-aider.\n");
        b.put("changeSummary", "campaign edit");
      }
      case "POST /api/v1/resumes/{id}/optimizations" -> {
        b.put("jobDescription", World.JOB);
        b.put("targetRole", "Emergency Nurse");
        b.put("templateId", w.template().toString());
        b.put("optimizationType", "general");
      }
      case "POST /api/v1/resumes/optimizations/{oid}/feedback" -> {
        b.put("rating", 4);
        b.put("helpful", true);
        b.put("comment", "Clearer verbs");
      }
      case "POST /api/v1/ai/embeddings" -> {
        b.put("texts", List.of("Registered nurse with triage experience"));
        b.put("sourceType", "text");
        b.put("sourceId", w.ownResume().toString());
      }
      case "POST /api/v1/ai/embeddings/batch" -> {
        b.put("model", "all-minilm-l6-v2-q");
        Map<String, Object> item = new LinkedHashMap<>();
        item.put("sourceType", "text");
        item.put("sourceId", w.ownResume().toString());
        item.put("chunkIndex", 0);
        item.put("contentText", "Registered nurse");
        item.put("vector", unitVector());
        item.put("metadata", Map.of("from", "campaign"));
        b.put("items", List.of(item));
      }
      case "POST /api/v1/ai/embeddings/search" -> {
        b.put("text", "triage nurse");
        b.put("k", 5);
        b.put("sourceType", "text");
      }
      case "POST /api/v1/ai/job-match" -> {
        b.put("resumeText", World.RESUME_TEXT);
        b.put("jobDescription", World.JOB);
        b.put("jobTitle", "ED Nurse");
      }
      case "POST /api/v1/ai/skills", "POST /api/v1/ai/content-analysis" -> b.put("text", World.RESUME_TEXT);
      case "POST /api/v1/ai/optimize" -> {
        b.put("resumeText", World.RESUME_TEXT);
        b.put("jobDescription", World.JOB);
        b.put("templateId", w.template().toString());
        b.put("targetRole", "ED Nurse");
      }
      case "PUT /api/v1/ai/preferences" -> {
        b.put("preferredTemplateId", w.template().toString());
        b.put("tone", "professional");
        b.put("optimizationLevel", "moderate");
        b.put("focusAreas", List.of("impact"));
        b.put("preserveSections", List.of("Education"));
        b.put("targetIndustry", "healthcare");
        b.put("targetRoles", List.of("Nurse"));
        b.put("customKeywords", List.of("triage"));
      }
      default -> {
        Object made = of(op.jsonBody(), w);
        if (made instanceof Map<?, ?> m) {
          m.forEach((k, v) -> b.put(String.valueOf(k), v));
        }
      }
    }
    return b;
  }

  /** A valid-looking value of {@code schema}: its first enum value, minimum, one item, every property. */
  static Object of(JsonNode schema, World w) {
    List<String> values = Schemas.enumValues(schema);
    if (!values.isEmpty()) {
      return values.get(0);
    }
    String type = Schemas.type(schema);
    if (type == null) {
      return "x";
    }
    return switch (type) {
      case "integer" -> {
        Long min = Schemas.number(schema, "minimum");
        yield min == null ? 1 : min;
      }
      case "number" -> 0.5;
      case "boolean" -> true;
      case "array" -> {
        Long min = Schemas.number(schema, "minItems");
        yield new ArrayList<>(Collections.nCopies(min == null ? 1 : min.intValue(), of(Schemas.nonNull(schema).get("items"), w)));
      }
      case "object" -> {
        Map<String, Object> o = new LinkedHashMap<>();
        Schemas.properties(schema).forEach((k, v) -> o.put(k, of(v, w)));
        yield o;
      }
      default -> switch (String.valueOf(Schemas.format(schema))) {
        case "uuid" -> w.ownResume().toString();
        case "date-time" -> "2030-01-01T00:00:00Z";
        case "date" -> "2030-01-01";
        default -> "x";
      };
    };
  }

  private static List<Object> unitVector() {
    List<Object> v = new ArrayList<>(Collections.nCopies(384, 0.0));
    v.set(0, 1.0);
    return v;
  }
}
