package org.jobdash.common.http;

import io.vertx.core.Handler;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import io.vertx.json.schema.Validator;
import io.vertx.openapi.contract.Location;
import io.vertx.openapi.contract.MediaType;
import io.vertx.openapi.contract.OpenAPIContract;
import io.vertx.openapi.contract.Operation;
import io.vertx.openapi.contract.Parameter;
import io.vertx.openapi.contract.Style;
import io.vertx.openapi.validation.transformer.FormTransformer;
import io.vertx.openapi.validation.transformer.ParameterTransformer;
import io.vertx.openapi.validation.transformer.SimpleTransformer;
import org.jobdash.common.work.BoundedWorker;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Request validation taken from a service's OpenAPI document: {@link #validate(String)} is the handler of one
 * operation, mounted after the token check and the body handler and before the route, that checks the path, query
 * and header parameters and the JSON body against the document's schemas and fails with one 400 problem naming
 * every field at fault by its JSON path. A path parameter that does not fit its schema names no resource and is a
 * 404, as the routes answer it. Rules across several fields stay in the routes.
 * <p>
 * The schemas are walked with vertx-json-schema's validators directly, not through vertx-openapi's
 * {@code RequestValidator}: that one parses the body a second time and runs every validation on the default worker
 * pool (an {@code executeBlocking} per request, ordered per event loop). Here a small body is parsed once, where
 * the route reads it, and checked on the event loop; a body above {@link JsonBodies#INLINE_PARSE_BYTES} was parsed
 * on the bounded {@code json-parsing} worker and is checked there too. A body the document marks
 * {@code x-jobdash-body: streamed} (a multipart upload, a batch decoded as a stream) is left to its route; its
 * parameters are still checked.
 */
public final class RequestContract {

  private static final String STREAMED = "streamed";

  private final ServiceContract contract;
  private final BoundedWorker worker;
  private final Duration deadline;
  private final Map<Style, ParameterTransformer> transformers = Map.of(
      Style.SIMPLE, new SimpleTransformer(), Style.FORM, new FormTransformer());

  public RequestContract(ServiceContract contract, BoundedWorker worker, Duration deadline) {
    this.contract = contract;
    this.worker = worker;
    this.deadline = deadline;
  }

  /**
   * The contract of a service's JSON routes: large bodies are checked on {@code parsing}, the deployment's
   * {@link ServiceRouter#jsonParsing} worker that parsed them.
   */
  public static RequestContract of(BoundedWorker parsing, ServiceContract contract) {
    return new RequestContract(contract, parsing, ServiceRouter.JSON_DEADLINE);
  }

  /** The handler that checks a request of {@code operationId} against the document. */
  public Handler<RoutingContext> validate(String operationId) {
    OpenAPIContract openApi = contract.openApi();
    Operation operation = openApi.operation(operationId);
    if (operation == null) {
      throw new IllegalArgumentException("the document " + contract.resource() + " has no operation " + operationId);
    }
    List<Checked> parameters = new ArrayList<>();
    for (Parameter p : operation.getParameters()) {
      if (p.getIn() == Location.COOKIE) {
        continue;
      }
      ParameterTransformer transformer = transformers.get(p.getStyle());
      if (transformer == null) {
        throw new IllegalArgumentException(operationId + ": parameter " + p.getName() + " has style " + p.getStyle()
            + ", which the request contract does not read");
      }
      parameters.add(new Checked(p, transformer, openApi.getSchemaRepository().validator(p.getSchema()),
          QuickSchema.compile(contract.document(), rawParameter(operation, p))));
    }
    Validator body = null;
    QuickSchema.Check quickBody = null;
    boolean bodyRequired = false;
    JsonObject raw = rawOperation(operation);
    if (operation.getRequestBody() != null && !STREAMED.equals(raw.getString("x-jobdash-body"))) {
      MediaType json = operation.getRequestBody().getContent().get("application/json");
      if (json != null && json.getSchema() != null) {
        body = openApi.getSchemaRepository().validator(json.getSchema());
        bodyRequired = operation.getRequestBody().isRequired();
        quickBody = QuickSchema.compile(contract.document(), rawBodySchema(raw));
      }
    }
    return new Check(List.copyOf(parameters), body, quickBody, bodyRequired);
  }

  private JsonObject rawOperation(Operation operation) {
    return contract.document().getJsonObject("paths").getJsonObject(operation.getOpenAPIPath())
        .getJsonObject(operation.getHttpMethod().name().toLowerCase(java.util.Locale.ROOT));
  }

  /** The raw JSON of {@code schema}'s part of the document, following a local {@code $ref}; null if elsewhere. */
  private JsonObject local(Object part) {
    if (part instanceof JsonObject o && o.getValue("$ref") instanceof String ref && ref.startsWith("#/")) {
      Object target = contract.document();
      for (String name : ref.substring(2).split("/", -1)) {
        target = target instanceof JsonObject t ? t.getValue(name.replace("~1", "/").replace("~0", "~")) : null;
      }
      return target instanceof JsonObject t ? t : null;
    }
    return part instanceof JsonObject o ? o : null;
  }

  private Object rawBodySchema(JsonObject operation) {
    JsonObject body = local(operation.getValue("requestBody"));
    JsonObject content = body == null ? null : body.getJsonObject("content");
    JsonObject json = content == null ? null : content.getJsonObject("application/json");
    return json == null ? null : json.getValue("schema");
  }

  /** The raw schema of parameter {@code p}, declared on the operation or on its path. */
  private Object rawParameter(Operation operation, Parameter p) {
    JsonObject path = contract.document().getJsonObject("paths").getJsonObject(operation.getOpenAPIPath());
    JsonObject op = rawOperation(operation);
    for (JsonObject declaring : List.of(op, path)) {
      JsonArray list = declaring.getJsonArray("parameters");
      if (list == null) {
        continue;
      }
      for (Object item : list) {
        JsonObject declared = local(item);
        if (declared != null && p.getName().equals(declared.getString("name"))
            && p.getIn().name().equalsIgnoreCase(declared.getString("in"))) {
          return declared.getValue("schema");
        }
      }
    }
    return null;
  }

  /**
   * @param quick the parameter's {@link QuickSchema} check, or null: a value it passes is valid without asking the
   *              library
   */
  private record Checked(Parameter parameter, ParameterTransformer transformer, Validator validator,
                         QuickSchema.Check quick) {}

  private final class Check implements Handler<RoutingContext> {
    private final List<Checked> parameters;
    private final Validator body;
    private final QuickSchema.Check quickBody;
    private final boolean bodyRequired;

    Check(List<Checked> parameters, Validator body, QuickSchema.Check quickBody, boolean bodyRequired) {
      this.parameters = parameters;
      this.body = body;
      this.quickBody = quickBody;
      this.bodyRequired = bodyRequired;
    }

    /** The body's errors: none at once when the quick check passes it, else the library's. */
    private List<ApiException.FieldError> bodyErrors(JsonObject value) {
      return quickBody != null && quickBody.valid(value) ? List.of() : SchemaErrors.of(body.validate(value));
    }

    @Override
    public void handle(RoutingContext ctx) {
      List<ApiException.FieldError> errors = new ArrayList<>();
      for (Checked p : parameters) {
        String value = raw(ctx, p.parameter());
        String message = value == null ? (p.parameter().isRequired() ? "is required" : null)
            : checkParameter(p, value);
        if (message != null && p.parameter().getIn() == Location.PATH) {
          // a path that does not fit names no resource: 404, as the routes answer it
          ctx.fail(new ApiException.NotFound("No such resource"));
          return;
        }
        if (message != null) {
          errors.add(new ApiException.FieldError(p.parameter().getName(), message));
        }
      }
      if (!errors.isEmpty()) {
        ctx.fail(refusal(errors));
        return;
      }
      Buffer raw = body == null ? null : JsonBodies.raw(ctx);
      if (body == null || raw.length() == 0 && !bodyRequired) {
        ctx.next();
        return;
      }
      JsonInput parsed = ctx.get(JsonBodies.PARSED);
      if (parsed != null) {
        // parsed on the worker because it is large: its walk goes there too
        worker.submit(deadline, d -> bodyErrors(parsed.raw())).onComplete(done -> {
          if (done.failed()) {
            ctx.fail(done.cause());
          } else if (!done.result().isEmpty()) {
            ctx.fail(refusal(done.result()));
          } else {
            ctx.next();
          }
        });
        return;
      }
      JsonInput input;
      try {
        input = JsonInput.body(ctx);
      } catch (ApiException e) {
        ctx.fail(e);
        return;
      }
      ctx.put(JsonBodies.PARSED, input);
      List<ApiException.FieldError> found = bodyErrors(input.raw());
      if (found.isEmpty()) {
        ctx.next();
      } else {
        ctx.fail(refusal(found));
      }
    }
  }

  private static String raw(RoutingContext ctx, Parameter p) {
    return switch (p.getIn()) {
      case PATH -> ctx.pathParam(p.getName());
      case QUERY -> {
        // a blank value is the same as none, as the routes have always read it
        List<String> values = ctx.queryParams().getAll(p.getName());
        yield values.stream().allMatch(String::isBlank) ? null : String.join(",", values);
      }
      case HEADER -> ctx.request().getHeader(p.getName());
      default -> null;
    };
  }

  /** Null when {@code value} fits the parameter's schema, else what is wrong with it. */
  private static String checkParameter(Checked p, String value) {
    Object typed;
    try {
      typed = p.transformer().transform(p.parameter(), value);
    } catch (RuntimeException e) {
      return "is malformed";
    }
    if (p.quick() != null && p.quick().valid(typed)) {
      return null;
    }
    List<ApiException.FieldError> errors = SchemaErrors.of(p.validator().validate(typed));
    return errors.isEmpty() ? null : errors.get(0).message();
  }

  private static ApiException refusal(List<ApiException.FieldError> errors) {
    return JsonInput.invalid(errors);
  }
}
