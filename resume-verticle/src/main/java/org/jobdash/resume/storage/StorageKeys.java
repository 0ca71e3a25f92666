package org.jobdash.resume.storage;

import java.util.UUID;
import java.util.regex.Pattern;

/** The keys of stored files: {@code users/<userId>/<random uuid>}, so a client's file name never reaches a path. */
public final class StorageKeys {

  private static final String UUID_TEXT = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";
  private static final Pattern KEY = Pattern.compile("^users/" + UUID_TEXT + "/" + UUID_TEXT + "$");
  private static final Pattern PREFIX = Pattern.compile("^users/" + UUID_TEXT + "/$");

  private StorageKeys() {}

  public static String newKey(UUID userId) {
    return "users/" + userId + "/" + UUID.randomUUID();
  }

  /** The prefix of every key of {@code userId}'s files. */
  public static String userPrefix(UUID userId) {
    return "users/" + userId + "/";
  }

  /** Refuses anything that is not a key made by {@link #newKey}, so no key can climb out of a store's root. */
  static String checkKey(String key) {
    if (key == null || !KEY.matcher(key).matches()) {
      throw new IllegalArgumentException("not a storage key: " + key);
    }
    return key;
  }

  static String checkPrefix(String prefix) {
    if (prefix == null || !PREFIX.matcher(prefix).matches()) {
      throw new IllegalArgumentException("not a storage key prefix: " + prefix);
    }
    return prefix;
  }
}
