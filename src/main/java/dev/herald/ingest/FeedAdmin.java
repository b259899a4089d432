package dev.herald.ingest;

import dev.herald.store.AddedSource;
import dev.herald.store.IngestStore;
import dev.herald.store.SourceState;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The operator API behind the bot's {@code /feeds}, {@code /addfeed URL} and {@code /removefeed URL}, and
 * {@code herald feeds}: lists sources with their state, adds and removes run-time sources. URLs added
 * through {@link #add} are untrusted and pass the SSRF guard; configured sources are edited in the file.
 */
public final class FeedAdmin {

  private final List<Source> configured;
  private final IngestStore store;
  private final AddressGuard guard;
  private final Clock clock;

  /** Creates the admin over the configured sources and the state store. */
  public FeedAdmin(List<Source> configured, IngestStore store, AddressGuard guard, Clock clock) {
    this.configured = List.copyOf(configured);
    this.store = store;
    this.guard = guard;
    this.clock = clock;
  }

  /** Every source in force: configured ones first, then those added at run time. */
  public List<Source> sources() {
    List<Source> out = new ArrayList<>(configured);
    for (AddedSource a : store.addedSources()) {
      if (configured.stream().noneMatch(c -> c.location().equals(a.url()))) {
        out.add(new Source(SourceKind.valueOf(a.kind().toUpperCase(java.util.Locale.ROOT)), a.url(), a.outlet(), a.language(),
            a.intervalMinutes() == null ? null : Duration.ofMinutes(a.intervalMinutes()), a.trusted()));
      }
    }
    return out;
  }

  /** Every source with its fetch state, for {@code /feeds}. */
  public List<FeedStatus> list() {
    Map<String, SourceState> states = new HashMap<>();
    for (SourceState s : store.sourceStates()) {
      states.put(s.url(), s);
    }
    Map<String, String> origins = new HashMap<>();
    for (AddedSource a : store.addedSources()) {
      origins.put(a.url(), a.trusted() ? "opml" : "added");
    }
    List<FeedStatus> out = new ArrayList<>();
    for (Source s : sources()) {
      out.add(new FeedStatus(s, origins.getOrDefault(s.location(), "config"), states.get(s.location())));
    }
    return out;
  }

  /**
   * Adds a feed named by a chat user ({@code /addfeed}): checked by the SSRF guard now, and at every
   * fetch, since an address can change.
   *
   * @throws FetchException when the URL is malformed, not http(s), or reaches an internal address
   */
  public Source add(String url, String addedBy) throws FetchException {
    URI uri;
    try {
      uri = new URI(url.strip());
    } catch (URISyntaxException e) {
      throw new FetchException(url, "malformed URL (" + e.getReason() + ")");
    }
    guard.check(uri);
    Source s = new Source(SourceKind.FEED, uri.toString(), null, null, null, false);
    Optional<Source> existing = sources().stream().filter(x -> x.location().equals(s.location())).findFirst();
    if (existing.isPresent()) {
      return existing.get();
    }
    store.addSource(new AddedSource(s.location(), "feed", null, null, null, false, addedBy, clock.instant()));
    return s;
  }

  /** Adds operator-named (trusted) sources, such as an OPML import; returns how many were new. */
  public int addTrusted(List<Source> sources, String addedBy) {
    int n = 0;
    List<Source> known = sources();
    for (Source s : sources) {
      if (known.stream().anyMatch(k -> k.location().equals(s.location()))) {
        continue;
      }
      store.addSource(new AddedSource(s.location(), s.kind().name().toLowerCase(java.util.Locale.ROOT), s.outlet(),
          s.language(), s.interval() == null ? null : (int) s.interval().toMinutes(), true, addedBy, clock.instant()));
      n++;
    }
    return n;
  }

  /**
   * Removes a run-time source ({@code /removefeed}); returns a message saying what happened, since a
   * configured source can only be removed from the config file.
   */
  public String remove(String url) {
    String u = url.strip();
    if (store.removeSource(u)) {
      return "Removed " + u + ".";
    }
    if (configured.stream().anyMatch(c -> c.location().equals(u))) {
      return u + " is set in config/herald.yaml; remove it there.";
    }
    return "No source " + u + ".";
  }
}
