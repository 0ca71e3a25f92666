package org.jobdash.load.scenario;

/**
 * What a scenario must show: the service at no less than {@code minRatio} of its floor, and the latency bound
 * that both sides' rates are searched under (the scenario's own goal where the issue gives one). Scenario 6 also
 * requires no blocked-thread warning.
 */
public record Goal(String text, double minRatio, double p99BoundMs, boolean noBlockedThreads) {}
