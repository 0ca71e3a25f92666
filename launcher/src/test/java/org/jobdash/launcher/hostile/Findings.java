package org.jobdash.launcher.hostile;

import org.jobdash.launcher.hostile.Campaign.Outcome;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the campaign found: answers counted by class for each attack family and route, and the distinct failures,
 * one line each (fault, operation, attack, status and time, where it went, the start of the body) with what the
 * services logged meanwhile.
 */
final class Findings {

  private static final List<String> FLAGS = List.of("not problem+json", "slow > 10 s");
  /** Warnings about one thread further apart than this are two holds. */
  private static final long EPISODE_GAP_NANOS = 5_000_000_000L;
  private static final Pattern HELD_THREAD = Pattern.compile("Thread (?:Thread\\[)?([^,\\] ]+)");
  private static final Pattern HELD_FOR = Pattern.compile("blocked for (\\d+) ms");

  private final List<Outcome> outcomes;
  private final LogTap tap;

  Findings(List<Outcome> outcomes, LogTap tap) {
    this.outcomes = outcomes;
    this.tap = tap;
  }

  /** Rows: status classes, then the flags; columns: attack families, then the two routes and all. */
  String table() {
    List<String> columns = new ArrayList<>();
    for (Outcome o : outcomes) {
      if (!columns.contains(o.request().family())) {
        columns.add(o.request().family());
      }
    }
    columns.addAll(List.of("gateway", "direct", "all"));
    Map<String, Map<String, Integer>> rows = new TreeMap<>(Comparator.comparing(Findings::rank)
        .thenComparing(Comparator.naturalOrder()));
    for (Outcome o : outcomes) {
      List<String> classes = new ArrayList<>();
      classes.add(statusClass(o));
      List<String> faults = o.faults();
      FLAGS.stream().filter(faults::contains).forEach(classes::add);
      for (String c : classes) {
        Map<String, Integer> row = rows.computeIfAbsent(c, k -> new LinkedHashMap<>());
        row.merge(o.request().family(), 1, Integer::sum);
        row.merge(o.via().equals("gateway") ? "gateway" : "direct", 1, Integer::sum);
        row.merge("all", 1, Integer::sum);
      }
    }
    StringBuilder b = new StringBuilder(String.format("%-24s", "answer"));
    columns.forEach(c -> b.append(String.format(" %" + Math.max(6, c.length()) + "s", c)));
    b.append('\n');
    rows.forEach((name, row) -> {
      b.append(String.format("%-24s", name));
      columns.forEach(c -> b.append(String.format(" %" + Math.max(6, c.length()) + "s",
          row.containsKey(c) ? row.get(c).toString() : "")));
      b.append('\n');
    });
    b.append(String.format("%-24s", "requests"));
    columns.forEach(c -> b.append(String.format(" %" + Math.max(6, c.length()) + "s", outcomes.stream()
        .filter(o -> c.equals("all") || c.equals(o.request().family())
            || c.equals(o.via().equals("gateway") ? "gateway" : "direct")).count())));
    return b.append('\n').toString();
  }

  /** The failing answers grouped by fault, operation, attack and status: one group per distinct failure. */
  Map<String, List<Outcome>> distinct() {
    Map<String, List<Outcome>> distinct = new LinkedHashMap<>();
    for (Outcome o : outcomes) {
      List<String> faults = o.faults();
      if (!faults.isEmpty()) {
        distinct.computeIfAbsent(String.join(", ", faults) + "|" + o.request().operation() + "|"
            + o.request().what() + "|" + o.status(), k -> new ArrayList<>()).add(o);
      }
    }
    return distinct;
  }

  /**
   * One line per distinct failure (fault, operation, attack, status and type, the slowest time, every route it
   * happened on, the start of the body), then for a 5xx what the same request answered sent alone and what the
   * services logged meanwhile.
   */
  List<String> failures(Map<String, Outcome> alone) {
    List<String> out = new ArrayList<>();
    for (Map.Entry<String, List<Outcome>> group : distinct().entrySet()) {
      List<Outcome> same = group.getValue();
      Outcome first = same.get(0);
      Set<String> vias = new LinkedHashSet<>();
      same.forEach(o -> vias.add(o.via()));
      long slowest = same.stream().mapToLong(Outcome::millis).max().orElse(0);
      StringBuilder line = new StringBuilder(String.join(", ", first.faults())).append(" | ")
          .append(first.request().operation()).append(" | ").append(first.request().what()).append(" | ")
          .append(first.status() == 0 ? "no answer" : first.status() + " " + first.contentType())
          .append(", ").append(slowest).append(" ms via ").append(String.join("+", vias)).append(" | ")
          .append(first.status() == 0 ? first.error() : first.body());
      Outcome replay = alone.get(group.getKey());
      if (replay != null) {
        LogTap.Entry logged = tap.errorBetween(replay.startedNanos(), replay.endedNanos());
        line.append("\n      sent alone: ").append(replay.status() == 0 ? "no answer" : replay.status())
            .append(", ").append(replay.millis()).append(" ms").append(logged == null ? "" : "; logged: " + logged);
      } else if (first.status() >= 500) {
        LogTap.Entry logged = tap.errorBetween(first.startedNanos(), first.endedNanos());
        if (logged != null) {
          line.append("\n      logged meanwhile (other requests in flight): ").append(logged);
        }
      }
      out.add(line.toString());
    }
    return out;
  }

