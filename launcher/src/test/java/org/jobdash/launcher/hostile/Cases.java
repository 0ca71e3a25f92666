package org.jobdash.launcher.hostile;

import com.fasterxml.jackson.databind.JsonNode;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import org.jobdash.ai.AiConfig;
import org.jobdash.common.testing.hostile.DocxBombs;
import org.jobdash.common.testing.hostile.HostileJson;
import org.jobdash.common.testing.hostile.HostileText;
import org.jobdash.common.testing.hostile.HostileTokens;
import org.jobdash.common.testing.hostile.HostileUris;
import org.jobdash.common.testing.hostile.Multipart;
import org.jobdash.common.testing.hostile.Named;
import org.jobdash.common.testing.hostile.OfficeBombs;
import org.jobdash.common.testing.hostile.PdfBombs;
import org.jobdash.launcher.hostile.ApiDocuments.Field;
import org.jobdash.launcher.hostile.ApiDocuments.Operation;
import org.jobdash.launcher.hostile.ApiDocuments.Parameter;
import org.jobdash.launcher.hostile.ApiDocuments.Schemas;
import org.jobdash.launcher.hostile.Case.Expect;
import org.jobdash.resume.ResumeConfig;
import org.jobdash.user.UserConfig;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * The campaign's requests, generated from the operations: for every one a baseline, then bad tokens, bad path ids
 * (random, another user's, garbage), bad query values, and for a JSON body malformed and nested documents, wrong
 * content types, bodies at and past the size limit, a key flood, wrong types for every documented property,
 * adversarial and broken text in every text property at its limit, arrays at and past theirs; the upload route
 * gets PDF and DOCX bombs. Sizes stay at the limits except in the cases named {@code beyond…}.
 */
final class Cases {

  /** The services' limits, from the defaults the campaign runs with. */
  record Limits(int bodyBytes, int batchBodyBytes, int aiTextChars, int resumeContentChars, int fileBytes) {
    static Limits defaults() {
      JsonObject user = UserConfig.SETTINGS.defaults();
      JsonObject resume = ResumeConfig.SETTINGS.defaults();
      JsonObject aiSection = AiConfig.SETTINGS.defaults();
      int body = user.getJsonObject("http").getInteger("bodyLimitBytes");
      for (JsonObject service : List.of(resume, aiSection)) {
        if (service.getJsonObject("http").getInteger("bodyLimitBytes") != body) {
          throw new IllegalStateException("the campaign assumes one body limit for every service");
        }
      }
      JsonObject ai = aiSection.getJsonObject("limits");
      return new Limits(body, ai.getInteger("batchBodyLimitBytes"), ai.getInteger("maxTextChars"),
          resume.getJsonObject("files").getInteger("maxContentChars"),
          resume.getJsonObject("storage").getInteger("maxFileSizeBytes"));
    }
  }

  /** Where each path parameter points: the kind of resource, by path prefix and name. */
  private static final List<String[]> PATH_KINDS = List.of(
      new String[] {"/api/v1/resumes/optimizations/{oid}", "oid", "optimization"},
      new String[] {"/api/v1/resumes/{id}", "n", "version"},
      new String[] {"/api/v1/resumes/{id}", "id", "resume"},
      new String[] {"/api/v1/auth/sessions/{id}", "id", "session"},
      new String[] {"/api/v1/auth/mfa/factors/{id}", "id", "factor"},
      new String[] {"/api/v1/auth/oidc/{provider}", "provider", "provider"},
      new String[] {"/api/v1/admin/users/{id}", "id", "user"},
      new String[] {"/api/v1/ai/templates/{id}", "id", "template"},
      new String[] {"/api/v1/ai/models/{id}", "id", "model"});
  private static final Set<String> NOT_FREE_TEXT = Set.of("uuid", "date-time", "date", "binary", "uri");
  private static final int DEPTH = 10_000;
  private static final int UNDOCUMENTED_ARRAY = 10_000;

  private final World world;
  private final Limits limits;
  private final List<Case> out = new ArrayList<>();
  private final Random random = new Random(11);

  Cases(World world, Limits limits) {
    this.world = world;
    this.limits = limits;
  }

  /** Every case for every operation, in a fixed order; every fifth, every baseline and upload also go direct. */
  List<Case> all(List<Operation> operations) {
    for (Operation op : operations) {
      baseline(op);
      if (op.secured()) {
        tokens(op);
      }
      paths(op);
      queries(op);
      if (op.jsonBody() != null) {
        malformed(op);
        nesting(op);
        sizes(op);
        wrongTypes(op);
        texts(op);
        arrays(op);
        bodyIds(op);
      }
      if (op.multipart()) {
        uploads(op);
      }
    }
    List<Case> numbered = new ArrayList<>(out.size());
    for (int i = 0; i < out.size(); i++) {
      Case c = out.get(i);
      boolean direct = i % 5 == 0 || c.family().equals("baseline") || c.family().equals("upload");
      numbered.add(new Case(c.operation(), c.service(), c.family(), c.attack(), c.method(), c.uri(),
          c.authorization(), c.contentType(), c.body(), c.expect(), direct));
    }
    return numbered;
  }

  private void baseline(Operation op) {
    add(op, "baseline", "valid request", uri(op, Map.of(), Map.of()), bearer(op), jsonType(op), baseBytes(op),
        Expect.ANY);
  }

  // ---- tokens

  private void tokens(Operation op) {
    World.Account caller = world.caller(op.name());
    String valid = caller.accessToken();
    String uri = uri(op, Map.of(), Map.of());
    Supplier<byte[]> body = baseBytes(op);
    add(op, "token", "missing", uri, null, jsonType(op), body, Expect.UNAUTHORIZED);
    for (Named<String> h : HostileTokens.malformedHeaders(valid)) {
      add(op, "token", h.name(), uri, h.value(), jsonType(op), body, Expect.UNAUTHORIZED);
    }
    Map<String, String> forged = new LinkedHashMap<>();
    forged.put("forged-signature", HostileTokens.forged(valid));
    forged.put("alg-none", HostileTokens.algNone(valid));
    forged.put("hs256-keyed-with-public-key", HostileTokens.hs256(valid,
        world.publicKeyPem().getBytes(StandardCharsets.US_ASCII)));
    forged.put("tampered-roles", HostileTokens.tamperedRoles(valid));
    long now = Instant.now().getEpochSecond();
    String sub = caller.id().toString();
    String sid = caller.sessionId().toString();
    forged.put("expired", real(HostileTokens.claims(sub, sid, now - 4_500, now - 3_600)));
    Map<String, Object> audience = HostileTokens.claims(sub, sid, now, now + 600);
    audience.put("aud", "another-service");
    forged.put("wrong-audience", real(audience));
    Map<String, Object> issuer = HostileTokens.claims(sub, sid, now, now + 600);
    issuer.put("iss", "https://evil.example.com");
    forged.put("wrong-issuer", real(issuer));
    forged.put("sub-not-a-uuid", real(HostileTokens.claims("../../admin", sid, now, now + 600)));
    forged.forEach((name, token) -> add(op, "token", name, uri, "Bearer " + token, jsonType(op), body,
        Expect.UNAUTHORIZED));
  }

  private String real(Map<String, Object> claims) {
    return HostileTokens.signed(world.signingKey(), world.kid(), claims);
  }

  // ---- path and query

  private void paths(Operation op) {
    for (Parameter p : op.in("path")) {
      String kind = kind(op, p);
      boolean integer = "integer".equals(Schemas.type(p.schema()));
      List<Named<String>> values = new ArrayList<>();
      values.add(new Named<>(integer ? "absent-number" : "random-uuid",
          integer ? "999999" : new UUID(random.nextLong(), random.nextLong()).toString()));
      values.addAll(HostileUris.pathSegments());
      for (Named<String> v : values) {
        add(op, "path", p.name() + "=" + v.name(), uri(op, Map.of(p.name(), v.value()), Map.of()), bearer(op),
            jsonType(op), baseBytes(op), Expect.ANY);
      }
      String others = otherId(kind);
      if (others != null) {
        add(op, "other-user", p.name() + "=another user's " + kind, uri(op, Map.of(p.name(), others), Map.of()),
            bearer(op), jsonType(op), baseBytes(op), Expect.NOT_FOUND);
      }
    }
  }

  private void queries(Operation op) {
    for (Parameter p : op.in("query")) {
      JsonNode s = p.schema();
      Long maxLength = Schemas.number(s, "maxLength");
      for (Named<String> v : HostileUris.queryValues(Schemas.type(s), Schemas.number(s, "minimum"),
          Schemas.number(s, "maximum"), maxLength == null ? null : maxLength.intValue())) {
        add(op, "query", p.name() + "=" + v.name(), uri(op, Map.of(), Map.of(p.name(), v.value())), bearer(op),
            jsonType(op), baseBytes(op), Expect.ANY);
      }
    }
  }

  private String kind(Operation op, Parameter p) {
    for (String[] k : PATH_KINDS) {
      if (op.path().startsWith(k[0]) && p.name().equals(k[1])) {
        return k[2];
      }
    }
    throw new IllegalStateException("the campaign does not know what {" + p.name() + "} of " + op.name()
        + " names: add it to Cases.PATH_KINDS");
  }

  /** The caller's own resource of that kind (the throw-away ones where the operation destroys it). */
  private String ownId(Operation op, String kind) {
    return switch (kind) {
      case "resume" -> (op.method().equals("DELETE") && op.path().equals("/api/v1/resumes/{id}")
          ? world.deletableResume() : world.ownResume()).toString();
      case "optimization" -> world.ownOptimization().toString();
      case "version" -> "1";
      case "session" -> world.spareSession().getOrDefault(op.name(), world.owner().sessionId()).toString();
      case "user" -> world.throwaway().getOrDefault(op.name(), world.owner()).id().toString();
      case "template" -> world.template().toString();
      case "model" -> world.model().toString();
      case "factor" -> world.ownFactor().toString();
      // the campaign's deployment has no identity provider configured: the routes answer 404 for every name
      case "provider" -> "campaign";
      default -> throw new IllegalStateException(kind);
    };
  }

  /** Another user's resource of that kind, where resources of that kind have owners. */
  private String otherId(String kind) {
    return switch (kind) {
      case "resume" -> world.otherResume().toString();
      case "optimization" -> world.otherOptimization().toString();
      case "session" -> world.other().sessionId().toString();
      case "factor" -> world.otherFactor().toString();
      default -> null;
    };
  }

  private String uri(Operation op, Map<String, String> pathValues, Map<String, String> queryValues) {
    String path = op.path();
    for (Parameter p : op.in("path")) {
      String value = pathValues.containsKey(p.name()) ? pathValues.get(p.name()) : ownId(op, kind(op, p));
      path = path.replace("{" + p.name() + "}", value);
    }
    StringBuilder query = new StringBuilder();
    for (Parameter p : op.in("query")) {
      String value = queryValues.containsKey(p.name()) ? queryValues.get(p.name())
          : p.required() ? validQueryValue(p.schema()) : null;
      if (value != null) {
        query.append(query.length() == 0 ? '?' : '&').append(p.name()).append('=').append(value);
      }
    }
    return path + query;
  }

  private static String validQueryValue(JsonNode schema) {
    if ("integer".equals(Schemas.type(schema))) {
      Long min = Schemas.number(schema, "minimum");
      return Long.toString(min == null ? 1 : min);
    }
    List<String> values = Schemas.enumValues(schema);
    return values.isEmpty() ? "x" : values.get(0);
  }

  // ---- JSON bodies

  private void malformed(Operation op) {
    String uri = uri(op, Map.of(), Map.of());
    for (Named<byte[]> b : HostileJson.bodies()) {
      add(op, "json", b.name(), uri, bearer(op), "application/json", b::value, Expect.ANY);
    }
    Supplier<byte[]> base = baseBytes(op);
    for (String type : List.of("text/plain", "application/xml", "application/x-www-form-urlencoded",
        "application/json; charset=UTF-16", "multipart/form-data; boundary=x")) {
      add(op, "content-type", type, uri, bearer(op), type, base, Expect.ANY);
    }
    add(op, "content-type", "none", uri, bearer(op), null, base, Expect.ANY);
  }

  private void nesting(Operation op) {
    String uri = uri(op, Map.of(), Map.of());
    add(op, "nesting", DEPTH + "-nested-arrays", uri, bearer(op), "application/json",
        () -> Bodies.utf8(HostileJson.nestedArrays(DEPTH)), Expect.ANY);
    add(op, "nesting", DEPTH + "-nested-objects", uri, bearer(op), "application/json",
        () -> Bodies.utf8(HostileJson.nestedObjects(DEPTH)), Expect.ANY);
    List<Field> fields = op.fields();
    if (!fields.isEmpty()) {
      Field first = fields.get(0);
      add(op, "nesting", first.name() + "=" + DEPTH + "-nested-arrays", uri, bearer(op), "application/json",
          () -> HostileJson.bytes(Bodies.with(base(op), first.path(),
              new HostileJson.Raw(HostileJson.nestedArrays(DEPTH)))), Expect.ANY);
    }
  }

  private void sizes(Operation op) {
    String uri = uri(op, Map.of(), Map.of());
    int limit = bodyLimit(op);
    add(op, "size", "body-at-limit-" + limit, uri, bearer(op), "application/json",
        () -> Bodies.padded(base(op), limit), Expect.ANY);
    add(op, "size", "body-beyond-limit-" + (limit + 1), uri, bearer(op), "application/json",
        () -> Bodies.padded(base(op), limit + 1), Expect.ANY);
    add(op, "size", "key-flood-" + (limit - 64), uri, bearer(op), "application/json",
        () -> Bodies.utf8(HostileJson.manyKeys(limit - 64)), Expect.ANY);
  }

  private void wrongTypes(Operation op) {
    for (Field f : op.fields()) {
      String type = Schemas.type(f.schema());
      if (type == null) {
        continue;
      }
      for (Named<Object> wrong : HostileJson.wrongTypes(type)) {
        body(op, "wrong-type", f.name() + "=" + wrong.name(), f, wrong.value());
      }
    }
  }

  private void texts(Operation op) {
    for (Field f : op.fields()) {
      if (!"string".equals(Schemas.type(f.schema()))) {
        continue;
      }
      int limit = textLimit(op, f);
      boolean free = Schemas.enumValues(f.schema()).isEmpty()
          && !NOT_FREE_TEXT.contains(String.valueOf(Schemas.format(f.schema())));
      for (Named<String> text : HostileText.patterns(limit)) {
        if (free || text.name().startsWith("open-parens") || text.name().startsWith("5000-chars")) {
          body(op, "text", f.name() + "=" + text.name(), f, text.value());
        }
      }
      for (Named<String> text : HostileText.encodings()) {
        body(op, "encoding", f.name() + "=" + text.name(), f, text.value());
      }
      if (free) {
        body(op, "text", f.name() + "=beyond-limit-" + (limit + 1), f, HostileText.beyond(limit));
      }
    }
  }

  private void arrays(Operation op) {
    for (Field f : op.fields()) {
      if (!"array".equals(Schemas.type(f.schema()))) {
        continue;
      }
      Object element = element(op, f);
      Long max = Schemas.number(f.schema(), "maxItems");
      Long min = Schemas.number(f.schema(), "minItems");
      if (max != null) {
        body(op, "array", f.name() + "=at-max-items-" + max, f, HostileJson.array(max.intValue(), element));
        body(op, "array", f.name() + "=beyond-max-items-" + (max + 1), f,
            HostileJson.array(max.intValue() + 1, element));
      } else {
        body(op, "array", f.name() + "=" + UNDOCUMENTED_ARRAY + "-items", f,
            HostileJson.array(UNDOCUMENTED_ARRAY, element));
      }
      if (min != null && min > 0) {
        body(op, "array", f.name() + "=below-min-items-" + (min - 1), f, HostileJson.array(min.intValue() - 1,
            element));
      }
    }
  }

  /**
   * Ids of owned resources inside a body: another user's must be a 404 there too. Where the body may carry the
   * text instead of the id (job matching), the text goes.
   */
  private void bodyIds(Operation op) {
    for (Field f : op.fields()) {
      if (f.path().equals(List.of("resumeId"))) {
        boolean either = !op.jsonBody().path("required").toString().contains("resumeText");
        add(op, "other-user", "resumeId=another user's resume", uri(op, Map.of(), Map.of()), bearer(op),
            "application/json", () -> {
              Map<String, Object> body = Bodies.with(base(op), f.path(), world.otherResume().toString());
              if (either) {
                body.remove("resumeText");
              }
              return HostileJson.bytes(body);
            }, Expect.NOT_FOUND);
      }
    }
  }

  private Object element(Operation op, Field f) {
    List<Object> first = new ArrayList<>(f.path());
    first.add(0);
    Object existing = Bodies.at(base(op), first);
    return existing != null ? existing : Examples.of(f.schema().path("items"), world);
  }

  private void body(Operation op, String family, String attack, Field f, Object value) {
    body(op, family, attack, f, value, Expect.ANY);
  }

  private void body(Operation op, String family, String attack, Field f, Object value, Expect expect) {
    add(op, family, attack, uri(op, Map.of(), Map.of()), bearer(op), "application/json",
        () -> HostileJson.bytes(Bodies.with(base(op), f.path(), value)), expect);
  }

  // ---- uploads

  private void uploads(Operation op) {
    String uri = uri(op, Map.of(), Map.of());
    long gib = 1L << 30;
    Map<String, Supplier<Multipart>> forms = new LinkedHashMap<>();
    forms.put("pdf", () -> file("cv.pdf", "application/pdf", PdfBombs.minimal(World.RESUME_TEXT)));
    forms.put("docx", () -> file("cv.docx", "application/octet-stream", DocxBombs.minimal(World.RESUME_TEXT)));
    forms.put("text", () -> file("cv.txt", "text/plain", Bodies.utf8(World.RESUME_TEXT)));
    forms.put("pdf-flate-bomb-2GiB", () -> file("bomb.pdf", "application/pdf", PdfBombs.flateBomb(2 * gib)));
    forms.put("pdf-20000-pages", () -> file("pages.pdf", "application/pdf", PdfBombs.pages(20_000)));
    forms.put("docx-part-inflating-to-3GiB", () -> file("bomb.docx", "application/octet-stream",
        DocxBombs.inflating(3 * gib)));
    forms.put("docx-billion-laughs", () -> file("laughs.docx", "application/octet-stream",
        DocxBombs.billionLaughs(9, 10)));
    forms.put("docx-external-entity", () -> file("xxe.docx", "application/octet-stream", DocxBombs.externalEntity()));
    forms.put("docx-sizes-understated", () -> file("lies.docx", "application/octet-stream",
        DocxBombs.lyingSizes(256L << 20, 1_024)));
    forms.put("docx-sizes-overstated", () -> file("lies.docx", "application/octet-stream",
        DocxBombs.lyingSizes(4_096, 4_000_000_000L)));
    forms.put("odt", () -> file("cv.odt", "application/octet-stream", OfficeBombs.minimalOdt(World.RESUME_TEXT)));
    forms.put("rtf", () -> file("cv.rtf", "application/rtf", OfficeBombs.minimalRtf(World.RESUME_TEXT)));
    forms.put("json-resume", () -> file("cv.json", "application/json", Bodies.utf8(
        "{\"basics\":{\"name\":\"Priya Sharma\",\"label\":\"Registered Nurse\"},"
            + "\"work\":[{\"name\":\"Leeds General Infirmary\",\"position\":\"Staff Nurse\"}]}")));
    forms.put("odt-content-inflating-to-3GiB", () -> file("bomb.odt", "application/octet-stream",
        OfficeBombs.inflatingOdt(3 * gib)));
    forms.put("odt-billion-laughs", () -> file("laughs.odt", "application/octet-stream",
        OfficeBombs.billionLaughsOdt(9, 10)));
    forms.put("rtf-nested-200000", () -> file("deep.rtf", "application/rtf", OfficeBombs.nestedRtf(200_000)));
    forms.put("json-resume-invalid", () -> file("bad.json", "application/json",
        Bodies.utf8("{\"basics\":\"Priya\",\"work\":[{\"startDate\":\"last spring\"}]}")));
    forms.put("file-name-5000-chars", () -> new Multipart().field("title", "Long name")
        .file("file", "n".repeat(5_000) + ".pdf", "application/pdf", PdfBombs.minimal(World.RESUME_TEXT)));
    forms.put("title-with-nul", () -> new Multipart().field("title", "My\u0000CV")
        .file("file", "cv.pdf", "application/pdf", PdfBombs.minimal(World.RESUME_TEXT)));
    forms.put("title-5000-chars", () -> new Multipart().field("title", "t".repeat(5_000))
        .file("file", "cv.pdf", "application/pdf", PdfBombs.minimal(World.RESUME_TEXT)));
    forms.put("two-files", () -> file("a.txt", "text/plain", Bodies.utf8(World.RESUME_TEXT))
        .file("file", "b.txt", "text/plain", Bodies.utf8(World.RESUME_TEXT)));
    forms.put("no-file", () -> new Multipart().field("title", "Nothing"));
    forms.put("empty-file", () -> file("empty.pdf", "application/pdf", new byte[0]));
    forms.put("random-bytes", () -> file("noise.pdf", "application/pdf", noise(64 * 1024)));
    forms.put("text-with-nul", () -> file("nul.txt", "text/plain", Bodies.utf8("Nurse\u0000Leeds\n")));
    forms.put("file-at-limit-" + limits.fileBytes(), () -> file("big.txt", "text/plain",
        Bodies.utf8(HostileText.words(limits.fileBytes()))));
    forms.put("file-beyond-limit-" + (limits.fileBytes() + 1), () -> file("big.txt", "text/plain",
        Bodies.utf8(HostileText.words(limits.fileBytes() + 1))));
    String type = new Multipart().contentType();
    Set<String> valid = Set.of("pdf", "docx", "text", "odt", "rtf", "json-resume");
    forms.forEach((name, form) -> add(op, "upload", name, uri, bearer(op), type, () -> form.get().toBytes(),
        valid.contains(name) ? Expect.SUCCESS : Expect.ANY));
  }

  private static Multipart file(String name, String type, byte[] content) {
    return new Multipart().field("title", "Campaign upload").file("file", name, type, content);
  }

  private byte[] noise(int size) {
    byte[] bytes = new byte[size];
    new Random(size).nextBytes(bytes);
    return bytes;
  }

  // ---- what every case shares

  private void add(Operation op, String family, String attack, String uri, String authorization, String type,
                   Supplier<byte[]> body, Expect expect) {
    out.add(new Case(op.name(), op.service(), family, attack, HttpMethod.valueOf(op.method()), uri, authorization,
        body == null ? null : type, body, expect, false));
  }

  private String bearer(Operation op) {
    return op.secured() ? "Bearer " + world.caller(op.name()).accessToken() : null;
  }

  private static String jsonType(Operation op) {
    return op.jsonBody() == null ? null : "application/json";
  }

  /** The operation's valid body as bytes, or null where it takes no JSON body. */
  private Supplier<byte[]> baseBytes(Operation op) {
    return op.jsonBody() == null ? null : () -> HostileJson.bytes(base(op));
  }

  private Map<String, Object> base(Operation op) {
    return Examples.body(op, world);
  }

  private int bodyLimit(Operation op) {
    return op.name().equals("POST /api/v1/ai/embeddings/batch") ? limits.batchBodyBytes() : limits.bodyBytes();
  }

  /**
   * The most characters a text field takes: its documented {@code maxLength}, else the AI service's text limit,
   * the résumé content limit, or what the body limit leaves room for.
   */
  private int textLimit(Operation op, Field f) {
    Long max = Schemas.number(f.schema(), "maxLength");
    if (max != null) {
      return max.intValue();
    }
    if (op.service().equals("ai")) {
      return limits.aiTextChars();
    }
    if (op.service().equals("resume") && f.path().equals(List.of("content"))) {
      return Math.min(limits.resumeContentChars(), limits.bodyBytes() - 1_024);
    }
    return limits.bodyBytes() - 1_024;
  }
}
