package org.jobdash.ai.eval;

import org.jobdash.ai.embedding.Vectors;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Naive baselines over a closed vocabulary — every gold skill name of the whole set, which the service never sees:
 * a skill is named when all its words are in the text (word overlap) or when its vector is near a line of the text
 * (bare embedding similarity); texts are compared by word overlap (Jaccard), TF-IDF cosine or the cosine of their
 * mean vectors. A résumé's quality is its similarity to its own job.
 */
final class Baselines {

  static final double EMBEDDING_THRESHOLD = 0.6;
  private static final Set<String> STOP = Set.of("a", "an", "and", "or", "the", "of", "to", "in", "for", "on", "with",
      "at", "by", "from", "as", "is", "are", "be", "we", "you", "our", "your", "i", "my", "will", "who", "it", "this",
      "that", "per", "all", "up", "into", "their", "have", "has", "what", "s", "ll");

  private Baselines() {}

  static List<String> words(String text) {
    List<String> out = new ArrayList<>();
    for (String w : EvalCase.normal(text).split(" ")) {
      if (!w.isEmpty() && !STOP.contains(w)) {
        out.add(w);
      }
    }
    return out;
  }

  /** Vocabulary terms all of whose words occur in the text. */
  static List<String> byWords(List<String> vocabulary, String text) {
    Set<String> present = new HashSet<>(words(text));
    return vocabulary.stream().filter(v -> !words(v).isEmpty() && present.containsAll(words(v))).toList();
  }

  static double jaccard(String a, String b) {
    Set<String> x = new HashSet<>(words(a));
    Set<String> y = new HashSet<>(words(b));
    Set<String> union = new HashSet<>(x);
    union.addAll(y);
    x.retainAll(y);
    return union.isEmpty() ? 0 : (double) x.size() / union.size();
  }

  static Answerer.Answer lists(double score, List<String> jobSkills, List<String> resumeSkills) {
    List<String> matched = jobSkills.stream().filter(resumeSkills::contains).toList();
    List<String> missing = jobSkills.stream().filter(s -> !resumeSkills.contains(s)).toList();
    return new Answerer.Answer(score, matched, missing);
  }

  static final class WordOverlap implements Answerer {
    private final List<String> vocabulary;

    WordOverlap(List<String> vocabulary) {
      this.vocabulary = vocabulary;
    }

    public String name() {
      return "word overlap";
    }

    public List<String> skills(String resume) {
      return byWords(vocabulary, resume);
    }

    public Answer match(String resume, String job) {
      return lists(jaccard(resume, job), byWords(vocabulary, job), byWords(vocabulary, resume));
    }

    public Double ats(String resume, String job) {
      return jaccard(resume, job);
    }

    public Double content(String resume, String job) {
      return jaccard(resume, job);
    }
  }

  static final class TfIdf implements Answerer {
    private final Map<String, Double> idf = new HashMap<>();
    private final int documents;

    TfIdf(List<String> corpus) {
      documents = corpus.size();
      Map<String, Integer> df = new HashMap<>();
      corpus.forEach(d -> new LinkedHashSet<>(words(d)).forEach(w -> df.merge(w, 1, Integer::sum)));
      df.forEach((w, n) -> idf.put(w, Math.log((1.0 + documents) / (1.0 + n)) + 1));
    }

    public String name() {
      return "TF-IDF cosine";
    }

    private Map<String, Double> vector(String text) {
      Map<String, Double> v = new HashMap<>();
      words(text).forEach(w -> v.merge(w, 1.0, Double::sum));
      v.replaceAll((w, tf) -> tf * idf.getOrDefault(w, Math.log(1.0 + documents) + 1));
      return v;
    }

    double cosine(String a, String b) {
      Map<String, Double> x = vector(a);
      Map<String, Double> y = vector(b);
      double dot = 0;
      for (Map.Entry<String, Double> e : x.entrySet()) {
        dot += e.getValue() * y.getOrDefault(e.getKey(), 0.0);
      }
      double nx = Math.sqrt(x.values().stream().mapToDouble(d -> d * d).sum());
      double ny = Math.sqrt(y.values().stream().mapToDouble(d -> d * d).sum());
      return nx == 0 || ny == 0 ? 0 : dot / (nx * ny);
    }

    public List<String> skills(String resume) {
      return null;
    }

    public Answer match(String resume, String job) {
      return new Answer(cosine(resume, job), null, null);
    }

    public Double ats(String resume, String job) {
      return cosine(resume, job);
    }

    public Double content(String resume, String job) {
      return cosine(resume, job);
    }
  }

  static final class Embedding implements Answerer {
    private final List<String> vocabulary;
    private final Embeddings embeddings;

    Embedding(List<String> vocabulary, Embeddings embeddings) {
      this.vocabulary = vocabulary;
      this.embeddings = embeddings;
    }

    public String name() {
      return "bare embedding";
    }

    private List<String> near(String text) {
      List<String> lines = text.lines().map(String::strip).filter(l -> !l.isEmpty()).toList();
      List<float[]> lineVectors = embeddings.of(lines);
      List<float[]> termVectors = embeddings.of(vocabulary);
      List<String> out = new ArrayList<>();
      for (int i = 0; i < vocabulary.size(); i++) {
        for (float[] l : lineVectors) {
          if (Vectors.cosine(termVectors.get(i), l) >= EMBEDDING_THRESHOLD) {
            out.add(vocabulary.get(i));
            break;
          }
        }
      }
      return out;
    }

    double similarity(String a, String b) {
      return Vectors.cosine(embeddings.of(a), embeddings.of(b));
    }

    public List<String> skills(String resume) {
      return near(resume);
    }

    public Answer match(String resume, String job) {
      return lists(similarity(resume, job), near(job), near(resume));
    }

    public Double ats(String resume, String job) {
      return similarity(resume, job);
    }

    public Double content(String resume, String job) {
      return similarity(resume, job);
    }
  }
}
