package org.jobdash.resume.document;

import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.SqlConnection;
import org.jobdash.common.db.KeysetCursor;
import org.jobdash.common.db.Page;
import org.jobdash.common.http.ApiException;
import org.jobdash.common.jsonresume.JsonResumeSchema;
import org.jobdash.common.text.Text;
import org.jobdash.common.work.BoundedWorker;
import org.jobdash.common.work.Deadline;
import org.jobdash.resume.StorableText;
import org.jobdash.resume.analysis.AnalysisRequests;
import org.jobdash.resume.jsonresume.JsonResumeText;
import org.jobdash.resume.storage.ObjectStore;
import org.jobdash.resume.storage.ObjectStores;
import org.jobdash.resume.storage.StorageKeys;
import org.jobdash.resume.storage.StorageRepository;
import org.jobdash.resume.upload.FileInspector;
import org.jobdash.resume.upload.InspectedFile;
import org.jobdash.resume.version.SectionChange;
import org.jobdash.resume.version.SectionChanges;
import org.jobdash.resume.version.VersionRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Résumé rules: uploads (checked, stored, then recorded; nothing half-written), text résumés, edits that make
 * versions, downloads, deletion of rows and then files, and the purge of a deleted user.
 */
public final class ResumeService {

  private static final Logger log = LoggerFactory.getLogger(ResumeService.class);

  /** A file the body handler has streamed to disk, with the client's name for it (kept as data only). */
  public record Upload(Path uploadedFile, String originalFilename, long size, String title) {}

  private record Checked(byte[] bytes, InspectedFile file) {}

  private record Edit(Resume resume, boolean newContent) {}

  private final Pool pool;
  private final ResumeRepository resumes;
  private final StorageRepository storage;
  private final ObjectStores stores;
  private final BoundedWorker files;
  private final FileInspector inspector;
  private final VersionRepository versions;
  private final SectionChanges sectionChanges;
  private final AnalysisRequests analyses;
  private final int maxContentChars;

  public ResumeService(Pool pool, ResumeRepository resumes, StorageRepository storage, ObjectStores stores,
                       BoundedWorker files, FileInspector inspector, VersionRepository versions,
                       SectionChanges sectionChanges, AnalysisRequests analyses, int maxContentChars) {
    this.maxContentChars = maxContentChars;
    this.pool = pool;
    this.resumes = resumes;
    this.storage = storage;
    this.stores = stores;
    this.files = files;
    this.inspector = inspector;
    this.versions = versions;
    this.sectionChanges = sectionChanges;
    this.analyses = analyses;
  }

  /**
   * Reads and checks the file on a worker under {@code deadline}, asks the database whether it may be stored,
   * stores it under a new key, then inserts the row; when the insert fails the stored object is removed again.
   */
  public Future<Resume> upload(UUID userId, Upload upload, Deadline deadline) {
    if (upload.size() == 0) {
      return Future.failedFuture(ApiException.Invalid.field("file", "is empty"));
    }
    if (upload.size() > stores.maxFileSizeBytes()) {
      return Future.failedFuture(tooLarge());
    }
    return files.submit(deadline, d -> {
          byte[] bytes = readUpload(upload.uploadedFile());
          return new Checked(bytes, inspector.inspect(bytes, upload.originalFilename(), d));
        })
        .compose(checked -> checkAllowed(userId, checked.bytes().length, checked.file().mimeType()).map(checked))
        .compose(checked -> store(userId, upload, checked));
  }

  private Future<Resume> store(UUID userId, Upload upload, Checked checked) {
    ObjectStore store = stores.active();
    String key = StorageKeys.newKey(userId);
    UUID requestId = UUID.randomUUID();
    InspectedFile file = checked.file();
    ResumeRepository.NewResume row = new ResumeRepository.NewResume(userId, titleFor(upload),
        upload.originalFilename(), store.provider(), key, store.locationOf(key), checked.bytes().length,
        file.mimeType(), file.sha256(), file.text(), "upload", requestId);
    return store.put(key, Buffer.buffer(checked.bytes()), file.mimeType())
        .recover(e -> {
          log.error("storing {} in '{}' failed: {}", key, store.provider(), e.toString());
          return Future.failedFuture(new ApiException.Unavailable("The file store is unavailable; try again shortly"));
        })
        .compose(v -> insert(row, file).recover(e -> store.delete(key)
            .onFailure(d -> log.error("could not remove {} from '{}' after a failed insert: {}", key, store.provider(),
                d.toString()))
            .transform(ignored -> Future.failedFuture(e))))
        .onSuccess(resume -> analyses.send(requestId, resume.id(), userId, resume.title(), resume.content()));
  }

