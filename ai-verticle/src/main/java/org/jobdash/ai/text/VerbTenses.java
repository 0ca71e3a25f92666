package org.jobdash.ai.text;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The simple past of a verb given in its "-ing" form ("growing" → "grew", "rebuilding" → "rebuilt",
 * "planning" → "planned", "supplying" → "supplied"): irregular verbs from a table, found with their base's silent
 * 'e' or doubled consonant restored and behind a prefix (re-, over-, under-, out-, mis-, co-, up-, with-); regular
 * ones by rule. Plain code; a word that is not a verb's "-ing" form ("morning", "during") has none.
 */
public final class VerbTenses {

  private static final Map<String, String> IRREGULAR = Map.<String, String>ofEntries(
      Map.entry("arise", "arose"), Map.entry("be", "was"), Map.entry("bear", "bore"), Map.entry("beat", "beat"),
      Map.entry("become", "became"), Map.entry("begin", "began"), Map.entry("bend", "bent"), Map.entry("bid", "bid"),
      Map.entry("bind", "bound"), Map.entry("bite", "bit"), Map.entry("bleed", "bled"), Map.entry("flee", "fled"), Map.entry("blow", "blew"), Map.entry("break", "broke"),
      Map.entry("breed", "bred"), Map.entry("bring", "brought"), Map.entry("broadcast", "broadcast"),
      Map.entry("build", "built"), Map.entry("burn", "burnt"), Map.entry("buy", "bought"), Map.entry("cast", "cast"),
      Map.entry("catch", "caught"), Map.entry("choose", "chose"), Map.entry("come", "came"), Map.entry("cost", "cost"),
      Map.entry("creep", "crept"), Map.entry("cut", "cut"), Map.entry("deal", "dealt"), Map.entry("dig", "dug"),
      Map.entry("do", "did"), Map.entry("draw", "drew"), Map.entry("drink", "drank"), Map.entry("drive", "drove"),
      Map.entry("eat", "ate"), Map.entry("fall", "fell"), Map.entry("feed", "fed"), Map.entry("feel", "felt"),
      Map.entry("fight", "fought"), Map.entry("find", "found"), Map.entry("fly", "flew"), Map.entry("forbid", "forbade"),
      Map.entry("forecast", "forecast"), Map.entry("foresee", "foresaw"), Map.entry("forget", "forgot"),
      Map.entry("forgive", "forgave"), Map.entry("freeze", "froze"), Map.entry("get", "got"), Map.entry("give", "gave"),
      Map.entry("go", "went"), Map.entry("grind", "ground"), Map.entry("grow", "grew"), Map.entry("hang", "hung"),
      Map.entry("have", "had"), Map.entry("hear", "heard"), Map.entry("hide", "hid"), Map.entry("hit", "hit"),
      Map.entry("hold", "held"), Map.entry("hurt", "hurt"), Map.entry("keep", "kept"), Map.entry("know", "knew"),
      Map.entry("lay", "laid"), Map.entry("lead", "led"), Map.entry("lean", "leant"), Map.entry("learn", "learnt"),
      Map.entry("leave", "left"), Map.entry("lend", "lent"), Map.entry("let", "let"), Map.entry("light", "lit"),
      Map.entry("lose", "lost"), Map.entry("make", "made"), Map.entry("mean", "meant"), Map.entry("meet", "met"),
      Map.entry("pay", "paid"), Map.entry("put", "put"), Map.entry("quit", "quit"), Map.entry("read", "read"),
      Map.entry("ride", "rode"), Map.entry("ring", "rang"), Map.entry("rise", "rose"), Map.entry("run", "ran"),
      Map.entry("say", "said"), Map.entry("see", "saw"), Map.entry("seek", "sought"), Map.entry("sell", "sold"),
      Map.entry("send", "sent"), Map.entry("set", "set"), Map.entry("shake", "shook"), Map.entry("shine", "shone"),
      Map.entry("shoot", "shot"), Map.entry("show", "showed"), Map.entry("shrink", "shrank"), Map.entry("shut", "shut"),
      Map.entry("sing", "sang"), Map.entry("sink", "sank"), Map.entry("sit", "sat"), Map.entry("sleep", "slept"),
      Map.entry("slide", "slid"), Map.entry("speak", "spoke"), Map.entry("speed", "sped"), Map.entry("spend", "spent"),
      Map.entry("spin", "spun"), Map.entry("split", "split"), Map.entry("spread", "spread"),
      Map.entry("stand", "stood"), Map.entry("steal", "stole"), Map.entry("stick", "stuck"),
      Map.entry("sting", "stung"), Map.entry("strike", "struck"), Map.entry("strive", "strove"),
      Map.entry("swear", "swore"), Map.entry("sweep", "swept"), Map.entry("swim", "swam"), Map.entry("swing", "swung"),
      Map.entry("take", "took"), Map.entry("teach", "taught"), Map.entry("tear", "tore"), Map.entry("tell", "told"),
      Map.entry("think", "thought"), Map.entry("throw", "threw"), Map.entry("understand", "understood"),
      Map.entry("upset", "upset"), Map.entry("wake", "woke"), Map.entry("wear", "wore"), Map.entry("weave", "wove"),
      Map.entry("win", "won"), Map.entry("wind", "wound"), Map.entry("write", "wrote"), Map.entry("oversee", "oversaw"),
      Map.entry("undertake", "undertook"), Map.entry("withdraw", "withdrew"), Map.entry("uphold", "upheld"),
      Map.entry("overcome", "overcame"), Map.entry("undergo", "underwent"), Map.entry("mislead", "misled"));
  /** Longest first, so that "under" is tried before "un" would be. */
  private static final List<String> PREFIXES = List.of("under", "over", "with", "out", "mis", "re", "co", "up");
  /** "-ing" words that are no verb's "-ing" form, or whose past cannot be told from it. */
  private static final Set<String> NOT_GERUNDS = Set.of("during", "morning", "evening", "something", "anything",
      "nothing", "everything", "string", "spring", "ceiling", "wedding", "clothing", "pudding", "sibling", "ongoing",
      "upcoming", "outgoing", "according", "notwithstanding", "being", "lying", "dying", "thing", "king", "ring",
      "sing", "wing", "bring", "sting", "swing", "icing", "awning", "herring", "shilling", "lightning", "offspring");

