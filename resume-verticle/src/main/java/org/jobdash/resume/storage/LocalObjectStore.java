package org.jobdash.resume.storage;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.file.CopyOptions;
import io.vertx.core.file.FileSystem;

import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.UUID;

/**
 * Files in a directory ({@code local}, or {@code railway} on a mounted volume), through Vert.x's asynchronous file
 * system so that no event loop waits on the disk. A file appears under its key only once it is complete: it is
 * written beside it first and then moved into place.
 */
public final class LocalObjectStore implements ObjectStore {

  private final String provider;
  private final Path root;
  private final FileSystem fs;

  private LocalObjectStore(String provider, Path root, FileSystem fs) {
    this.provider = provider;
    this.root = root;
    this.fs = fs;
  }

  /** Creates the root directory if it is missing. */
  public static Future<ObjectStore> open(Vertx vertx, String provider, Path root) {
    Path absolute = root.toAbsolutePath().normalize();
    return vertx.fileSystem().mkdirs(absolute.toString())
        .map(v -> new LocalObjectStore(provider, absolute, vertx.fileSystem()));
  }

  @Override
  public String provider() {
    return provider;
  }

  @Override
  public String locationOf(String key) {
    return pathOf(key).toUri().toString();
  }

  private Path pathOf(String key) {
    return root.resolve(StorageKeys.checkKey(key));
  }

  @Override
  public Future<Void> put(String key, Buffer content, String contentType) {
    Path target = pathOf(key);
    String partial = target + ".part-" + UUID.randomUUID();
    return fs.mkdirs(target.getParent().toString())
        .compose(v -> fs.writeFile(partial, content))
        .compose(v -> fs.move(partial, target.toString(), new CopyOptions().setAtomicMove(true)))
        .recover(e -> fs.delete(partial).transform(ignored -> Future.failedFuture(e)));
  }

  @Override
  public Future<Buffer> get(String key) {
    return fs.readFile(pathOf(key).toString())
        .recover(e -> Future.failedFuture(isMissing(e) ? new ObjectMissing(key) : e));
  }

  @Override
  public Future<Void> delete(String key) {
    return fs.delete(pathOf(key).toString()).recover(e -> isMissing(e) ? Future.succeededFuture() : Future.failedFuture(e));
  }

  @Override
  public Future<Void> deleteUnder(String prefix) {
    String dir = root.resolve(StorageKeys.checkPrefix(prefix)).toString();
    return fs.deleteRecursive(dir).recover(e -> isMissing(e) ? Future.succeededFuture() : Future.failedFuture(e));
  }

  @Override
  public Future<Void> close() {
    return Future.succeededFuture();
  }

  private static boolean isMissing(Throwable e) {
    for (Throwable c = e; c != null; c = c.getCause()) {
      if (c instanceof NoSuchFileException) {
        return true;
      }
    }
    return false;
  }
}
