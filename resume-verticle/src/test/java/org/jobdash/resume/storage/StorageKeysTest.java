package org.jobdash.resume.storage;

import org.junit.jupiter.api.Test;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class StorageKeysTest {

  @Test
  void keysAndPrefixesMadeHereAreAccepted() {
    UUID user = UUID.randomUUID();
    String key = StorageKeys.newKey(user);

    assertThat(StorageKeys.checkKey(key)).isEqualTo(key);
    assertThat(StorageKeys.checkPrefix(StorageKeys.userPrefix(user))).isEqualTo("users/" + user + "/");
  }

  @Test
  void anythingElseIsRefused() {
    String user = UUID.randomUUID().toString();
    String file = UUID.randomUUID().toString();
    for (String key : new String[] {"users/" + user + "/../" + file.substring(3), "users/" + user + "/" + file + "/",
        "users/" + user.toUpperCase() + "/" + file, "users/" + user + "/" + file.replace('-', 'x'),
        "files/" + user + "/" + file, "users/" + user + file, "", "users/" + user + "/"}) {
      assertThatThrownBy(() -> StorageKeys.checkKey(key)).as(key).isInstanceOf(IllegalArgumentException.class);
    }
    for (String prefix : new String[] {"users/" + user, "users/" + user + "/x", "users/../", "users/" + user + "//"}) {
      assertThatThrownBy(() -> StorageKeys.checkPrefix(prefix)).as(prefix)
          .isInstanceOf(IllegalArgumentException.class);
    }
  }
}