  /** The row, and for a JSON Resume file the document on version 1, in one transaction. */
  private Future<Resume> insert(ResumeRepository.NewResume row, InspectedFile file) {
    if (file.jsonResume() == null) {
      return resumes.insert(row);
    }
    return pool.withTransaction(conn -> resumes.insert(conn, row)
        .compose(resume -> versions.keepJsonResume(conn, resume.id(), 1, file.jsonResume()).map(resume)));
  }

  private static byte[] readUpload(Path file) {
    try {
      return Files.readAllBytes(file);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the upload " + file, e);
    }
  }

  /** The seed's {@code validate_file_upload}; a refusal is explained from the quota it checks. */
  private Future<Void> checkAllowed(UUID userId, int size, String mimeType) {
    return storage.uploadAllowed(size, mimeType, userId).compose(allowed -> allowed
        ? Future.<Void>succeededFuture()
        : storage.quota(userId).compose(quota -> Future.failedFuture(refusal(quota, size, mimeType))));
  }

  static ApiException refusal(Optional<StorageRepository.Quota> quota, int size, String mimeType) {
    if (quota.isEmpty()) {
      return new ApiException.Unavailable("No storage provider is active; uploads are not possible right now");
    }
    StorageRepository.Quota q = quota.get();
    if (q.quotaBytes() != null && q.usedBytes() + size > q.quotaBytes()) {
      return new ApiException.TooLarge("This file (" + size + " bytes) would exceed your storage quota: "
          + q.usedBytes() + " of " + q.quotaBytes() + " bytes are used");
    }
    return new ApiException.UnsupportedType("The storage rules do not accept a " + mimeType + " file of " + size
        + " bytes");
  }

  private ApiException tooLarge() {
    return new ApiException.TooLarge("The file is larger than " + stores.maxFileSizeBytes() + " bytes");
  }

  static String titleFor(Upload upload) {
    String title = Text.blankToNull(upload.title());
    if (title != null) {
      return title;
    }
    String name = upload.originalFilename() == null ? "" : upload.originalFilename().strip();
    int dot = name.lastIndexOf('.');
    String base = dot > 0 ? name.substring(0, dot) : name;
    return base.isBlank() ? "Untitled résumé" : base;
  }

  /** A résumé written as text, with no file; the text is checked on a worker (it can be long). */
  public Future<Resume> createText(UUID userId, String title, String content, Deadline deadline) {
    UUID requestId = UUID.randomUUID();
    return files.submit(deadline, d -> {
          StorableText.require("content", content);
          return content;
        })
        .compose(checked -> resumes.insert(new ResumeRepository.NewResume(userId, title, null, null, null, null, null,
            null, null, checked, "text", requestId)))
        .onSuccess(resume -> analyses.send(requestId, resume.id(), userId, resume.title(), resume.content()));
  }

  /**
   * A résumé imported from a JSON Resume document: checked against the schema and rendered to text on a worker,
   * then inserted with the document kept on version 1, in one transaction.
   */
  public Future<Resume> importJsonResume(UUID userId, String title, JsonObject document, Deadline deadline) {
    UUID requestId = UUID.randomUUID();
    return files.submit(deadline, d -> {
          JsonResumeSchema.check("jsonResume", document);
          String text = JsonResumeText.render(document, d);
          if (text.length() > maxContentChars) {
            throw ApiException.Invalid.field("jsonResume", "renders to " + text.length() + " characters; at most "
                + maxContentChars + " are accepted");
          }
          StorableText.require("jsonResume", text);
          return text;
        })
        .compose(text -> pool.withTransaction(conn -> resumes.insert(conn, new ResumeRepository.NewResume(userId,
                title, null, null, null, null, null, null, null, text, "text", requestId))
            .compose(resume -> versions.keepJsonResume(conn, resume.id(), 1, document).map(resume))))
        .onSuccess(resume -> analyses.send(requestId, resume.id(), userId, resume.title(), resume.content()));
  }

  public Future<Resume> get(UUID userId, UUID id) {
    return resumes.find(id, userId).map(found -> found.orElseThrow(ResumeService::notFound));
  }

  /** @param cursor the {@code nextCursor} of the previous page; null or blank for the first */
  public Future<Page<Resume>> list(UUID userId, String status, String titleContains, String cursor, int limit) {
    return Future.succeededFuture(cursor).map(KeysetCursor::decode)
        .compose(after -> resumes.list(userId, status, titleContains, after, limit));
  }

