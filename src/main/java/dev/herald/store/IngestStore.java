package dev.herald.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Reads and writes the ingest tables of the {@link StateDb}: source state, seen items, articles and stories. */
public final class IngestStore {

  /** A stored fingerprint and the story it belongs to. */
  public record Fingerprint(String storyId, long simhash) {}

  private final StateDb db;

  /** Creates a store over an open database. */
  public IngestStore(StateDb db) {
    this.db = db;
  }

  /** The fetch state of a source, if it was ever tried. */
  public Optional<SourceState> sourceState(String url) {
    List<SourceState> l = queryStates("SELECT * FROM source_state WHERE url=?", url);
    return l.isEmpty() ? Optional.empty() : Optional.of(l.get(0));
  }

  /** The fetch state of every source ever tried. */
  public List<SourceState> sourceStates() {
    return queryStates("SELECT * FROM source_state ORDER BY url");
  }

  /** Records a successful fetch with its new validators and the number of articles it indexed. */
  public void recordSuccess(String url, String etag, String lastModified, Instant now, Instant next, int newItems) {
    update("""
        INSERT INTO source_state(url, etag, last_modified, last_attempt, last_success, consecutive_failures, last_error, next_attempt, items)
        VALUES(?,?,?,?,?,0,NULL,?,?)
        ON CONFLICT(url) DO UPDATE SET etag=excluded.etag, last_modified=excluded.last_modified,
          last_attempt=excluded.last_attempt, last_success=excluded.last_success, consecutive_failures=0,
          last_error=NULL, next_attempt=excluded.next_attempt, items=source_state.items+excluded.items""",
        url, etag, lastModified, now.toEpochMilli(), now.toEpochMilli(), next.toEpochMilli(), newItems);
  }

  /** Records a failed fetch; returns the number of consecutive failures including this one. */
  public int recordFailure(String url, String reason, Instant now, Instant next) {
    update("""
        INSERT INTO source_state(url, last_attempt, consecutive_failures, last_error, next_attempt)
        VALUES(?,?,1,?,?)
        ON CONFLICT(url) DO UPDATE SET last_attempt=excluded.last_attempt,
          consecutive_failures=source_state.consecutive_failures+1, last_error=excluded.last_error,
          next_attempt=excluded.next_attempt""",
        url, now.toEpochMilli(), reason, next.toEpochMilli());
    return sourceState(url).map(SourceState::consecutiveFailures).orElse(1);
  }

  /** Returns whether a feed item was already taken in. */
  public boolean isSeen(String sourceUrl, String itemKey) {
    synchronized (db.lock()) {
      try (PreparedStatement ps = db.connection().prepareStatement("SELECT 1 FROM seen_item WHERE source_url=? AND item_key=?")) {
        ps.setString(1, sourceUrl);
        ps.setString(2, itemKey);
        try (ResultSet rs = ps.executeQuery()) {
          return rs.next();
        }
      } catch (SQLException e) {
        db.failed(e);
        throw new StoreException("cannot read seen items", e);
      }
    }
  }

  /** The article stored under a canonical URL, if any. */
  public Optional<StoredArticle> articleByUrl(String canonicalUrl) {
    List<StoredArticle> l = queryArticles("SELECT * FROM article WHERE canonical_url=?", canonicalUrl);
    return l.isEmpty() ? Optional.empty() : Optional.of(l.get(0));
  }

  /** Every stored fingerprint, to warm the near-duplicate detector. */
  public List<Fingerprint> fingerprints() {
    synchronized (db.lock()) {
      try (PreparedStatement ps = db.connection().prepareStatement("SELECT story_id, simhash FROM article WHERE indexed=1");
           ResultSet rs = ps.executeQuery()) {
        List<Fingerprint> out = new ArrayList<>();
        while (rs.next()) {
          out.add(new Fingerprint(rs.getString(1), rs.getLong(2)));
        }
        return out;
      } catch (SQLException e) {
        db.failed(e);
        throw new StoreException("cannot read fingerprints", e);
      }
    }
  }

