package dev.herald.quotes;

/**
 * Who a statement is attributed to.
 *
 * @param name the person or organisation as the article names them (full name where resolvable)
 * @param role their role when the article gives it next to the name ("Kremlin aide"), else {@code null}
 */
public record Speaker(String name, String role) {

  /** Renders "name, role" or just the name. */
  public String describe() {
    return role == null ? name : name + " (" + role + ")";
  }
}
