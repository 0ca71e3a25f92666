package org.jobdash.ai.provider;

/** A remote chat model's answer and what it cost in tokens. */
public record ChatReply(String text, int inputTokens, int outputTokens) {}