  /** Stores taken-in articles and marks feed items seen, all in one transaction. */
  public void saveBatch(String sourceUrl, List<StoredArticle> articles, List<String> seenKeys, Instant now) {
    synchronized (db.lock()) {
      Connection c = db.connection();
      try {
        c.setAutoCommit(false);
        try (PreparedStatement a = c.prepareStatement("INSERT INTO article VALUES(?,?,?,?,?,?,?,?,?,?) ON CONFLICT DO NOTHING");
             PreparedStatement s = c.prepareStatement("INSERT INTO seen_item VALUES(?,?,?) ON CONFLICT DO NOTHING")) {
          for (StoredArticle x : articles) {
            a.setString(1, x.canonicalUrl());
            a.setString(2, x.articleId());
            a.setString(3, x.storyId());
            a.setString(4, x.outlet());
            a.setString(5, x.title());
            a.setString(6, x.language());
            a.setLong(7, x.published().toEpochMilli());
            a.setLong(8, x.firstSeen().toEpochMilli());
            a.setLong(9, x.simhash());
            a.setInt(10, x.indexed() ? 1 : 0);
            a.addBatch();
          }
          a.executeBatch();
          for (String k : seenKeys) {
            s.setString(1, sourceUrl);
            s.setString(2, k);
            s.setLong(3, now.toEpochMilli());
            s.addBatch();
          }
          s.executeBatch();
        }
        c.commit();
      } catch (SQLException e) {
        try {
          c.rollback();
        } catch (SQLException ignored) {
          // the original failure is the one worth reporting
        }
        throw new StoreException("cannot save articles from " + sourceUrl, e);
      } finally {
        try {
          c.setAutoCommit(true);
        } catch (SQLException e) {
          throw new StoreException("cannot reset auto-commit", e);
        }
      }
    }
  }

  /** The story an article belongs to (by article id), with every outlet copy earliest first. */
  public Optional<Story> storyOf(String articleId) {
    List<StoredArticle> self = queryArticles("SELECT * FROM article WHERE article_id=?", articleId);
    if (self.isEmpty()) {
      return Optional.empty();
    }
    String storyId = self.get(0).storyId();
    return Optional.of(new Story(storyId,
        queryArticles("SELECT * FROM article WHERE story_id=? ORDER BY published, first_seen, canonical_url", storyId)));
  }

  /** Adds or replaces a run-time source. */
  public void addSource(AddedSource s) {
    update("""
        INSERT INTO added_source(url, kind, outlet, language, interval_minutes, trusted, added_by, added_at, seq)
        VALUES(?,?,?,?,?,?,?,?,(SELECT COALESCE(MAX(seq), 0)+1 FROM added_source))
        ON CONFLICT(url) DO UPDATE SET kind=excluded.kind, outlet=excluded.outlet, language=excluded.language,
          interval_minutes=excluded.interval_minutes, trusted=excluded.trusted, added_by=excluded.added_by,
          added_at=excluded.added_at, seq=excluded.seq""",
        s.url(), s.kind(), s.outlet(), s.language(), s.intervalMinutes(), s.trusted() ? 1 : 0, s.addedBy(),
        s.addedAt().toEpochMilli());
  }

  /** Removes a run-time source; returns whether there was one. */
  public boolean removeSource(String url) {
    return update("DELETE FROM added_source WHERE url=?", url) > 0;
  }

