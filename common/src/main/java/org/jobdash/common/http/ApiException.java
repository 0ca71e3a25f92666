package org.jobdash.common.http;

import java.util.List;
import java.util.Map;

/**
 * A failure that the HTTP layer answers with an RFC 9457 problem; services throw or fail futures with these.
 */
public class ApiException extends RuntimeException {

  /** One field that failed validation. */
  public record FieldError(String field, String message) {}

  private final int status;
  private final String type;
  private final String title;
  private final List<FieldError> errors;
  private final Map<String, String> headers;

  public ApiException(int status, String type, String title, String detail, List<FieldError> errors,
                      Map<String, String> headers) {
    super(detail, null, false, false);
    this.status = status;
    this.type = type;
    this.title = title;
    this.errors = errors == null ? List.of() : List.copyOf(errors);
    this.headers = headers == null ? Map.of() : Map.copyOf(headers);
  }

  public int status() { return status; }
  public String type() { return type; }
  public String title() { return title; }
  public String detail() { return getMessage(); }
  public List<FieldError> errors() { return errors; }
  public Map<String, String> headers() { return headers; }

  public static final class NotFound extends ApiException {
    public NotFound(String detail) { super(404, "not-found", "Not Found", detail, null, null); }
  }

  public static final class Conflict extends ApiException {
    public Conflict(String detail) { super(409, "conflict", "Conflict", detail, null, null); }
  }

  public static final class Invalid extends ApiException {
    public Invalid(String detail) { this(detail, List.of()); }
    public Invalid(String detail, List<FieldError> errors) {
      super(400, "validation", "Invalid request", detail, errors, null);
    }
    public static Invalid field(String field, String message) {
      return new Invalid(field + ": " + message, List.of(new FieldError(field, message)));
    }
  }

  /** The request is well formed but cannot be processed (e.g. a corrupt or encrypted file). */
  public static final class Unprocessable extends ApiException {
    public Unprocessable(String detail) { super(422, "unprocessable", "Unprocessable content", detail, null, null); }
  }

  public static final class Unauthorized extends ApiException {
    public Unauthorized(String detail) {
      super(401, "unauthorized", "Unauthorized", detail, null, Map.of("WWW-Authenticate", "Bearer"));
    }
  }

  public static final class Forbidden extends ApiException {
    public Forbidden(String detail) { super(403, "forbidden", "Forbidden", detail, null, null); }
  }

  /** A rate limit was reached: the same answer whoever the caller is, and when to try again. */
  public static final class TooManyRequests extends ApiException {
    public TooManyRequests(String detail, long retryAfterSeconds) {
      super(429, "rate-limited", "Too many requests", detail, null,
          Map.of("Retry-After", Long.toString(Math.max(1, retryAfterSeconds))));
    }
  }

  public static final class TooLarge extends ApiException {
    public TooLarge(String detail) { super(413, "too-large", "Content too large", detail, null, null); }
  }

  /** The request line (method, path, query) is longer than the server reads. */
  public static final class UriTooLong extends ApiException {
    public UriTooLong(String detail) { super(414, "uri-too-long", "URI too long", detail, null, null); }
  }

  /** The request headers are larger than the server reads. */
  public static final class HeadersTooLarge extends ApiException {
    public HeadersTooLarge(String detail) {
      super(431, "headers-too-large", "Request header fields too large", detail, null, null);
    }
  }

  public static final class UnsupportedType extends ApiException {
    public UnsupportedType(String detail) {
      super(415, "unsupported-media-type", "Unsupported media type", detail, null, null);
    }
  }

  /** A bounded queue is full: the client should come back later. */
  public static final class Overloaded extends ApiException {
    public Overloaded(String detail, long retryAfterSeconds) {
      super(503, "overloaded", "Service overloaded", detail, null,
          Map.of("Retry-After", Long.toString(Math.max(1, retryAfterSeconds))));
    }
  }

  /** A dependency (database, another service) cannot be reached. */
  public static final class Unavailable extends ApiException {
    public Unavailable(String detail) {
      super(503, "unavailable", "Service unavailable", detail, null, Map.of("Retry-After", "2"));
    }
  }

  /** Another service did not answer in time. */
  public static final class Timeout extends ApiException {
    public Timeout(String detail) { super(504, "timeout", "Upstream timeout", detail, null, null); }
  }
}
