package org.jobdash.resume.document;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.FileUpload;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import org.jobdash.common.auth.AuthUser;
import org.jobdash.common.http.ApiException;
import org.jobdash.common.http.JsonInput;
import org.jobdash.common.http.RequestContract;
import org.jobdash.common.http.RequestDeadline;
import org.jobdash.common.http.ServiceRouter;
import org.jobdash.common.text.Text;
import org.jobdash.resume.StorableText;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/** {@code /api/v1/resumes}: create (upload or text), list, read, download, edit, delete, processing status. */
public final class ResumeRoutes {

  static final Set<String> STATUSES = Set.of("pending", "processing", "completed", "failed");
  private static final int MAX_TITLE = 255;
  private static final int MAX_FILENAME = 255;

  private final ResumeService resumes;
  private final int maxContentChars;
  private final Duration processingTimeout;

  /** @param processingTimeout how long the text work of one request (parsing a file, diffing texts) may take */
  public ResumeRoutes(ResumeService resumes, int maxContentChars, Duration processingTimeout) {
    this.resumes = resumes;
    this.maxContentChars = maxContentChars;
    this.processingTimeout = processingTimeout;
  }

  /** Mount after the body handlers; {@code /api/v1/resumes/{id}} last, so that literal paths win. */
  public void mount(Router router, RequestContract contract) {
    router.post("/api/v1/resumes").handler(contract.validate("createResume")).handler(this::create);
    router.get("/api/v1/resumes").handler(contract.validate("listResumes")).handler(this::list);
    router.get("/api/v1/resumes/:id").handler(contract.validate("getResume")).handler(this::get);
    router.get("/api/v1/resumes/:id/file").handler(contract.validate("downloadResumeFile")).handler(this::download);
    router.get("/api/v1/resumes/:id/status").handler(contract.validate("getResumeStatus")).handler(this::status);
    router.patch("/api/v1/resumes/:id").handler(contract.validate("updateResume")).handler(this::update);
    router.delete("/api/v1/resumes/:id").handler(contract.validate("deleteResume")).handler(this::delete);
  }

  public static boolean isMultipart(RoutingContext ctx) {
    String type = ctx.request().getHeader("Content-Type");
    return type != null && type.regionMatches(true, 0, "multipart/form-data", 0, 19);
  }

  private void create(RoutingContext ctx) {
    UUID userId = AuthUser.of(ctx).userId();
    if (isMultipart(ctx)) {
      resumes.upload(userId, upload(ctx), RequestDeadline.of(ctx, processingTimeout))
          .onSuccess(r -> created(ctx, r)).onFailure(ctx::fail);
      return;
    }
    JsonInput in = JsonInput.body(ctx);
    String title = in.requiredString("title", 1, MAX_TITLE);
    StorableText.check(in, "title", title);
    if (in.has("jsonResume")) {
      if (in.has("content")) {
        in.error("content", "give either content or jsonResume, not both");
      }
      Object document = in.raw().getValue("jsonResume");
      if (!(document instanceof JsonObject)) {
        in.error("jsonResume", "must be a JSON Resume object");
      }
      in.validate();
      resumes.importJsonResume(userId, title.strip(), (JsonObject) document, RequestDeadline.of(ctx, processingTimeout))
          .onSuccess(r -> created(ctx, r)).onFailure(ctx::fail);
      return;
    }
    String content = in.requiredString("content", 1, maxContentChars);
    in.validate();
    resumes.createText(userId, title.strip(), content, RequestDeadline.of(ctx, processingTimeout))
        .onSuccess(r -> created(ctx, r)).onFailure(ctx::fail);
  }

  private static ResumeService.Upload upload(RoutingContext ctx) {
    List<FileUpload> files = ctx.fileUploads().stream().filter(f -> "file".equals(f.name())).toList();
    if (files.size() != 1 || ctx.fileUploads().size() != 1) {
      throw ApiException.Invalid.field("file", "exactly one file part named 'file' is required");
    }
    String title = ctx.request().getFormAttribute("title");
    if (title != null && title.length() > MAX_TITLE) {
      throw ApiException.Invalid.field("title", "must be at most " + MAX_TITLE + " characters");
    }
    StorableText.require("title", title);
    FileUpload file = files.get(0);
    String name = originalName(file.fileName());
    if (name != null && name.length() > MAX_FILENAME) {
      // file systems keep names to 255 characters: a longer one is no real file's name
      throw ApiException.Invalid.field("file", "its name must be at most " + MAX_FILENAME + " characters");
    }
    return new ResumeService.Upload(Path.of(file.uploadedFileName()), name, file.size(), title);
  }

  /**
   * The client's file name without any directory part, control characters or unpaired surrogates; kept as data,
   * never as a path. Null when nothing is left.
   */
  static String originalName(String raw) {
    if (raw == null) {
      return null;
    }
    String base = raw.substring(Math.max(raw.lastIndexOf('/'), raw.lastIndexOf('\\')) + 1);
    StringBuilder kept = new StringBuilder(base.length());
    base.codePoints()
        .filter(c -> !Character.isISOControl(c) && Character.getType(c) != Character.SURROGATE)
        .forEach(kept::appendCodePoint);
    String name = kept.toString().strip();
    return name.isEmpty() ? null : name;
  }

