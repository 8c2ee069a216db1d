package ai.stockclerk.agents;

import ai.stockclerk.engine.Engine;
import org.springframework.context.SmartLifecycle;

/** Registers the agents' handlers and starts the engine once the context is up; stops it first on shutdown. */
final class FlowAgents implements SmartLifecycle {

  private final Engine engine;
  private final Runnable registration;
  private volatile boolean running;

  FlowAgents(Engine engine, Runnable registration) {
    this.engine = engine;
    this.registration = registration;
  }

  @Override
  public synchronized void start() {
    if (!running) {
      registration.run();
      engine.start();
      running = true;
    }
  }

  @Override
  public synchronized void stop() {
    running = false;
    engine.close();
  }

  @Override
  public boolean isRunning() {
    return running;
  }
}
