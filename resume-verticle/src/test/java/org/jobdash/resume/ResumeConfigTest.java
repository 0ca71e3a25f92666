package org.jobdash.resume;

import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ResumeConfigTest {

  /** The defaults with the one setting a deployment must give (or the launcher derives): the database. */
  private static JsonObject deployable() {
    JsonObject defaults = ResumeConfig.SETTINGS.defaults();
    defaults.getJsonObject("database").put("url", "postgresql://u:p@127.0.0.1:5432/resume_service_db");
    return defaults;
  }

  @Test
  void theModuleDefaultsAloneMakeAConfig() {
    ResumeConfig config = ResumeConfig.from(deployable());

    assertThat(config.http().port()).isEqualTo(8082);
    assertThat(config.http().bodyLimitBytes()).isEqualTo(1_048_576L);
    assertThat(config.database().poolSize()).isEqualTo(16);
    assertThat(config.jwt().issuer()).isEqualTo("jobdash-user-service");
    assertThat(config.dataDir()).isEqualTo(Path.of("./data"));
    assertThat(config.storage().provider()).isNull();
    assertThat(config.storage().maxFileSizeBytes()).isEqualTo(10_485_760L);
    assertThat(config.storage().section("s3")).isEmpty();
    ResumeConfig.Files files = config.files();
    assertThat(files.uploadsDirectory()).isEqualTo(Path.of("./data").resolve("uploads"));
    assertThat(files.workerThreads()).isEqualTo(Runtime.getRuntime().availableProcessors());
    assertThat(files.workerQueue()).isEqualTo(64);
    assertThat(files.maxContentChars()).isEqualTo(1_000_000);
    assertThat(files.maxPdfPages()).isEqualTo(100);
    assertThat(files.maxDecodedBytes()).isEqualTo(64L * 1024 * 1024);
    assertThat(files.processingTimeout()).isEqualTo(Duration.ofSeconds(20));
    assertThat(config.analysis()).isEqualTo(new ResumeConfig.Analysis(Duration.ofSeconds(60), 10,
        Duration.ofSeconds(30), 100));
    assertThat(config.optimizationTimeout()).isEqualTo(Duration.ofSeconds(60));
  }

  @Test
  void givenSettingsWinOverTheDefaultsAndBlankMeansUnset() {
    JsonObject section = ResumeConfig.SETTINGS.withDefaults(new JsonObject()
        .put("dataDir", "/srv/jobdash")
        .put("database", new JsonObject().put("url", "postgresql://u:p@db:5432/r"))
        .put("storage", new JsonObject().put("provider", "  ").put("s3", new JsonObject().put("bucket", "cvs")))
        .put("files", new JsonObject().put("workerThreads", 3).put("uploadsDirectory", "/tmp/up"))
        .put("analysis", new JsonObject().put("resendAfterSeconds", 0.25)));

    ResumeConfig config = ResumeConfig.from(section);

    assertThat(config.storage().provider()).isNull();
    assertThat(config.storage().section("s3").getString("bucket")).isEqualTo("cvs");
    assertThat(config.files().workerThreads()).isEqualTo(3);
    assertThat(config.files().uploadsDirectory()).isEqualTo(Path.of("/tmp/up"));
    assertThat(config.files().maxPdfPages()).isEqualTo(100);
    assertThat(config.analysis().resendAfter()).isEqualTo(Duration.ofMillis(250));
    assertThat(ResumeConfig.SETTINGS.defaults().getString("dataDir")).as("defaults are a fresh copy").isEqualTo("./data");
  }

  @Test
  void aMissingSettingStopsTheStartWithItsName() {
    JsonObject section = deployable();
    section.getJsonObject("files").remove("maxPdfPages");

    assertThatThrownBy(() -> ResumeConfig.from(section)).hasMessage("missing setting resume.files.maxPdfPages");
    assertThatThrownBy(() -> ResumeConfig.from(new JsonObject().put("dataDir", "./data")))
        .hasMessage("missing setting resume.http");
  }

  @Test
  void aSettingOfTheWrongTypeIsNamed() {
    JsonObject section = deployable();
    section.getJsonObject("files").put("processingTimeoutMs", "soon");

    assertThatThrownBy(() -> ResumeConfig.from(section))
        .hasMessage("setting resume.files.processingTimeoutMs must be a whole number, not 'soon'");
  }
}
