-- Several bot instances on one database. An instance row is kept fresh by its heartbeat; a claim whose
-- holder's heartbeat has gone stale (the process died) may be taken over by another instance.
CREATE TABLE instance(id TEXT PRIMARY KEY, host TEXT, started BIGINT NOT NULL, heartbeat BIGINT NOT NULL);

-- One row per Telegram update taken in by any instance: the primary key makes the claim unique, the
-- payload lets another instance answer it when its holder dies before done is set. chat_id lets /forget
-- scrub it.
CREATE TABLE update_claim(
  bot_id BIGINT NOT NULL, update_id BIGINT NOT NULL, chat_id BIGINT, payload TEXT NOT NULL,
  holder TEXT NOT NULL, claimed BIGINT NOT NULL, done BIGINT,
  PRIMARY KEY(bot_id, update_id));

CREATE INDEX update_claim_open ON update_claim(done, claimed);

CREATE INDEX update_claim_chat ON update_claim(chat_id);

-- Named leases (the ingester): held by one instance until it expires unrenewed.
CREATE TABLE lease(name TEXT PRIMARY KEY, holder TEXT NOT NULL, expires BIGINT NOT NULL);

-- Which instance is sending a claimed digest.
ALTER TABLE delivery ADD COLUMN holder TEXT;

-- Run-time sources are listed in the order they were added. SQLite kept that order in its rowid, which
-- PostgreSQL does not have; ${row_order} is that rowid on SQLite.
ALTER TABLE added_source ADD COLUMN seq BIGINT;

UPDATE added_source SET seq=${row_order};
