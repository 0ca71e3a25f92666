package org.jobdash.user.profile;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.jobdash.common.http.ApiException;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The profile as a JSON Resume document and back. basics: name and email from the account (read only here),
 * label ↔ headline (and the account's title), summary ↔ summary, phone, url ↔ portfolio URL, location ↔ the
 * account's one-line location (written as "city, region, postcode, country code", read back as {@code city}),
 * profiles ↔ links by network (LinkedIn and GitHub also fill the account's URLs); work ↔ workExperience, volunteer,
 * awards, projects, skills, languages, certificates ↔ certifications, education ↔ the account's education, each
 * entry kept as given. Not kept: basics.image, publications, interests, references, meta.
 */
final class ProfileJsonResume {

  /** The account's columns the document reads and writes. */
  record Basics(String fullName, String email, String title, String phone, String location, String linkedinUrl,
                String githubUrl, String portfolioUrl, String bio, JsonArray education) {}

  /** What a document saves: the profile's fields and the account's contact columns. */
  record Saved(Profile profile, String title, String phone, String location, String linkedinUrl, String githubUrl,
               String portfolioUrl, JsonArray education) {}

  private static final Map<String, Integer> MAX_ITEMS = Map.of("work", 100, "volunteer", 100, "awards", 100,
      "projects", 100, "skills", 200, "languages", 50, "certificates", 100, "education", 50);
  private static final int MAX_ENTRY = 5_000;

  private ProfileJsonResume() {}

  static JsonObject toJsonResume(Basics b, Profile p) {
    JsonObject basics = new JsonObject();
    put(basics, "name", b.fullName());
    put(basics, "label", p.headline() != null ? p.headline() : b.title());
    put(basics, "email", b.email());
    put(basics, "phone", b.phone());
    put(basics, "url", b.portfolioUrl());
    put(basics, "summary", p.summary() != null ? p.summary() : b.bio());
    if (b.location() != null && !b.location().isBlank()) {
      basics.put("location", new JsonObject().put("city", b.location()));
    }
    JsonArray profiles = new JsonArray();
    p.links().forEach(e -> {
      if (e.getValue() instanceof JsonObject o) {
        profiles.add(new JsonObject().put("network", e.getKey()).mergeIn(o));
      } else if (e.getValue() instanceof String url) {
        profiles.add(new JsonObject().put("network", e.getKey()).put("url", url));
      }
    });
    addAccountProfile(profiles, "LinkedIn", b.linkedinUrl());
    addAccountProfile(profiles, "GitHub", b.githubUrl());
    if (!profiles.isEmpty()) {
      basics.put("profiles", profiles);
    }
    JsonObject doc = new JsonObject().put("basics", basics);
    section(doc, "work", p.workExperience(), "position");
    section(doc, "volunteer", p.volunteer(), "organization");
    section(doc, "education", b.education(), "institution");
    section(doc, "awards", p.awards(), "title");
    section(doc, "certificates", p.certifications(), "name");
    section(doc, "skills", p.skills(), "name");
    section(doc, "languages", p.languages(), "language");
    section(doc, "projects", p.projects(), "name");
    return doc;
  }

  /** @param current the saved profile, whose visibility the document does not change */
  static Saved fromJsonResume(JsonObject doc, Profile current) {
    List<ApiException.FieldError> errors = new ArrayList<>();
    JsonObject basics = doc.getValue("basics") instanceof JsonObject o ? o : new JsonObject();
    String label = text(basics, "label", 200, errors);
    String summary = text(basics, "summary", 10_000, errors);
    String phone = text(basics, "phone", 32, errors);
    String url = text(basics, "url", 2_000, errors);
    JsonObject location = basics.getValue("location") instanceof JsonObject l ? l : new JsonObject();
    String place = join(location.getString("city"), location.getString("region"), location.getString("postalCode"),
        location.getString("countryCode"));
    if (place != null && place.length() > 255) {
      errors.add(new ApiException.FieldError("jsonResume.basics.location", "must be at most 255 characters in all"));
    }
    JsonObject links = new JsonObject();
    String linkedin = null;
    String github = null;
    if (basics.getValue("profiles") instanceof JsonArray profiles) {
      for (int i = 0; i < profiles.size(); i++) {
        if (!(profiles.getValue(i) instanceof JsonObject profile) || profile.getString("network") == null) {
          errors.add(new ApiException.FieldError("jsonResume.basics.profiles[" + i + "]", "needs a network"));
          continue;
        }
        JsonObject rest = profile.copy();
        String network = (String) rest.remove("network");
        links.put(network, rest);
        String network0 = network.toLowerCase(Locale.ROOT);
        if (network0.equals("linkedin")) {
          linkedin = profile.getString("url");
        } else if (network0.equals("github")) {
          github = profile.getString("url");
        }
      }
      if (links.size() > 50) {
        errors.add(new ApiException.FieldError("jsonResume.basics.profiles", "must have at most 50 networks"));
      }
    }
    JsonArray work = entries(doc, "work", errors);
    JsonArray volunteer = entries(doc, "volunteer", errors);
    JsonArray education = entries(doc, "education", errors);
    JsonArray awards = entries(doc, "awards", errors);
    JsonArray certificates = entries(doc, "certificates", errors);
    JsonArray skills = entries(doc, "skills", errors);
    JsonArray languages = entries(doc, "languages", errors);
    JsonArray projects = entries(doc, "projects", errors);
    if (!errors.isEmpty()) {
      throw new ApiException.Invalid("The document does not fit the profile", errors);
    }
    Profile profile = new Profile(label != null && label.length() > 255 ? label.substring(0, 255) : label, summary,
        skills, certificates, languages, links, work, projects, awards, volunteer, current.visibility(), null);
    return new Saved(profile, label, phone, place, linkedin, github, url, education);
  }

  private static void addAccountProfile(JsonArray profiles, String network, String url) {
    if (url == null || url.isBlank()) {
      return;
    }
    boolean listed = profiles.stream().anyMatch(p -> p instanceof JsonObject o
        && network.equalsIgnoreCase(o.getString("network")));
    if (!listed) {
      profiles.add(new JsonObject().put("network", network).put("url", url));
    }
  }

  /** Entries kept as given; a bare string (the profile allows them) becomes an object under {@code key}. */
  private static void section(JsonObject doc, String name, JsonArray entries, String key) {
    if (entries == null || entries.isEmpty()) {
      return;
    }
    JsonArray out = new JsonArray();
    entries.forEach(e -> out.add(e instanceof String s ? new JsonObject().put(key, s) : e));
    doc.put(name, out);
  }

  private static JsonArray entries(JsonObject doc, String name, List<ApiException.FieldError> errors) {
    if (!(doc.getValue(name) instanceof JsonArray array)) {
      return new JsonArray();
    }
    if (array.size() > MAX_ITEMS.get(name)) {
      errors.add(new ApiException.FieldError("jsonResume." + name, "the profile keeps at most " + MAX_ITEMS.get(name)
          + " entries"));
    }
    for (int i = 0; i < array.size(); i++) {
      if (array.getValue(i) instanceof JsonObject o && o.encode().length() > MAX_ENTRY) {
        errors.add(new ApiException.FieldError("jsonResume." + name + "[" + i + "]", "must be at most " + MAX_ENTRY
            + " characters as JSON"));
      }
    }
    return array;
  }

  private static String text(JsonObject o, String key, int max, List<ApiException.FieldError> errors) {
    String s = o.getValue(key) instanceof String v && !v.isBlank() ? v.strip() : null;
    if (s != null && s.length() > max) {
      errors.add(new ApiException.FieldError("jsonResume.basics." + key, "must be at most " + max + " characters"));
    }
    return s;
  }

  private static String join(String... parts) {
    List<String> kept = new ArrayList<>();
    for (String p : parts) {
      if (p != null && !p.isBlank()) {
        kept.add(p.strip());
      }
    }
    return kept.isEmpty() ? null : String.join(", ", kept);
  }

  private static void put(JsonObject o, String key, String value) {
    if (value != null && !value.isBlank()) {
      o.put(key, value);
    }
  }
}
