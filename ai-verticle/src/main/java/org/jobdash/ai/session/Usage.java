package org.jobdash.ai.session;

/**
 * What one AI operation used: the model that produced the result and its provider, tokens in and out, and —
 * when a remote model was asked first and failed — that model and its error (the result then came from the
 * fallback).
 */
public record Usage(String model, String provider, int inputTokens, int outputTokens, String failedModel,
                    String failedProvider, String remoteError) {

  public static Usage local(String model, int inputTokens, int outputTokens) {
    return new Usage(model, "local", inputTokens, outputTokens, null, null, null);
  }

  public boolean fallbackUsed() {
    return failedModel != null;
  }
}
