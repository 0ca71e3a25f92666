package org.jobdash.resume.storage;

import java.util.UUID;

/** The keys of stored files: {@code users/<userId>/<random uuid>}, so a client's file name never reaches a path. */
public final class StorageKeys {

  private static final String ROOT = "users/";
  private static final int UUID_LENGTH = 36;

  private StorageKeys() {}

  public static String newKey(UUID userId) {
    return ROOT + userId + "/" + UUID.randomUUID();
  }

  /** The prefix of every key of {@code userId}'s files. */
  public static String userPrefix(UUID userId) {
    return ROOT + userId + "/";
  }

  /** Refuses anything that is not a key made by {@link #newKey}, so no key can climb out of a store's root. */
  static String checkKey(String key) {
    int second = ROOT.length() + UUID_LENGTH + 1;
    if (key == null || key.length() != second + UUID_LENGTH || !startsWithUserPrefix(key)
        || !isUuidText(key.substring(second))) {
      throw new IllegalArgumentException("not a storage key: " + key);
    }
    return key;
  }

  static String checkPrefix(String prefix) {
    if (prefix == null || prefix.length() != ROOT.length() + UUID_LENGTH + 1 || !startsWithUserPrefix(prefix)) {
      throw new IllegalArgumentException("not a storage key prefix: " + prefix);
    }
    return prefix;
  }

  /** Whether {@code s} starts with {@code users/<uuid>/}. */
  private static boolean startsWithUserPrefix(String s) {
    int slash = ROOT.length() + UUID_LENGTH;
    return s.startsWith(ROOT) && s.length() > slash && s.charAt(slash) == '/'
        && isUuidText(s.substring(ROOT.length(), slash));
  }

  /** A UUID as {@link UUID#toString()} writes it: lower-case hex in groups of 8-4-4-4-12. */
  private static boolean isUuidText(String s) {
    if (s.length() != UUID_LENGTH) {
      return false;
    }
    for (int i = 0; i < UUID_LENGTH; i++) {
      char c = s.charAt(i);
      boolean dash = i == 8 || i == 13 || i == 18 || i == 23;
      if (dash ? c != '-' : !((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) {
        return false;
      }
    }
    return true;
  }
}
