package dev.herald.ingest;

/** Fetching or reading a source failed; {@link #reason()} says why in a few words. */
public final class FetchException extends Exception {

  private final String url;
  private final String reason;

  /** Creates the exception for {@code url} with a short reason. */
  public FetchException(String url, String reason) {
    super(url + ": " + reason);
    this.url = url;
    this.reason = reason;
  }

  /** The URL that failed. */
  public String url() {
    return url;
  }

  /** Why, in a few words. */
  public String reason() {
    return reason;
  }
}
