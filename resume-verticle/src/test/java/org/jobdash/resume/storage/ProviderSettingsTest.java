package org.jobdash.resume.storage;

import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class ProviderSettingsTest {

  private static final Path FILES = Path.of("/data/files");

  /** The seed's {@code storage_configs.config} of the s3 row. */
  private static final JsonObject SEED_S3 = new JsonObject().put("bucket", null).put("region", "us-east-1")
      .put("endpoint", null).put("base_path", "resumes/").put("path_style", false);

  @Test
  void theConfigurationOverridesTheDatabasesSettingsKeyByKey() {
    ProviderSettings s = ProviderSettings.of("s3", SEED_S3, new JsonObject().put("bucket", " cvs ")
        .put("endpoint", "http://127.0.0.1:9000").put("pathStyle", true).put("accessKeyId", "AK")
        .put("secretAccessKey", "SK"), FILES);

    assertThat(s.bucket()).isEqualTo("cvs");
    assertThat(s.region()).isEqualTo("us-east-1");
    assertThat(s.endpoint()).isEqualTo("http://127.0.0.1:9000");
    assertThat(s.pathStyle()).isTrue();
    assertThat(s.prefix()).isEqualTo("resumes/");
    assertThat(s.accessKeyId()).isEqualTo("AK");
    assertThat(s.usable()).isTrue();
    assertThat(s.isDirectory()).isFalse();
  }

  @Test
  void aBucketlessS3ProviderCannotBeOpenedAndBlankOverridesFallBack() {
    ProviderSettings s = ProviderSettings.of("s3", SEED_S3, new JsonObject().put("bucket", "  ").put("region", ""),
        FILES);

    assertThat(s.usable()).isFalse();
    assertThat(s.region()).isEqualTo("us-east-1");
    assertThat(ProviderSettings.of("s3", null, new JsonObject(), FILES).region()).isEqualTo("us-east-1");
  }

  @Test
  void railwayIsABucketAtItsEndpointOrAMountedVolume() {
    ProviderSettings bucket = ProviderSettings.of("railway", new JsonObject().put("bucket", "b"), new JsonObject(),
        FILES);
    ProviderSettings volume = ProviderSettings.of("railway", new JsonObject(),
        new JsonObject().put("volumePath", "/mnt/volume"), FILES);

    assertThat(bucket.endpoint()).isEqualTo(ProviderSettings.RAILWAY_ENDPOINT);
    assertThat(bucket.region()).isEqualTo("auto");
    assertThat(bucket.isDirectory()).isFalse();
    assertThat(volume.directory()).isEqualTo(Path.of("/mnt/volume"));
    assertThat(volume.usable()).isTrue();
  }

  @Test
  void localFilesLiveUnderTheDataDirectoryUnlessABasePathIsGiven() {
    assertThat(ProviderSettings.of("local", new JsonObject().put("base_path", "./data/resumes"), new JsonObject(),
        FILES).directory()).isEqualTo(FILES);
    assertThat(ProviderSettings.of("local", null, new JsonObject().put("basePath", "/srv/cv"), FILES).directory())
        .isEqualTo(Path.of("/srv/cv"));
  }

  @Test
  void aPrefixIsRelativeAndEndsInASlash() {
    assertThat(prefix("//resumes")).isEqualTo("resumes/");
    assertThat(prefix("a/b/")).isEqualTo("a/b/");
    assertThat(prefix("/")).isEmpty();
    assertThat(ProviderSettings.of("s3", new JsonObject(), new JsonObject(), FILES).prefix()).isEmpty();
  }

  private static String prefix(String p) {
    return ProviderSettings.of("s3", new JsonObject(), new JsonObject().put("prefix", p), FILES).prefix();
  }

  @Test
  void itsTextNeverShowsTheCredentials() {
    ProviderSettings s = ProviderSettings.of("s3", SEED_S3, new JsonObject().put("bucket", "cvs")
        .put("accessKeyId", "AKIA-SECRET-ID").put("secretAccessKey", "very-secret"), FILES);

    assertThat(s.toString()).contains("cvs").doesNotContain("AKIA-SECRET-ID").doesNotContain("very-secret");
  }

  @Test
  void everyKeyOfAUserStartsWithTheirPrefixAndNoTwoAreAlike() {
    UUID user = UUID.randomUUID();
    String first = StorageKeys.newKey(user);
    String second = StorageKeys.newKey(user);

    assertThat(first).startsWith(StorageKeys.userPrefix(user)).isNotEqualTo(second);
    assertThat(StorageKeys.newKey(UUID.randomUUID())).doesNotStartWith(StorageKeys.userPrefix(user));
  }
}
