package org.jobdash.load.attack;

import io.vertx.core.http.HttpMethod;

/** One hostile request, sent as is: its name in reports, the request line, its body and the caller's token. */
public record HostileRequest(String name, HttpMethod method, String path, String contentType, byte[] body,
                             String bearer) {}
