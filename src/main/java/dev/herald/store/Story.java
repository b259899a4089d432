package dev.herald.store;

import java.util.List;

/**
 * One news story and every outlet copy of it, earliest first.
 *
 * @param id the id of the indexed article that represents it
 * @param members every copy, ordered by publication time
 */
public record Story(String id, List<StoredArticle> members) {

  /** The distinct outlets that carried the story, earliest first. */
  public List<String> outlets() {
    return members.stream().map(StoredArticle::outlet).distinct().toList();
  }
}