  /**
   * Blocked-thread warnings as episodes (a thread warned about again and again while held once), each with where
   * it was held and what the campaign had in flight when the hold began.
   */
  List<String> blockedEpisodes() {
    List<Episode> episodes = new ArrayList<>();
    Map<String, Episode> latest = new HashMap<>();
    for (LogTap.Entry e : tap.entries()) {
      if (!e.blockedThread()) {
        continue;
      }
      String thread = heldThread(e.message());
      Episode episode = latest.get(thread);
      if (episode == null || e.nanos() - episode.last > EPISODE_GAP_NANOS) {
        episode = new Episode(thread, e);
        episodes.add(episode);
        latest.put(thread, episode);
      }
      episode.last = e.nanos();
      episode.longest = Math.max(episode.longest, heldMillis(e.message()));
      episode.warnings++;
    }
    List<String> out = new ArrayList<>();
    for (Episode ep : episodes) {
      long since = ep.first.nanos() - heldMillis(ep.first.message()) * 1_000_000;
      List<String> inFlight = outcomes.stream().filter(o -> o.startedNanos() <= since && o.endedNanos() >= since)
          .map(o -> o.request().operation() + " " + o.request().what() + " via " + o.via()).distinct().toList();
      out.add(ep.thread + " held for up to " + ep.longest + " ms (" + ep.warnings + " warnings): "
          + (ep.first.cause() == null ? ep.first.message() : ep.first.cause())
          + "\n      in flight when the hold began: " + (inFlight.isEmpty() ? "nothing of the campaign's" : inFlight));
    }
    return out;
  }

  /** One thread held once: Vert.x warns about it every second until it is let go. */
  private static final class Episode {
    final String thread;
    final LogTap.Entry first;
    long last;
    long longest;
    int warnings;

    Episode(String thread, LogTap.Entry first) {
      this.thread = thread;
      this.first = first;
    }
  }

  private static String heldThread(String message) {
    Matcher m = HELD_THREAD.matcher(message);
    return m.find() ? m.group(1) : message;
  }

  private static long heldMillis(String message) {
    Matcher m = HELD_FOR.matcher(message);
    return m.find() ? Long.parseLong(m.group(1)) : 0;
  }

  /** Every upload's answers, failing or not: the bombs are few, and what each got back is worth seeing. */
  String uploads() {
    StringBuilder b = new StringBuilder();
    for (Outcome o : outcomes) {
      if (o.request().family().equals("upload")) {
        String body = o.status() == 0 ? o.error() : o.body();
        b.append(String.format("  %-34s %-8s %-4s %7d ms  %s%n", o.request().attack(), o.via(),
            o.status() == 0 ? "none" : o.status(), o.millis(), body.length() > 120 ? body.substring(0, 120) : body));
      }
    }
    return b.toString();
  }

  /** How many distinct failures of each fault each attack family has. */
  String summary(List<String> failures) {
    Map<String, Integer> counts = new TreeMap<>();
    for (String f : failures) {
      String[] parts = f.split(" \\| ");
      counts.merge(parts[0] + " — " + parts[2].substring(0, parts[2].indexOf(':')), 1, Integer::sum);
    }
    StringBuilder b = new StringBuilder();
    counts.forEach((k, v) -> b.append(String.format("  %4d  %s%n", v, k)));
    return b.toString();
  }

  private static String statusClass(Outcome o) {
    int s = o.status();
    if (s == 0) {
      return "no answer";
    }
    if (s < 300) {
      return "2xx";
    }
    return s < 400 ? "3xx" : (s < 500 ? "4xx " : "5xx ") + s;
  }

  private static int rank(String row) {
    if (row.startsWith("2")) {
      return 0;
    }
    if (row.startsWith("3")) {
      return 1;
    }
    if (row.startsWith("4")) {
      return 2;
    }
    if (row.startsWith("5")) {
      return 3;
    }
    return row.equals("no answer") ? 4 : 5;
  }
}
