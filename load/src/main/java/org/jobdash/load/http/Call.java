package org.jobdash.load.http;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;

/**
 * One HTTP request: method, path under the target, bearer token (or null), JSON body (or null), and the status
 * that counts as success.
 */
public record Call(HttpMethod method, String path, String bearer, Buffer body, int expected) {

  public static Call get(String path, String bearer) {
    return new Call(HttpMethod.GET, path, bearer, null, 200);
  }

  public static Call post(String path, String bearer, Buffer body, int expected) {
    return new Call(HttpMethod.POST, path, bearer, body, expected);
  }
}
