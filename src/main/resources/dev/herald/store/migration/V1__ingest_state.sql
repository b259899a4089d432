-- Ingest state. Every migration runs on SQLite and PostgreSQL alike: BIGINT and DOUBLE PRECISION have the
-- same meaning in both, and ${id} is the one phrase that differs (an auto-numbered primary key).
CREATE TABLE source_state(
  url TEXT PRIMARY KEY, etag TEXT, last_modified TEXT,
  last_attempt BIGINT, last_success BIGINT,
  consecutive_failures BIGINT NOT NULL DEFAULT 0, last_error TEXT,
  next_attempt BIGINT, items BIGINT NOT NULL DEFAULT 0);

CREATE TABLE seen_item(
  source_url TEXT NOT NULL, item_key TEXT NOT NULL, first_seen BIGINT NOT NULL,
  PRIMARY KEY(source_url, item_key));

CREATE TABLE article(
  canonical_url TEXT PRIMARY KEY, article_id TEXT NOT NULL, story_id TEXT NOT NULL,
  outlet TEXT NOT NULL, title TEXT, language TEXT, published BIGINT NOT NULL,
  first_seen BIGINT NOT NULL, simhash BIGINT NOT NULL, indexed BIGINT NOT NULL);

CREATE INDEX article_story ON article(story_id);

CREATE INDEX article_id ON article(article_id);

CREATE TABLE added_source(
  url TEXT PRIMARY KEY, kind TEXT NOT NULL, outlet TEXT, language TEXT,
  interval_minutes BIGINT, trusted BIGINT NOT NULL, added_by TEXT, added_at BIGINT NOT NULL);

CREATE TABLE seen_file(path TEXT PRIMARY KEY, modified BIGINT NOT NULL, size BIGINT NOT NULL);