  private static void created(RoutingContext ctx, Resume resume) {
    ctx.response().putHeader("Location", "/api/v1/resumes/" + resume.id());
    ServiceRouter.json(ctx, 201, resume.toJson());
  }

  private void list(RoutingContext ctx) {
    int limit = JsonInput.queryInt(ctx, "limit", 20, 1, 100);
    String status = ctx.request().getParam("status");
    if (status != null && !STATUSES.contains(status)) {
      throw ApiException.Invalid.field("status", "must be one of " + STATUSES);
    }
    String q = ctx.request().getParam("q");
    if (q != null && q.length() > MAX_TITLE) {
      throw ApiException.Invalid.field("q", "must be at most " + MAX_TITLE + " characters");
    }
    StorableText.require("q", q);
    resumes.list(AuthUser.of(ctx).userId(), status, Text.blankToNull(q), ctx.request().getParam("cursor"), limit)
        .onSuccess(page -> {
          JsonArray items = new JsonArray();
          page.items().forEach(r -> items.add(r.toJson()));
          ServiceRouter.json(ctx, 200, new JsonObject().put("items", items).put("nextCursor", page.nextCursor()));
        })
        .onFailure(ctx::fail);
  }

  private void get(RoutingContext ctx) {
    resumes.get(AuthUser.of(ctx).userId(), JsonInput.pathUuid(ctx, "id"))
        .onSuccess(r -> ServiceRouter.json(ctx, 200, r.toJson()))
        .onFailure(ctx::fail);
  }

  /** The original bytes; the ETag is the file's SHA-256, so a matching {@code If-None-Match} is a 304. */
  private void download(RoutingContext ctx) {
    UUID userId = AuthUser.of(ctx).userId();
    resumes.get(userId, JsonInput.pathUuid(ctx, "id")).onSuccess(resume -> {
      String etag = resume.checksumSha256() == null ? null : "\"" + resume.checksumSha256() + "\"";
      if (etag != null && etag.equals(ctx.request().getHeader("If-None-Match"))) {
        ctx.response().setStatusCode(304).putHeader("ETag", etag).end();
        return;
      }
      resumes.content(resume).onSuccess(file -> {
        ctx.response()
            .putHeader("Content-Type", resume.mimeType())
            .putHeader("Content-Disposition", disposition(resume.originalFilename()))
            .putHeader("Cache-Control", "private, no-cache")
            .putHeader("X-Content-Type-Options", "nosniff");
        if (etag != null) {
          ctx.response().putHeader("ETag", etag);
        }
        ctx.response().end(file);
      }).onFailure(ctx::fail);
    }).onFailure(ctx::fail);
  }

  /** An attachment header: the name in printable ASCII (anything else, quotes, backslashes as {@code _}) and UTF-8. */
  public static String disposition(String name) {
    String fileName = name == null ? "resume" : name;
    StringBuilder ascii = new StringBuilder(fileName.length());
    fileName.codePoints()
        .forEach(c -> ascii.append(c >= 0x20 && c <= 0x7E && c != '"' && c != '\\' ? (char) c : '_'));
    String encoded = URLEncoder.encode(fileName, StandardCharsets.UTF_8).replace("+", "%20");
    return "attachment; filename=\"" + ascii + "\"; filename*=UTF-8''" + encoded;
  }

  private void status(RoutingContext ctx) {
    resumes.get(AuthUser.of(ctx).userId(), JsonInput.pathUuid(ctx, "id"))
        .onSuccess(r -> ServiceRouter.json(ctx, 200, r.statusJson()))
        .onFailure(ctx::fail);
  }

  private void update(RoutingContext ctx) {
    UUID id = JsonInput.pathUuid(ctx, "id");
    JsonInput in = JsonInput.body(ctx);
    String title = in.optionalString("title", MAX_TITLE);
    String content = in.optionalString("content", maxContentChars);
    String summary = in.optionalString("changeSummary", 255);
    StorableText.check(in, "title", title);
    StorableText.check(in, "changeSummary", summary);
    if (title != null && title.isBlank()) {
      in.error("title", "must not be blank");
    }
    if (content != null && content.isBlank()) {
      in.error("content", "must not be blank");
    }
    if (title == null && content == null && !in.has("title") && !in.has("content")) {
      in.error("content", "title or content is required");
    }
    in.validate();
    resumes.update(AuthUser.of(ctx).userId(), id, title == null ? null : title.strip(), content,
            Text.blankToNull(summary), RequestDeadline.of(ctx, processingTimeout))
        .onSuccess(r -> ServiceRouter.json(ctx, 200, r.toJson()))
        .onFailure(ctx::fail);
  }

  private void delete(RoutingContext ctx) {
    resumes.delete(AuthUser.of(ctx).userId(), JsonInput.pathUuid(ctx, "id"))
        .onSuccess(v -> ctx.response().setStatusCode(204).end())
        .onFailure(ctx::fail);
  }
}