  /** Every run-time source, oldest first. */
  public List<AddedSource> addedSources() {
    synchronized (db.lock()) {
      try (PreparedStatement ps = db.connection().prepareStatement("SELECT * FROM added_source ORDER BY added_at, seq, url");
           ResultSet rs = ps.executeQuery()) {
        List<AddedSource> out = new ArrayList<>();
        while (rs.next()) {
          int interval = rs.getInt("interval_minutes");
          out.add(new AddedSource(rs.getString("url"), rs.getString("kind"), rs.getString("outlet"),
              rs.getString("language"), rs.wasNull() ? null : interval, rs.getInt("trusted") == 1,
              rs.getString("added_by"), Instant.ofEpochMilli(rs.getLong("added_at"))));
        }
        return out;
      } catch (SQLException e) {
        db.failed(e);
        throw new StoreException("cannot read added sources", e);
      }
    }
  }

  /** Returns whether a local file was already taken in with this modification time and size. */
  public boolean isFileSeen(String path, long modified, long size) {
    synchronized (db.lock()) {
      try (PreparedStatement ps = db.connection().prepareStatement("SELECT 1 FROM seen_file WHERE path=? AND modified=? AND size=?")) {
        ps.setString(1, path);
        ps.setLong(2, modified);
        ps.setLong(3, size);
        try (ResultSet rs = ps.executeQuery()) {
          return rs.next();
        }
      } catch (SQLException e) {
        db.failed(e);
        throw new StoreException("cannot read seen files", e);
      }
    }
  }

  /** Remembers a local file as taken in. */
  public void markFileSeen(String path, long modified, long size) {
    update("INSERT INTO seen_file VALUES(?,?,?) ON CONFLICT(path) DO UPDATE SET modified=excluded.modified, size=excluded.size", path, modified, size);
  }

  private int update(String sql, Object... args) {
    synchronized (db.lock()) {
      try (PreparedStatement ps = db.connection().prepareStatement(sql)) {
        for (int i = 0; i < args.length; i++) {
          ps.setObject(i + 1, args[i]);
        }
        return ps.executeUpdate();
      } catch (SQLException e) {
        db.failed(e);
        throw new StoreException("state database update failed", e);
      }
    }
  }

  private List<SourceState> queryStates(String sql, Object... args) {
    synchronized (db.lock()) {
      try (PreparedStatement ps = db.connection().prepareStatement(sql)) {
        for (int i = 0; i < args.length; i++) {
          ps.setObject(i + 1, args[i]);
        }
        try (ResultSet rs = ps.executeQuery()) {
          List<SourceState> out = new ArrayList<>();
          while (rs.next()) {
            out.add(new SourceState(rs.getString("url"), rs.getString("etag"), rs.getString("last_modified"),
                instant(rs, "last_attempt"), instant(rs, "last_success"), rs.getInt("consecutive_failures"),
                rs.getString("last_error"), instant(rs, "next_attempt"), rs.getInt("items")));
          }
          return out;
        }
      } catch (SQLException e) {
        db.failed(e);
        throw new StoreException("cannot read source state", e);
      }
    }
  }

  private List<StoredArticle> queryArticles(String sql, Object... args) {
    synchronized (db.lock()) {
      try (PreparedStatement ps = db.connection().prepareStatement(sql)) {
        for (int i = 0; i < args.length; i++) {
          ps.setObject(i + 1, args[i]);
        }
        try (ResultSet rs = ps.executeQuery()) {
          List<StoredArticle> out = new ArrayList<>();
          while (rs.next()) {
            out.add(new StoredArticle(rs.getString("canonical_url"), rs.getString("article_id"), rs.getString("story_id"),
                rs.getString("outlet"), rs.getString("title"), rs.getString("language"),
                Instant.ofEpochMilli(rs.getLong("published")), Instant.ofEpochMilli(rs.getLong("first_seen")),
                rs.getLong("simhash"), rs.getInt("indexed") == 1));
          }
          return out;
        }
      } catch (SQLException e) {
        db.failed(e);
        throw new StoreException("cannot read articles", e);
      }
    }
  }

  private static Instant instant(ResultSet rs, String column) throws SQLException {
    long v = rs.getLong(column);
    return rs.wasNull() ? null : Instant.ofEpochMilli(v);
  }
}
