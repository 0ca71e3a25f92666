package org.jobdash.common.http;

import io.vertx.core.Handler;
import io.vertx.core.buffer.Buffer;
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
      parameters.add(new Checked(p, transformer, openApi.getSchemaRepository().validator(p.getSchema())));
    }
    Validator body = null;
    boolean bodyRequired = false;
    JsonObject raw = rawOperation(operation);
    if (operation.getRequestBody() != null && !STREAMED.equals(raw.getString("x-jobdash-body"))) {
      MediaType json = operation.getRequestBody().getContent().get("application/json");
      if (json != null && json.getSchema() != null) {
        body = openApi.getSchemaRepository().validator(json.getSchema());
        bodyRequired = operation.getRequestBody().isRequired();
      }
    }
    return new Check(List.copyOf(parameters), body, bodyRequired);
  }

  private JsonObject rawOperation(Operation operation) {
    return contract.document().getJsonObject("paths").getJsonObject(operation.getOpenAPIPath())
        .getJsonObject(operation.getHttpMethod().name().toLowerCase(java.util.Locale.ROOT));
  }

  private record Checked(Parameter parameter, ParameterTransformer transformer, Validator validator) {}

  private final class Check implements Handler<RoutingContext> {
    private final List<Checked> parameters;
    private final Validator body;
    private final boolean bodyRequired;

    Check(List<Checked> parameters, Validator body, boolean bodyRequired) {
      this.parameters = parameters;
      this.body = body;
      this.bodyRequired = bodyRequired;
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
        worker.submit(deadline, d -> SchemaErrors.of(body.validate(parsed.raw()))).onComplete(done -> {
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
      List<ApiException.FieldError> found = SchemaErrors.of(body.validate(input.raw()));
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
    List<ApiException.FieldError> errors = SchemaErrors.of(p.validator().validate(typed));
    return errors.isEmpty() ? null : errors.get(0).message();
  }

  private static ApiException refusal(List<ApiException.FieldError> errors) {
    return JsonInput.invalid(errors);
  }
}
