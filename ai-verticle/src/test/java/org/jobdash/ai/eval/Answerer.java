package org.jobdash.ai.eval;

import java.util.List;

/** A system under evaluation: the service's local path or a naive baseline. A null answer: not defined for it. */
interface Answerer {

  /** One job match: the score that ranks résumés, the skills it says match and are missing. */
  record Answer(double score, List<String> matched, List<String> missing) {}

  String name();

  /** The skills named in a résumé, or null. */
  List<String> skills(String resume);

  Answer match(String resume, String job);

  /** The ATS score of a résumé (the job it is meant for is given), or null. */
  Double ats(String resume, String job);

  /** The content (overall) score of a résumé, or null. */
  Double content(String resume, String job);
}
