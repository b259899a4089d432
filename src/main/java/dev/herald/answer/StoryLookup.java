package dev.herald.answer;

import java.util.List;

/**
 * Finds every outlet that carried an indexed article's story, so that syndicated copies (kept out of
 * the index) still count as reports; implemented over the ingest store's stories, or {@link #NONE}.
 */
@FunctionalInterface
public interface StoryLookup {

  /** A lookup that knows no copies: for an index fed only from files. */
  StoryLookup NONE = articleId -> List.of();

  /** The outlets that carried the article's story, earliest first; empty when unknown. */
  List<String> outletsOf(String articleId);
}
