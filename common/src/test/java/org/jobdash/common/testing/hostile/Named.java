package org.jobdash.common.testing.hostile;

/** A payload and the short name that failure reports give it (e.g. {@code parens-20000}). */
public record Named<T>(String name, T value) {}
