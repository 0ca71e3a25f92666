package org.jobdash.ai.embedding;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.jobdash.ai.TextFields;
import org.jobdash.common.http.ApiException;
import org.jobdash.common.text.Text;
import org.jobdash.common.work.Deadline;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Decodes the body of {@code POST /embeddings/batch} (up to 1,000 × 384 numbers, megabytes of JSON) with a
 * streaming parser: each vector goes straight into a {@code float[]}, with no tree of boxed numbers in between.
 * Collects every field error for one 400; a text over the limit is a 413; JSON that does not parse (cut short,
 * nested deeper than the parser's limit of 1,000, a number longer than 1,000 digits, NaN) is a 400 naming where it
 * broke. CPU work: call it on a worker thread; it checks its deadline every thousand values or so.
 */
final class BatchDecoder {

  private static final JsonFactory JSON = JsonFactory.builder()
      .enable(StreamReadFeature.USE_FAST_DOUBLE_PARSER)
      .build();

  /** A decoded request: the model that made the vectors (null: not given) and the rows to store. */
  record Batch(String model, List<NewEmbedding> items) {}

  private final Set<String> sourceTypes;
  private final int maxItems;
  private final int maxTextChars;
  private final Deadline deadline;
  private final List<ApiException.FieldError> errors = new ArrayList<>();
  private int values;
  private String metadataProblem;

  BatchDecoder(Set<String> sourceTypes, int maxItems, int maxTextChars, Deadline deadline) {
    this.sourceTypes = sourceTypes;
    this.maxItems = maxItems;
    this.maxTextChars = maxTextChars;
    this.deadline = deadline;
  }

  Batch decode(Buffer body) {
    if (body == null || body.length() == 0) {
      throw new ApiException.Invalid("A JSON body is required");
    }
    JsonParser p;
    try {
      p = JSON.createParser(body.getBytes());
    } catch (IOException e) {
      throw new ApiException.Invalid("The body is not valid JSON");
    }
    try (p) {
      return batch(p);
    } catch (JsonProcessingException e) {
      throw notJson(p, e);
    } catch (IOException e) {
      throw new ApiException.Invalid("The body is not valid JSON");
    }
  }

  private Batch batch(JsonParser p) throws IOException {
    if (p.nextToken() != JsonToken.START_OBJECT) {
      throw new ApiException.Invalid("The body must be a JSON object");
    }
    String model = null;
    List<NewEmbedding> items = null;
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String field = p.currentName();
      JsonToken token = p.nextToken();
      if ("model".equals(field)) {
        model = string(p, token, "model", 100);
      } else if ("items".equals(field) && token == JsonToken.START_ARRAY) {
        items = items(p);
      } else if ("items".equals(field) && token != JsonToken.VALUE_NULL) {
        error("items", "must be an array");
        p.skipChildren();
      } else {
        p.skipChildren();
      }
    }
    if (p.nextToken() != null) {
      throw new ApiException.Invalid("The body is not valid JSON");
    }
    if (items == null && errors.stream().noneMatch(e -> e.field().equals("items"))) {
      error("items", "is required");
    } else if (items != null && items.isEmpty() && errors.isEmpty()) {
      error("items", "must have at least one item");
    }
    if (!errors.isEmpty()) {
      throw new ApiException.Invalid(errors.size() == 1 ? errors.get(0).field() + ": " + errors.get(0).message()
          : errors.size() + " fields are invalid", errors);
    }
    return new Batch(Text.blankToNull(model), items);
  }

  /** A 400 for JSON that does not parse, naming the field it broke in and where. */
  private static ApiException notJson(JsonParser p, JsonProcessingException e) {
    String why = e instanceof StreamConstraintsException
        ? "is nested too deeply, or holds a number or a string longer than this service reads"
        : "is not valid JSON";
    JsonLocation at = e.getLocation();
    String where = at == null ? "" : " (line " + at.getLineNr() + ", column " + at.getColumnNr() + ")";
    String field = field(p.getParsingContext());
    return field.isEmpty() ? new ApiException.Invalid("The body " + why + where)
        : new ApiException.Invalid(field + ": " + why + where, List.of(new ApiException.FieldError(field, why + where)));
  }

  /** The field a parser is in, as this API names fields: {@code items[3].vector}. */
  private static String field(JsonStreamContext context) {
    Deque<String> parts = new ArrayDeque<>();
    for (JsonStreamContext c = context; c != null && !c.inRoot(); c = c.getParent()) {
      if (c.inArray()) {
        parts.push("[" + Math.max(0, c.getCurrentIndex()) + "]");
      } else if (c.getCurrentName() != null) {
        parts.push("." + c.getCurrentName());
      }
    }
    String path = String.join("", parts);
    path = path.startsWith(".") ? path.substring(1) : path;
    // nested a thousand levels deep, the path would be longer than the body it names
    return path.length() > 200 ? path.substring(0, 200) + "…" : path;
  }

  /** Counts one value read, looking at the deadline every 1,024. */
  private void tick() {
    if ((++values & 1023) == 0) {
      deadline.check();
    }
  }

  private List<NewEmbedding> items(JsonParser p) throws IOException {
    List<NewEmbedding> items = new ArrayList<>();
    int index = 0;
    for (JsonToken token = p.nextToken(); token != JsonToken.END_ARRAY; token = p.nextToken(), index++) {
      deadline.check();
      if (token == null) {
        throw new IOException("unexpected end");
      }
      if (index == maxItems) {
        error("items", "must have at most " + maxItems + " items");
      }
      if (index >= maxItems || token != JsonToken.START_OBJECT) {
        if (token != JsonToken.START_OBJECT && index < maxItems) {
          error("items[" + index + "]", "must be an object");
        }
        p.skipChildren();
        continue;
      }
      NewEmbedding item = item(p, "items[" + index + "]");
      if (item != null) {
        items.add(item);
      }
    }
    return items;
  }

  private NewEmbedding item(JsonParser p, String prefix) throws IOException {
    int errorsBefore = errors.size();
    String sourceType = null;
    UUID sourceId = null;
    int chunkIndex = 0;
    String text = null;
    JsonObject metadata = null;
    float[] vector = null;
    boolean sawVector = false;
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String field = p.currentName();
      JsonToken token = p.nextToken();
      String path = prefix + "." + field;
      switch (field) {
        case "sourceType" -> {
          sourceType = string(p, token, path, 50);
          if (sourceType != null && !sourceTypes.contains(sourceType)) {
            error(path, "must be one of " + sourceTypes);
          }
        }
        case "sourceId" -> sourceId = uuid(string(p, token, path, 36), path);
        case "chunkIndex" -> chunkIndex = chunk(p, token, path);
        case "contentText" -> {
          if (token == JsonToken.VALUE_STRING && p.getTextLength() > maxTextChars) {
            throw new ApiException.TooLarge(path + " is longer than the limit of " + maxTextChars + " characters");
          }
          text = string(p, token, path, maxTextChars);
        }
        case "metadata" -> metadata = metadata(p, token, path);
        case "vector" -> {
          sawVector = true;
          vector = vector(p, token, path);
        }
        default -> p.skipChildren();
      }
    }
    if (sourceType == null && errors.stream().noneMatch(e -> e.field().equals(prefix + ".sourceType"))) {
      error(prefix + ".sourceType", "is required");
    }
    if (!sawVector) {
      error(prefix + ".vector", "is required");
    }
    if (errors.size() > errorsBefore) {
      return null;
    }
    return new NewEmbedding(sourceType, sourceId, chunkIndex, text, text == null ? null : TextFields.sha256(text),
        vector, metadata);
  }

  private float[] vector(JsonParser p, JsonToken token, String path) throws IOException {
    if (token != JsonToken.START_ARRAY) {
      error(path, "must be an array of 384 numbers");
      p.skipChildren();
      return null;
    }
    Vectors.Collector collector = new Vectors.Collector();
    for (JsonToken t = p.nextToken(); t != JsonToken.END_ARRAY; t = p.nextToken()) {
      tick();
      if (t == null) {
        throw new IOException("unexpected end");
      }
      if (t == JsonToken.VALUE_NUMBER_FLOAT || t == JsonToken.VALUE_NUMBER_INT) {
        collector.add(p.getDoubleValue());
      } else {
        collector.notANumber();
        p.skipChildren();
      }
    }
    return collector.result(path, this::error);
  }

  private String string(JsonParser p, JsonToken token, String path, int max) throws IOException {
    if (token == JsonToken.VALUE_NULL) {
      return null;
    }
    if (token != JsonToken.VALUE_STRING) {
      error(path, "must be a string");
      p.skipChildren();
      return null;
    }
    String s = p.getText();
    if (s.length() > max) {
      error(path, "must be at most " + max + " characters");
      return null;
    }
    String unfit = TextFields.unfit(s);
    if (unfit != null) {
      error(path, unfit);
      return null;
    }
    return s;
  }

  private UUID uuid(String s, String path) {
    if (s == null) {
      return null;
    }
    try {
      return UUID.fromString(s);
    } catch (IllegalArgumentException e) {
      error(path, "must be a UUID");
      return null;
    }
  }

  private int chunk(JsonParser p, JsonToken token, String path) throws IOException {
    if (token == JsonToken.VALUE_NULL) {
      return 0;
    }
    if (token != JsonToken.VALUE_NUMBER_INT || p.getNumberType() == JsonParser.NumberType.BIG_INTEGER
        || p.getLongValue() < 0 || p.getLongValue() > 1_000_000) {
      error(path, "must be an integer between 0 and 1000000");
      p.skipChildren();
      return 0;
    }
    return p.getIntValue();
  }

  private JsonObject metadata(JsonParser p, JsonToken token, String path) throws IOException {
    if (token == JsonToken.VALUE_NULL) {
      return null;
    }
    if (token != JsonToken.START_OBJECT) {
      error(path, "must be an object");
      p.skipChildren();
      return null;
    }
    metadataProblem = null;
    JsonObject metadata = (JsonObject) value(p, token);
    if (metadataProblem != null) {
      error(path, metadataProblem);
      return null;
    }
    if (metadata.encode().length() > 10_000) {
      error(path, "is too large");
      return null;
    }
    return metadata;
  }

  /**
   * The JSON value starting at {@code token}, as Vert.x JSON types; text unfit to store or a number beyond a
   * double's range is noted in {@link #metadataProblem}. Recursive: the parser's nesting limit bounds the depth.
   */
  private Object value(JsonParser p, JsonToken token) throws IOException {
    tick();
    return switch (token) {
      case START_OBJECT -> {
        JsonObject o = new JsonObject();
        while (p.nextToken() == JsonToken.FIELD_NAME) {
          String name = p.currentName();
          noteUnfit(name);
          o.put(name, value(p, p.nextToken()));
        }
        yield o;
      }
      case START_ARRAY -> {
        JsonArray a = new JsonArray();
        for (JsonToken t = p.nextToken(); t != JsonToken.END_ARRAY; t = p.nextToken()) {
          a.add(value(p, t));
        }
        yield a;
      }
      case VALUE_STRING -> {
        String s = p.getText();
        noteUnfit(s);
        yield s;
      }
      case VALUE_NUMBER_INT -> p.getNumberValue();
      case VALUE_NUMBER_FLOAT -> {
        double d = p.getDoubleValue();
        if (!Double.isFinite(d) && metadataProblem == null) {
          metadataProblem = "must not contain numbers beyond the range of a double";
        }
        yield d;
      }
      case VALUE_TRUE -> true;
      case VALUE_FALSE -> false;
      default -> null;
    };
  }

  private void noteUnfit(String s) {
    String unfit = metadataProblem == null ? TextFields.unfit(s) : null;
    if (unfit != null) {
      metadataProblem = unfit;
    }
  }

  private void error(String field, String message) {
    errors.add(new ApiException.FieldError(field, message));
  }
}
