package org.jobdash.resume.storage;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import software.amazon.awssdk.core.async.AsyncRequestBody;
import software.amazon.awssdk.core.async.AsyncResponseTransformer;
import software.amazon.awssdk.services.s3.S3AsyncClient;
import software.amazon.awssdk.services.s3.model.Delete;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Response;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.ObjectIdentifier;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * Files in an S3-compatible bucket ({@code s3}, or {@code railway}'s buckets) through the AWS SDK's asynchronous
 * client. Its futures complete on the SDK's threads; each is handed back to the calling Vert.x context.
 */
public final class S3ObjectStore implements ObjectStore {

  private final Vertx vertx;
  private final String provider;
  private final S3AsyncClient client;
  private final String bucket;
  private final String prefix;

  /** @param prefix prepended to every key inside the bucket (e.g. {@code resumes/}); may be empty */
  public S3ObjectStore(Vertx vertx, String provider, S3AsyncClient client, String bucket, String prefix) {
    this.vertx = vertx;
    this.provider = provider;
    this.client = client;
    this.bucket = bucket;
    this.prefix = prefix;
  }

  @Override
  public String provider() {
    return provider;
  }

  @Override
  public String locationOf(String key) {
    return "s3://" + bucket + "/" + objectKey(key);
  }

  private String objectKey(String key) {
    return prefix + StorageKeys.checkKey(key);
  }

  @Override
  public Future<Void> put(String key, Buffer content, String contentType) {
    byte[] bytes = content.getBytes();
    return onContext(client.putObject(b -> b.bucket(bucket).key(objectKey(key)).contentType(contentType)
        .contentLength((long) bytes.length), AsyncRequestBody.fromBytes(bytes))).mapEmpty();
  }

  @Override
  public Future<Buffer> get(String key) {
    return onContext(client.getObject(b -> b.bucket(bucket).key(objectKey(key)), AsyncResponseTransformer.toBytes()))
        .map(response -> Buffer.buffer(response.asByteArrayUnsafe()))
        .recover(e -> Future.failedFuture(unwrap(e) instanceof NoSuchKeyException ? new ObjectMissing(key) : unwrap(e)));
  }

  @Override
  public Future<Void> delete(String key) {
    return onContext(client.deleteObject(b -> b.bucket(bucket).key(objectKey(key)))).mapEmpty();
  }

  @Override
  public Future<Void> deleteUnder(String keyPrefix) {
    return deletePage(prefix + StorageKeys.checkPrefix(keyPrefix), null);
  }

  /** Lists one page (at most 1,000 keys, S3's batch-delete limit), deletes it, and goes on with the next. */
  private Future<Void> deletePage(String fullPrefix, String continuationToken) {
    return onContext(client.listObjectsV2(b -> b.bucket(bucket).prefix(fullPrefix).continuationToken(continuationToken)))
        .compose(page -> deleteListed(page).compose(v -> Boolean.TRUE.equals(page.isTruncated())
            ? deletePage(fullPrefix, page.nextContinuationToken())
            : Future.<Void>succeededFuture()));
  }

  private Future<Void> deleteListed(ListObjectsV2Response page) {
    List<ObjectIdentifier> keys = page.contents().stream()
        .map(o -> ObjectIdentifier.builder().key(o.key()).build())
        .toList();
    if (keys.isEmpty()) {
      return Future.succeededFuture();
    }
    return onContext(client.deleteObjects(b -> b.bucket(bucket).delete(Delete.builder().objects(keys).quiet(true).build())))
        .compose(response -> response.hasErrors() && !response.errors().isEmpty()
            ? Future.failedFuture(new IllegalStateException("S3 refused to delete " + response.errors().size()
                + " object(s) under " + page.prefix() + ": " + response.errors().get(0).message()))
            : Future.<Void>succeededFuture());
  }

  @Override
  public Future<Void> close() {
    return vertx.executeBlocking(() -> {
      client.close();
      return null;
    });
  }

  private <T> Future<T> onContext(CompletableFuture<T> future) {
    Context context = vertx.getOrCreateContext();
    return Future.fromCompletionStage(future, context);
  }

  private static Throwable unwrap(Throwable e) {
    return e instanceof CompletionException && e.getCause() != null ? e.getCause() : e;
  }
}
