package org.jobdash.load.attack;

import io.vertx.core.http.HttpMethod;
import org.jobdash.common.testing.hostile.DocxBombs;
import org.jobdash.common.testing.hostile.HostileJson;
import org.jobdash.common.testing.hostile.HostileText;
import org.jobdash.common.testing.hostile.Multipart;
import org.jobdash.common.testing.hostile.Named;
import org.jobdash.common.testing.hostile.PdfBombs;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The worst inputs of the hostile-input library, as requests to the gateway: PDF and DOCX bombs for the upload
 * route, adversarial text at the AI service's limits for its analyses, the largest résumé text, a key flood the size
 * of the batch body limit, a 10,000-level nested body. Sizes are the services' default limits
 * (their modules' {@code jobdash/<service>.json}).
 */
public final class HostileInputs {

  private static final long GIB = 1L << 30;
  private static final int AI_TEXT_CHARS = 100_000;
  private static final int RESUME_CONTENT_CHARS = 1_000_000;
  private static final int BATCH_BODY_BYTES = 16 << 20;
  private static final int EMBEDDING_TEXTS = 64;

  private HostileInputs() {}

  /** Made once (the bombs take a few seconds): call off any event loop. */
  public static List<HostileRequest> worst(String bearer) {
    List<HostileRequest> out = new ArrayList<>();
    upload(out, bearer, "pdf-flate-bomb-2GiB", "bomb.pdf", "application/pdf", PdfBombs.flateBomb(2 * GIB));
    upload(out, bearer, "pdf-20000-pages", "pages.pdf", "application/pdf", PdfBombs.pages(20_000));
    upload(out, bearer, "docx-part-inflating-to-3GiB", "bomb.docx", "application/octet-stream",
        DocxBombs.inflating(3 * GIB));
    upload(out, bearer, "docx-billion-laughs", "laughs.docx", "application/octet-stream",
        DocxBombs.billionLaughs(9, 10));
    upload(out, bearer, "docx-sizes-understated", "lies.docx", "application/octet-stream",
        DocxBombs.lyingSizes(256L << 20, 1_024));
    Map<String, String> patterns = new LinkedHashMap<>();
    for (Named<String> p : HostileText.patterns(AI_TEXT_CHARS)) {
      patterns.put(p.name().replaceFirst("-\\d+$", ""), p.value());
    }
    json(out, bearer, "content-analysis text=heading-3000-spaces", "/api/v1/ai/content-analysis",
        Map.of("text", patterns.get("heading-3000-spaces")));
    json(out, bearer, "content-analysis text=nbsp-before-newline", "/api/v1/ai/content-analysis",
        Map.of("text", patterns.get("nbsp-before-newline")));
    json(out, bearer, "skills text=bullet-1,1,1", "/api/v1/ai/skills", Map.of("text", patterns.get("bullet-1,1,1")));
    json(out, bearer, "skills text=maximum-size", "/api/v1/ai/skills", Map.of("text", patterns.get("maximum-size")));
    json(out, bearer, "job-match open-parens and spaces-before-newline", "/api/v1/ai/job-match",
        Map.of("resumeText", patterns.get("open-parens"), "jobDescription", patterns.get("spaces-before-newline")));
    json(out, bearer, "optimize short-lines and bangs", "/api/v1/ai/optimize",
        Map.of("resumeText", patterns.get("short-lines"), "jobDescription", patterns.get("bangs")));
    json(out, bearer, "embeddings 64 texts of one letter", "/api/v1/ai/embeddings",
        Map.of("texts", new ArrayList<>(Collections.nCopies(EMBEDDING_TEXTS, "a".repeat(15_000)))));
    json(out, bearer, "resume content=maximum-size", "/api/v1/resumes",
        Map.of("title", "Hostile", "content", HostileText.words(RESUME_CONTENT_CHARS)));
    out.add(new HostileRequest("embeddings/batch key flood of 16 MiB", HttpMethod.POST, "/api/v1/ai/embeddings/batch",
        "application/json", HostileJson.manyKeys(BATCH_BODY_BYTES - 64).getBytes(StandardCharsets.UTF_8),
        bearer));
    out.add(new HostileRequest("skills 10000-nested arrays", HttpMethod.POST, "/api/v1/ai/skills", "application/json",
        HostileJson.nestedArrays(10_000).getBytes(StandardCharsets.UTF_8), bearer));
    return out;
  }

  private static void upload(List<HostileRequest> out, String bearer, String name, String fileName, String type,
                             byte[] content) {
    Multipart form = new Multipart().field("title", "Hostile upload").file("file", fileName, type, content);
    out.add(new HostileRequest("upload " + name, HttpMethod.POST, "/api/v1/resumes", form.contentType(),
        form.toBytes(), bearer));
  }

  private static void json(List<HostileRequest> out, String bearer, String name, String path, Map<String, ?> body) {
    out.add(new HostileRequest(name, HttpMethod.POST, path, "application/json", HostileJson.bytes(body), bearer));
  }
}