  private VerbTenses() {}

  /** The simple past, lower case, of the verb whose "-ing" form {@code gerund} is; null when it is none. */
  public static String pastOfGerund(String gerund) {
    String w = gerund.toLowerCase(Locale.ROOT);
    if (!w.endsWith("ing") || w.length() < 5 || NOT_GERUNDS.contains(w) || !w.chars().allMatch(Character::isLetter)) {
      return null;
    }
    String stem = w.substring(0, w.length() - 3);
    String irregular = irregular(stem);
    if (irregular != null) {
      return irregular;
    }
    for (String prefix : PREFIXES) {
      if (stem.startsWith(prefix) && stem.length() > prefix.length() + 1) {
        String rest = irregular(stem.substring(prefix.length()));
        if (rest != null) {
          return prefix + rest;
        }
      }
    }
    if (stem.length() < 2 || stem.chars().noneMatch(c -> "aeiouy".indexOf(c) >= 0)) {
      return null;
    }
    // "agreeing" → "agreed"; "supplying" → "supplied"; "managing" → "managed"; "planning" → "planned"
    if (stem.endsWith("ee")) {
      return stem + "d";
    }
    if (stem.endsWith("y") && "aeiou".indexOf(stem.charAt(stem.length() - 2)) < 0) {
      return stem.substring(0, stem.length() - 1) + "ied";
    }
    return stem + "ed";
  }

  /** The past of an irregular verb whose "-ing" stem this is: as it is, with its silent 'e', or undoubled. */
  private static String irregular(String stem) {
    String past = IRREGULAR.get(stem);
    if (past == null) {
      past = IRREGULAR.get(stem + "e");
    }
    int l = stem.length();
    if (past == null && l >= 3 && stem.charAt(l - 1) == stem.charAt(l - 2)) {
      past = IRREGULAR.get(stem.substring(0, l - 1));
    }
    return past;
  }
}
