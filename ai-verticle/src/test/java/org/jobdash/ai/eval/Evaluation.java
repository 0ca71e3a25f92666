package org.jobdash.ai.eval;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Runs every system over the labelled set and reports, one column per system: skills micro precision, recall and F1
 * (résumé skills against the gold skills and their aliases); missing-skill recall (required items the résumé
 * lacks, found among the missing) and precision; matched-skill precision (matched skills that are really in the
 * résumé); job match top-1 and MRR (each job ranks every résumé of the set); and the share of weakened résumés
 * scored below their original, for each kind of weakening.
 */
final class Evaluation {

  /** One figure per system, in row order; null where the system does not define it. */
  record Table(List<String> systems, Map<String, List<String>> rows) {
    String markdown() {
      StringBuilder b = new StringBuilder("| figure | " + String.join(" | ", systems) + " |\n|---|");
      systems.forEach(s -> b.append("---|"));
      b.append('\n');
      rows.forEach((row, cells) -> b.append("| ").append(row).append(" | ").append(String.join(" | ", cells))
          .append(" |\n"));
      return b.toString();
    }
  }

  private final List<EvalCase> cases;

  Evaluation(List<EvalCase> cases) {
    this.cases = cases;
  }

  /** Every gold name of the set (résumé skills and requirements): the baselines' closed vocabulary. */
  static List<String> vocabulary(List<EvalCase> cases) {
    Set<String> names = new LinkedHashSet<>();
    for (EvalCase c : cases) {
      c.resumeSkills().forEach(g -> names.add(g.name()));
      c.required().forEach(g -> names.add(g.name()));
      c.preferred().forEach(g -> names.add(g.name()));
    }
    return List.copyOf(names);
  }

  static List<String> corpus(List<EvalCase> cases) {
    List<String> texts = new ArrayList<>();
    cases.forEach(c -> {
      texts.add(c.resume());
      texts.add(c.job());
    });
    return texts;
  }

  Table run(List<Answerer> systems) {
    Map<String, List<String>> rows = new LinkedHashMap<>();
    for (String row : List.of("skills precision", "skills recall", "skills F1", "missing-skill recall",
        "missing-skill precision", "matched-skill precision", "job match top-1", "job match MRR",
        "ATS: weakened layout scored lower", "ATS: seven-line résumé scored lower", "ATS: mean score of seven-line résumés",
        "content: weakened bullets scored lower")) {
      rows.put(row, new ArrayList<>());
    }
    for (Answerer s : systems) {
      skills(s, rows);
      matching(s, rows);
      ordering(s, rows);
    }
    return new Table(systems.stream().map(Answerer::name).toList(), rows);
  }

  private void skills(Answerer s, Map<String, List<String>> rows) {
    int tp = 0;
    int predicted = 0;
    int gold = 0;
    boolean defined = true;
    for (EvalCase c : cases) {
      List<String> found = s.skills(c.resume());
      if (found == null) {
        defined = false;
        break;
      }
      Set<String> hit = new LinkedHashSet<>();
      for (String f : new LinkedHashSet<>(found)) {
        EvalCase.Gold g = c.resumeSkills().stream().filter(x -> x.matches(f)).findFirst().orElse(null);
        if (g == null) {
          predicted++;
        } else if (hit.add(g.name())) {
          predicted++;
          tp++;
        }
      }
      gold += c.resumeSkills().size();
    }
    double p = defined && predicted > 0 ? (double) tp / predicted : 0;
    double r = defined ? (double) tp / gold : 0;
    rows.get("skills precision").add(defined ? f(p) : "—");
    rows.get("skills recall").add(defined ? f(r) : "—");
    rows.get("skills F1").add(defined ? f(p + r == 0 ? 0 : 2 * p * r / (p + r)) : "—");
  }

  private void matching(Answerer s, Map<String, List<String>> rows) {
    int missingGold = 0;
    int missingFound = 0;
    int missingSaid = 0;
    int missingRight = 0;
    int matchedSaid = 0;
    int matchedRight = 0;
    boolean lists = true;
    int top1 = 0;
    double rr = 0;
    for (EvalCase job : cases) {
      double own = 0;
      List<Double> others = new ArrayList<>();
      for (EvalCase resume : cases) {
        Answerer.Answer a = s.match(resume.resume(), job.job());
        if (resume == job) {
          own = a.score();
          if (a.matched() == null) {
            lists = false;
            continue;
          }
          for (EvalCase.Gold g : job.missingRequired()) {
            missingGold++;
            if (a.missing().stream().anyMatch(g::matches)) {
              missingFound++;
            }
          }
          for (String m : a.missing()) {
            missingSaid++;
            if (job.resumeSkills().stream().noneMatch(g -> g.matches(m))) {
              missingRight++;
            }
          }
          for (String m : a.matched()) {
            matchedSaid++;
            if (job.resumeSkills().stream().anyMatch(g -> g.matches(m))) {
              matchedRight++;
            }
          }
        } else {
          others.add(a.score());
        }
      }
      double ownScore = own;
      long above = others.stream().filter(o -> o >= ownScore).count();
      if (above == 0) {
        top1++;
      }
      rr += 1.0 / (1 + above);
    }
    rows.get("missing-skill recall").add(lists ? f((double) missingFound / missingGold) : "—");
    rows.get("missing-skill precision").add(lists ? f(missingSaid == 0 ? 0 : (double) missingRight / missingSaid)
        : "—");
    rows.get("matched-skill precision").add(lists ? f(matchedSaid == 0 ? 0 : (double) matchedRight / matchedSaid)
        : "—");
    rows.get("job match top-1").add(top1 + " of " + cases.size());
    rows.get("job match MRR").add(f(rr / cases.size()));
  }

  private void ordering(Answerer s, Map<String, List<String>> rows) {
    double ats = 0;
    double shortOnes = 0;
    double shortMean = 0;
    double content = 0;
    for (EvalCase c : cases) {
      double atsOriginal = s.ats(c.resume(), c.job());
      ats += lower(atsOriginal, s.ats(Weakened.of("ats", c.resume()), c.job()));
      double shortAts = s.ats(Weakened.of("short", c.resume()), c.job());
      shortOnes += lower(atsOriginal, shortAts);
      shortMean += shortAts;
      content += lower(s.content(c.resume(), c.job()), s.content(Weakened.of("content", c.resume()), c.job()));
    }
    int n = cases.size();
    rows.get("ATS: weakened layout scored lower").add(f(ats / n));
    rows.get("ATS: seven-line résumé scored lower").add(f(shortOnes / n));
    boolean percent = s.name().equals("service");
    rows.get("ATS: mean score of seven-line résumés").add(percent ? String.format(Locale.ROOT, "%.1f", shortMean / n)
        : "—");
    rows.get("content: weakened bullets scored lower").add(f(content / n));
  }

  /** 1 when the weakened one scores lower, ½ for a tie, 0 otherwise. */
  private static double lower(double original, double weakened) {
    return weakened < original ? 1 : weakened == original ? 0.5 : 0;
  }

  private static String f(double v) {
    return String.format(Locale.ROOT, "%.3f", v);
  }
}
