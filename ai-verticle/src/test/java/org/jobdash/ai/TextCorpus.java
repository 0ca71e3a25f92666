package org.jobdash.ai;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.jobdash.ai.optimize.Settings;
import org.jobdash.ai.optimize.Template;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Ordinary résumé and job texts, with the features the text rules look at (headings with marks, bullets of every
 * kind, numbers, money, years, tables, images, emoji, headers and footers, Windows line ends, odd whitespace), and
 * templates and settings to optimise them with. {@code golden/text-rules.json} holds what the rules answered for
 * each before they were rewritten without backtracking patterns.
 */
final class TextCorpus {

  private TextCorpus() {}

  static Map<String, String> texts() {
    Map<String, String> texts = new LinkedHashMap<>();
    texts.put("java-backend", Resumes.JAVA_BACKEND);
    texts.put("java-job", Resumes.JAVA_JOB);
    texts.put("pastry-job", Resumes.PASTRY_JOB);
    texts.put("nurse", Resumes.NURSE);
    texts.put("nursing-job", Resumes.NURSING_JOB);
    texts.put("accounting-job", Resumes.ACCOUNTING_JOB);
    texts.put("no-numbers", Resumes.NO_NUMBERS);
    texts.put("cook", OptimizationTest.COOK);
    texts.put("nurse-crlf", Resumes.NURSE.replace("\n", "\r\n"));
    texts.put("cook-crlf", OptimizationTest.COOK.replace("\n", "\r\n"));
    texts.put("marked-headings", """
        ## PROFILE ##
        Warehouse lead who keeps 3 shifts moving.

        === Work Experience ===
        1. Led a team of 12 pickers across 2 sites
        2) Cut mis-picks by 40% in 6 months
        * responsible for forklift safety checks
          - helped with onboarding 25 seasonal staff
        •Ran the night shift
        ▪ Reduced overtime from $12,000 to $4k per quarter
        --- Skills: ---
        Forklift, WMS, SAP, OSHA 10
        EDUCATION:
        High school diploma, 2009
        _Certifications_
        Forklift licence (2015 to 2019)
        """);
    texts.put("trades", """
        Jane Doe
        Electrician
        Experience
        Responsible for wiring houses.
        Helped with panel upgrades.
        Installed 200+ circuits in 30 homes; worked 10+ yrs in residential wiring
        Duties included: conduit bending, NEC code checks and 5 years of PLC troubleshooting
        Skills
        NEC, conduit bending, PLC
        """);
    texts.put("ats-traps", Resumes.NURSE + """
        Skill | Level | Years
        Charting\tExpert\t8
        [image: headshot.png]
        ![logo](logo.svg)
        <img src="me.jpg">
        Page 1 of 2
        2 / 3
        CONFIDENTIAL - do not share
        Award winner 🏆 ✓ ★
        Contact → ☎ 555-0100
        Footer: references on request
        """);
    texts.put("money-and-percent", """
        Experience
        - Grew revenue 3x in 18 months and saved €250,000
        - Raised NPS by 12 percent; managed a $1.2m budget and 15k users
        - Served 120 covers a night, 6 days a week
        - Trained 4 staff, cut waste by 7.5 %
        - Worked from 2015 to 2019 at the same site
        - Handled calls
        - Did 1,200 tickets
        """);
    texts.put("long-sentences", """
        Summary
        Experienced and dedicated professional with a long and varied career across hospitality, retail and \
        logistics who has worked in many roles and settings and who is always keen to learn new skills, support \
        colleagues, delight customers and take on new responsibilities wherever they arise in a busy workplace. \
        Short one. Another short sentence! Is this a question? Yes.
        Experience
        Managed a busy front-of-house team of eight through a complete refurbishment and reopening of the venue.
        """);
    texts.put("odd-whitespace", "Summary\n\n   \t\nCare assistant.\u00a0\u00a0Calm under pressure.\n"
        + "\u2028Experience\u2029- Supported 14 residents\u000b- Helped with meals\f- Assisted with activities\n"
        + "\r\rSkills\r\nPersonal care,\u2003medication rounds\u0085Education\nNVQ level 3\n\n\n");
    texts.put("formal-and-filler", """
        Experience
        - I'm quick and don't waste food; it's what I do
        - Successfully and effectively ran various very busy services
        - Really basically kept the pass moving
        - Can't stop, won't stop, didn't miss a shift, isn't late
        - Team player who is passionate about food,
        - Hard worker and go-getter with synergy
        - Responsible for, team player; detail-oriented
        Skills
        Knife skills, grill.
        """);
    texts.put("unicode", """
        Résumé — Gérante de restaurant
        Expérience
        - Dirigé une équipe de 12 employés à Montréal
        - Réduit les coûts de 15 % en 2021
        - Ζήτω 20 ώρες
        Compétences
        HACCP, ServSafe, caisse
        """);
    texts.put("empty", "");
    texts.put("blank", " \n\t\n ");
    return texts;
  }

  /** Templates with the rule kinds the optimiser reads (a subset of the seeded ones' rules). */
  static List<Template> templates() {
    return List.of(
        template("Hospitality - Culinary & Kitchen", new JsonObject()
            .put("action_verbs", new JsonArray(List.of("Prepared", "Plated", "Expedited", "Costed", "Managed")))
            .put("avoid_phrases", new JsonArray(List.of("cooked food", "worked in a kitchen", "passionate about food",
                "foodie", "made meals", "helped the chef")))
            .put("keywords", new JsonArray(List.of("HACCP", "ServSafe", "menu development", "food cost",
                "inventory management", "line management")))
            .put("section_order", new JsonArray(List.of("contact", "summary", "skills", "experience", "education",
                "certifications")))),
        template("General - Professional", new JsonObject()
            .put("action_verbs", new JsonArray(List.of("Achieved", "Delivered", "Improved", "Led")))
            .put("avoid_phrases", new JsonArray(List.of("responsible for", "duties included", "team player",
                "hard worker", "go-getter", "detail-oriented", "think outside the box", "synergy",
                "references available upon request")))
            .put("keywords", new JsonArray(List.of("communication", "problem solving", "leadership")))
            .put("section_order", new JsonArray(List.of("contact", "summary", "experience", "education",
                "skills")))),
        template("Empty rules", new JsonObject()));
  }

  /** Settings that exercise each tone, level, preserved sections and custom keywords. */
  static Map<String, Settings> settings() {
    Map<String, Settings> settings = new LinkedHashMap<>();
    settings.put("defaults", Settings.defaults());
    settings.put("concise-aggressive", new Settings(null, "concise", "aggressive", List.of(), List.of(), null,
        List.of(), List.of("Rota planning", "knife skills"), true, true));
    settings.put("formal-light", new Settings(null, "formal", "light", List.of(), List.of(), null, List.of(),
        List.of(), true, true));
    settings.put("preserve-experience", new Settings(null, "professional", "moderate", List.of(),
        List.of("experience", "licenses_certifications"), null, List.of(), List.of("Forklift"), true, true));
    return settings;
  }

  /** The job description each optimisation is made for. */
  static final String JOB = "Sous chef: menu development, food cost control, HACCP and ServSafe required, "
      + "inventory management, train line cooks, 5+ years in a busy kitchen.";

  private static Template template(String name, JsonObject rules) {
    return new Template(UUID.nameUUIDFromBytes(name.getBytes(java.nio.charset.StandardCharsets.UTF_8)), name,
        "test", null, null, List.of(), "", rules, false, 0);
  }
}