  /**
   * Changes the title and/or the content. A new content becomes the next version (source {@code user}) with its
   * section changes, and is sent for analysis once committed. The text work (checking the content, its section
   * changes) runs on the files worker under {@code deadline} before the transaction, against the version read then;
   * the transaction takes the résumé's row lock and, if another change got in first, computes the changes again.
   */
  public Future<Resume> update(UUID userId, UUID id, String title, String content, String changeSummary,
                               Deadline deadline) {
    if (content == null) {
      return pool.withTransaction(conn -> resumes.lock(conn, id, userId).compose(found -> {
        Resume current = found.orElseThrow(ResumeService::notFound);
        return title == null || title.equals(current.title())
            ? Future.succeededFuture(current)
            : resumes.setTitle(conn, id, userId, title).compose(v -> resumes.find(conn, id, userId))
                .map(r -> r.orElseThrow(ResumeService::notFound));
      }));
    }
    UUID requestId = UUID.randomUUID();
    return resumes.find(id, userId)
        .map(found -> found.orElseThrow(ResumeService::notFound))
        .compose(before -> files.submit(deadline, d -> {
          StorableText.require("content", content);
          return before;
        }))
        .compose(before -> sectionChanges.plan(before.currentVersion(), before.content(), content, deadline))
        .compose(planned -> pool.withTransaction(conn -> resumes.lock(conn, id, userId).compose(found -> {
          Resume current = found.orElseThrow(ResumeService::notFound);
          return sectionChanges.forLocked(planned, current.currentVersion(), current.content(), content, deadline)
              .compose(changes -> apply(conn, current, title, content, changeSummary, changes, requestId));
        })))
        .onSuccess(edit -> {
          if (edit.newContent()) {
            Resume r = edit.resume();
            analyses.send(requestId, r.id(), userId, r.title(), r.content());
          }
        })
        .map(Edit::resume);
  }

  /** Writes the edit inside the transaction that holds {@code current}'s row lock. */
  private Future<Edit> apply(SqlConnection conn, Resume current, String title, String content, String changeSummary,
                             SectionChanges.Planned planned, UUID requestId) {
    UUID id = current.id();
    UUID userId = current.userId();
    boolean titleChanged = title != null && !title.equals(current.title());
    Future<Void> titleWrite = titleChanged ? resumes.setTitle(conn, id, userId, title) : Future.succeededFuture();
    if (planned.identical()) {
      return titleWrite.compose(v -> resumes.find(conn, id, userId)).map(r -> new Edit(r.orElseThrow(), false));
    }
    List<SectionChange> changes = new ArrayList<>();
    if (titleChanged) {
      changes.add(new SectionChange("title", SectionChange.MODIFIED, current.title(), title));
    }
    changes.addAll(planned.changes());
    JsonObject summary = new JsonObject().put("summary", changeSummary)
        .put("sections", new JsonArray(changes.stream().map(SectionChange::section).toList()));
    return titleWrite
        .compose(v -> versions.write(conn, new VersionRepository.NewContent(id, content, "user",
            changeSummary == null ? "Edited" : changeSummary, null, summary, changes, requestId)))
        .compose(v -> resumes.find(conn, id, userId))
        .map(r -> new Edit(r.orElseThrow(), true));
  }

  /** The stored bytes of the résumé's file (a text résumé has none: 404). */
  public Future<Buffer> content(Resume resume) {
    if (!resume.hasFile()) {
      return Future.failedFuture(new ApiException.NotFound("This résumé was written as text and has no file"));
    }
    return Future.succeededFuture().compose(v -> stores.named(resume.storageProvider()).get(resume.storageKey()))
        .recover(e -> {
          log.error("the file {} of résumé {} cannot be read from '{}': {}", resume.storageKey(), resume.id(),
              resume.storageProvider(), e.toString());
          return Future.failedFuture(new ApiException.Unavailable("The file store is unavailable; try again shortly"));
        });
  }

  /** Deletes the rows, then (after the commit) the stored file; a file that cannot be removed is only logged. */
  public Future<Void> delete(UUID userId, UUID id) {
    return resumes.delete(id, userId).compose(deleted -> {
      ResumeRepository.StoredObject file = deleted.orElseThrow(ResumeService::notFound);
      return file.key() == null ? Future.<Void>succeededFuture() : removeQuietly(file);
    });
  }

  /** {@code user.deleted}: every row of the user, then their files; repeating it finds nothing and succeeds. */
  public Future<Integer> purgeUser(UUID userId) {
    return resumes.purgeUser(userId).compose(removed -> Future.join(removed.stream().map(this::removeQuietly).toList())
        .compose(v -> Future.join(stores.all().stream().map(store -> store.deleteUnder(StorageKeys.userPrefix(userId))
            .onFailure(e -> log.warn("could not clear {} in '{}': {}", StorageKeys.userPrefix(userId), store.provider(),
                e.toString()))
            .otherwiseEmpty()).toList()))
        .map(v -> removed.size()));
  }

  private Future<Void> removeQuietly(ResumeRepository.StoredObject file) {
    return Future.succeededFuture().compose(v -> stores.named(file.provider()).delete(file.key()))
        .onFailure(e -> log.warn("the stored file {} in '{}' could not be deleted: {}", file.key(), file.provider(),
            e.toString()))
        .otherwiseEmpty();
  }

  private static ApiException notFound() {
    return new ApiException.NotFound("No such résumé");
  }
}
