package org.jobdash.load.scenario;

/**
 * Load a scenario sends beside its service side's measured phase (an attack on the service), and what it got back.
 * Started before the phase's warm-up, stopped after its measurement.
 */
public interface Background {

  /** Nothing beside the measured load. */
  Background NONE = new Background() {
    @Override
    public void start() {
    }

    @Override
    public String stop() {
      return null;
    }
  };

  /** Starts sending; returns at once. */
  void start();

  /** Stops sending, waits (boundedly) for what is in flight, and says in one line what was sent and answered. */
  String stop() throws Exception;
}
