package dev.herald.metrics;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The checks behind {@code /readyz}: each names a dependency and says what is wrong with it, or nothing
 * when it is fine. Ready means every check passes.
 */
public final class Readiness {

  /** One dependency's check. */
  @FunctionalInterface
  public interface Check {
    /** What is wrong now, or empty when the dependency is usable. */
    Optional<String> problem() throws Exception;
  }

  private final Map<String, Check> checks = new LinkedHashMap<>();

  /** Adds a check under {@code name} (e.g. "index"); returns this. */
  public synchronized Readiness add(String name, Check check) {
    checks.put(name, check);
    return this;
  }

  /** Runs every check and lists the problems as "name: problem"; empty when ready. */
  public List<String> problems() {
    Map<String, Check> now;
    synchronized (this) {
      now = new LinkedHashMap<>(checks);
    }
    List<String> out = new ArrayList<>();
    for (Map.Entry<String, Check> c : now.entrySet()) {
      try {
        c.getValue().problem().ifPresent(p -> out.add(c.getKey() + ": " + p));
      } catch (Exception | LinkageError e) {
        // A check that throws is a failed check: the reason is what the probe reports.
        out.add(c.getKey() + ": " + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()));
      }
    }
    return out;
  }

  /** The names of the checks, in the order they run. */
  public synchronized List<String> names() {
    return List.copyOf(checks.keySet());
  }
}
