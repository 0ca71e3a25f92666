package org.jobdash.resume;

import io.vertx.core.json.JsonObject;
import org.gaul.s3proxy.AuthenticationType;
import org.gaul.s3proxy.S3Proxy;
import org.jclouds.ContextBuilder;
import org.jclouds.blobstore.BlobStoreContext;
import org.jclouds.blobstore.domain.StorageMetadata;
import org.jclouds.blobstore.options.ListContainerOptions;
import org.jobdash.common.bus.Addresses;
import org.jobdash.common.bus.UserDeleted;
import org.jobdash.common.testing.BlockedThreadGuard;
import org.jobdash.common.testing.TestClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Properties;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The {@code local} provider on disk, and the {@code s3} provider against S3Proxy: a real S3 wire-protocol server
 * started in the test, keeping its objects in a temporary directory.
 */
@ExtendWith(BlockedThreadGuard.class)
class StorageProvidersTest {

  static final String BUCKET = "resumes-test";
  static final String ACCESS_KEY = "test-access-key";
  static final String SECRET_KEY = "test-secret-key";

  static BlobStoreContext blobs;
  static S3Proxy s3;
  static ResumeHarness onS3;
  static ResumeHarness onDisk;
  static Path localRoot;

  @BeforeAll
  static void start() throws Exception {
    Properties properties = new Properties();
    properties.setProperty("jclouds.filesystem.basedir", Files.createTempDirectory("jobdash-s3proxy").toString());
    blobs = ContextBuilder.newBuilder("filesystem").credentials("identity", "credential").overrides(properties)
        .build(BlobStoreContext.class);
    blobs.getBlobStore().createContainerInLocation(null, BUCKET);
    int port = TestClient.freePort();
    s3 = S3Proxy.builder().blobStore(blobs.getBlobStore()).endpoint(URI.create("http://127.0.0.1:" + port))
        .awsAuthentication(AuthenticationType.AWS_V2_OR_V4, ACCESS_KEY, SECRET_KEY).build();
    s3.start();
    ResumeHarness.eventually("S3Proxy starts", () -> "STARTED".equals(s3.getState()));

    onS3 = ResumeHarness.start(new JsonObject().put("storage", new JsonObject().put("provider", "s3")
        .put("s3", new JsonObject().put("bucket", BUCKET).put("endpoint", "http://127.0.0.1:" + port)
            .put("region", "us-east-1").put("pathStyle", true).put("prefix", "cv/")
            .put("accessKeyId", ACCESS_KEY).put("secretAccessKey", SECRET_KEY))));
    localRoot = Files.createTempDirectory("jobdash-local-store");
    onDisk = ResumeHarness.start(new JsonObject().put("storage", new JsonObject()
        .put("local", new JsonObject().put("basePath", localRoot.toString()))));
  }

  @AfterAll
  static void stop() throws Exception {
    onS3.close();
    onDisk.close();
    s3.stop();
    blobs.close();
  }

  private static List<String> objectsUnder(String prefix) {
    return blobs.getBlobStore().list(BUCKET, ListContainerOptions.Builder.prefix(prefix).recursive()).stream()
        .map(StorageMetadata::getName).toList();
  }

  private static byte[] object(String key) throws Exception {
    try (InputStream in = blobs.getBlobStore().getBlob(BUCKET, key).getPayload().openStream()) {
      return in.readAllBytes();
    }
  }

