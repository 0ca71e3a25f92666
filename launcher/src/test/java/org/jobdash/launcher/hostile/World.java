package org.jobdash.launcher.hostile;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.jobdash.common.auth.Es256Keys;
import org.jobdash.common.testing.TestClient;
import org.jobdash.common.testing.hostile.HostileTokens;

import java.security.PrivateKey;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * The accounts and resources the campaign attacks with and around, made through the gateway before it starts: the
 * owner (whose real ids fill the paths), another user (whose ids must answer 404 to the owner), an administrator,
 * an account only logins are tried on, and one throw-away account per operation that ends sessions or the account
 * itself, so that no attack on those takes the owner's token away.
 */
record World(Account owner, Account other, Account admin, Account loginTarget, Map<String, Account> throwaway,
             Map<String, UUID> spareSession, UUID ownResume, UUID otherResume, UUID deletableResume,
             UUID ownOptimization, UUID otherOptimization, UUID template, UUID model, PrivateKey signingKey, String kid,
             String publicKeyPem, UUID ownFactor, UUID otherFactor) {

  static final String PASSWORD = "a long campaign passphrase";
  static final String RESUME_TEXT = """
      Priya Sharma - Registered Nurse
      Summary
      Registered nurse with 6 years in emergency and intensive care.
      Experience
      Charge Nurse, St Mary's Hospital, 2021-2025
      Led triage in a busy emergency department and cut waiting times by 20%.
      Skills
      Patient care, Triage, Medication administration, BLS, ACLS
      Education
      BSc Nursing, University of Leeds
      """;
  static final String JOB = "Emergency department registered nurse: triage, patient assessment, medication "
      + "administration, BLS and ACLS certification, teamwork.";

  /**
   * Operations that end their caller's sessions or account, or (an operator's) the account they name: each gets an
   * account of its own.
   */
  static final Set<String> THROWAWAY = Set.of("POST /api/v1/auth/logout", "POST /api/v1/auth/logout-all",
      "DELETE /api/v1/auth/sessions/{id}", "POST /api/v1/users/me/password", "DELETE /api/v1/users/me",
      "PUT /api/v1/admin/users/{id}/status");

  record Account(UUID id, String email, String username, String accessToken, UUID sessionId) {}

  /** The account an operation's valid requests are made as. */
  Account caller(String operation) {
    if (operation.contains(" /api/v1/admin/")) {
      return admin;
    }
    return throwaway.getOrDefault(operation, owner);
  }

  /** Registers, logs in and creates everything, through {@code http} (the gateway). */
  /** @param mails the user service's outgoing mails: the admin verifies its address, which grants the role */
  static World seed(TestClient http, Es256Keys keys, String adminEmail,
                    java.util.concurrent.BlockingQueue<JsonObject> mails) {
    Account owner = account(http, "owner", null);
    Account other = account(http, "other", null);
    Map<String, Account> throwaway = new HashMap<>();
    Map<String, UUID> spare = new HashMap<>();
    for (String op : THROWAWAY) {
      Account a = account(http, "throwaway", null);
      throwaway.put(op, a);
      spare.put(op, login(http, a.username()).sessionId());
    }
    UUID ownResume = resume(http, owner);
    UUID otherResume = resume(http, other);
    expect(http.post("/api/v1/ai/embeddings", new JsonObject().put("texts", new JsonArray(List.of(RESUME_TEXT, JOB)))
        .put("sourceType", "text"), owner.accessToken()), 201);
    return new World(owner, other, verifiedAccount(http, "admin", adminEmail, mails), account(http, "login", null),
        Map.copyOf(throwaway), Map.copyOf(spare), ownResume, otherResume, resume(http, owner),
        optimization(http, owner, ownResume), optimization(http, other, otherResume),
        firstId(expect(http.get("/api/v1/ai/templates", owner.accessToken()), 200)),
        firstId(expect(http.get("/api/v1/ai/models", owner.accessToken()), 200)),
        HostileTokens.privateKey(keys.privateKeyPem()), keys.kid(), keys.publicKeyPem(), factor(http, owner),
        factor(http, other));
  }

  /** An unverified TOTP factor of the account's: its id fills the factor paths, and sign-in stays one step. */
  private static UUID factor(TestClient http, Account a) {
    return UUID.fromString(expect(http.post("/api/v1/auth/mfa/factors", null, a.accessToken()), 201).json()
        .getString("id"));
  }

  private static Account account(TestClient http, String role, String email) {
    String tag = role + "-" + UUID.randomUUID().toString().substring(0, 8);
    String address = email != null ? email : tag + "@campaign.example.com";
    expect(http.post("/api/v1/auth/register", new JsonObject().put("email", address).put("username", tag)
        .put("password", PASSWORD).put("fullName", "Campaign " + role), null), 201);
    return login(http, tag);
  }

  private static Account verifiedAccount(TestClient http, String role, String email,
                                         java.util.concurrent.BlockingQueue<JsonObject> mails) {
    Account registered = account(http, role, email);
    JsonObject mail = org.jobdash.common.testing.Waits.take(mails, m -> email.equals(m.getString("to"))
        && "email-verification".equals(m.getString("kind")), "verification mail to " + email);
    expect(http.post("/api/v1/auth/email/verify", new JsonObject().put("token", mail.getString("token")), null), 200);
    // the role is in the tokens of a login after the verification
    return login(http, registered.username());
  }

  private static Account login(TestClient http, String username) {
    JsonObject tokens = expect(http.post("/api/v1/auth/login", new JsonObject().put("login", username)
        .put("password", PASSWORD), null), 200).json();
    JsonObject user = tokens.getJsonObject("user");
    return new Account(UUID.fromString(user.getString("id")), user.getString("email"), username,
        tokens.getString("accessToken"), UUID.fromString(tokens.getString("sessionId")));
  }

  private static UUID resume(TestClient http, Account a) {
    return UUID.fromString(expect(http.post("/api/v1/resumes", new JsonObject().put("title", "Campaign CV")
        .put("content", RESUME_TEXT), a.accessToken()), 201).json().getString("id"));
  }

  private static UUID optimization(TestClient http, Account a, UUID resume) {
    return UUID.fromString(expect(http.post("/api/v1/resumes/" + resume + "/optimizations", new JsonObject()
        .put("jobDescription", JOB).put("targetRole", "Emergency Nurse"), a.accessToken()), 202).json()
        .getString("id"));
  }

  private static UUID firstId(TestClient.Response r) {
    for (Object item : r.json().getJsonArray("items")) {
      if (item instanceof JsonObject o && o.getString("id") != null) {
        return UUID.fromString(o.getString("id"));
      }
    }
    throw new IllegalStateException("no item with an id in " + r.text());
  }

  private static TestClient.Response expect(TestClient.Response r, int status) {
    if (r.status() != status) {
      throw new IllegalStateException("seeding the campaign: expected " + status + ", got " + r);
    }
    return r;
  }
}