  @Test
  void theS3ProviderKeepsUploadsInTheBucketAndServesThemBack() throws Exception {
    ResumeHarness.Caller caller = onS3.newUser();
    byte[] pdf = Documents.pdf("Olu Ade", "Chef");

    TestClient.Response created = onS3.upload(caller, "olu.pdf", pdf, "application/pdf");

    assertThat(created.status()).as(created.toString()).isEqualTo(201);
    assertThat(created.json().getString("storageProvider")).isEqualTo("s3");
    String id = created.json().getString("id");
    String key = onS3.sql("SELECT storage_key FROM resumes WHERE id = $1", UUID.fromString(id)).iterator().next()
        .getString(0);
    assertThat(objectsUnder("cv/users/" + caller.id() + "/")).containsExactly("cv/" + key);
    assertThat(object("cv/" + key)).isEqualTo(pdf);
    assertThat(onS3.sql("SELECT storage_url FROM resumes WHERE id = $1", UUID.fromString(id)).iterator().next()
        .getString(0)).isEqualTo("s3://" + BUCKET + "/cv/" + key);
    assertThat(onS3.storedFiles(caller.id())).isEmpty();

    TestClient.Response file = onS3.http.get("/api/v1/resumes/" + id + "/file", caller.token());
    assertThat(file.status()).isEqualTo(200);
    assertThat(file.body().getBytes()).isEqualTo(pdf);

    assertThat(onS3.http.delete("/api/v1/resumes/" + id, caller.token()).status()).isEqualTo(204);
    assertThat(objectsUnder("cv/users/" + caller.id() + "/")).isEmpty();
    assertThat(onS3.count("SELECT count(*) FROM resumes WHERE id = $1", UUID.fromString(id))).isZero();
  }

  @Test
  void aDeletedUsersObjectsAreRemovedFromTheBucket() {
    ResumeHarness.Caller caller = onS3.newUser();
    onS3.upload(caller, "a.pdf", Documents.pdf("First"), "application/pdf");
    onS3.upload(caller, "b.docx", Documents.docx("Second"), "application/octet-stream");
    assertThat(objectsUnder("cv/users/" + caller.id() + "/")).hasSize(2);

    onS3.vertx.eventBus().publish(Addresses.USER_DELETED, new UserDeleted(caller.id(), Instant.now()).toJson());

    ResumeHarness.eventually("the objects are removed",
        () -> objectsUnder("cv/users/" + caller.id() + "/").isEmpty());
    ResumeHarness.eventually("the rows are removed",
        () -> onS3.count("SELECT count(*) FROM resumes WHERE user_id = $1", caller.id()) == 0);
  }

  @Test
  void theLocalProviderKeepsUploadsOnDiskUnderItsBasePath() throws Exception {
    ResumeHarness.Caller caller = onDisk.newUser();
    byte[] docx = Documents.docx("Ines Duarte", "Architect");

    TestClient.Response created = onDisk.upload(caller, "ines.docx", docx, "application/octet-stream");

    assertThat(created.status()).as(created.toString()).isEqualTo(201);
    assertThat(created.json().getString("storageProvider")).isEqualTo("local");
    String key = onDisk.sql("SELECT storage_key FROM resumes WHERE user_id = $1", caller.id()).iterator().next()
        .getString(0);
    Path file = localRoot.resolve(key);
    assertThat(Files.readAllBytes(file)).isEqualTo(docx);
    assertThat(ResumeHarness.filesUnder(localRoot.resolve("users").resolve(caller.id().toString())))
        .containsExactly(file);
    assertThat(onDisk.sql("SELECT storage_url FROM resumes WHERE user_id = $1", caller.id()).iterator().next()
        .getString(0)).isEqualTo(file.toUri().toString());

    assertThat(onDisk.http.delete("/api/v1/resumes/" + created.json().getString("id"), caller.token()).status())
        .isEqualTo(204);
    assertThat(Files.exists(file)).isFalse();
  }

  @Test
  void aFileDeleteThatFailsIsLoggedNotReported() throws Exception {
    ResumeHarness.Caller caller = onDisk.newUser();
    String id = onDisk.upload(caller, "cv.pdf", Documents.pdf("Gone already"), "application/pdf").json()
        .getString("id");
    String key = onDisk.sql("SELECT storage_key FROM resumes WHERE id = $1", UUID.fromString(id)).iterator().next()
        .getString(0);
    // a non-empty directory where the file was: the store cannot delete it
    Files.delete(localRoot.resolve(key));
    Files.createDirectory(localRoot.resolve(key));
    Files.writeString(localRoot.resolve(key).resolve("blocker"), "x");

    assertThat(onDisk.http.delete("/api/v1/resumes/" + id, caller.token()).status()).isEqualTo(204);

    assertThat(onDisk.count("SELECT count(*) FROM resumes WHERE id = $1", UUID.fromString(id))).isZero();
    assertThat(Files.exists(localRoot.resolve(key).resolve("blocker"))).isTrue();
    assertThat(onDisk.http.get("/api/v1/resumes/" + id, caller.token()).status()).isEqualTo(404);
  }
}
