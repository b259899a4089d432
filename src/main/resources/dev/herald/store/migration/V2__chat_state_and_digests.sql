-- Every table holding something about a chat has a chat_id column, so that /forget can find it all.
CREATE TABLE chat_settings(chat_id BIGINT PRIMARY KEY, zone TEXT NOT NULL, updated BIGINT NOT NULL);

CREATE TABLE chat_memory(chat_id BIGINT PRIMARY KEY, words TEXT NOT NULL, at BIGINT NOT NULL);

CREATE TABLE topic_asked(
  chat_id BIGINT NOT NULL, topic_key TEXT NOT NULL, at BIGINT NOT NULL, PRIMARY KEY(chat_id, topic_key));

CREATE TABLE subscription(
  id ${id}, chat_id BIGINT NOT NULL, grp BIGINT NOT NULL,
  topic TEXT NOT NULL, topic_key TEXT NOT NULL, schedule TEXT NOT NULL,
  covered_until BIGINT NOT NULL, next_due BIGINT NOT NULL, created BIGINT NOT NULL,
  UNIQUE(chat_id, topic_key));

CREATE INDEX subscription_due ON subscription(next_due);

CREATE TABLE delivery(
  subscription_id BIGINT NOT NULL, chat_id BIGINT NOT NULL, due BIGINT NOT NULL,
  state TEXT NOT NULL, as_of BIGINT NOT NULL, attempts BIGINT NOT NULL DEFAULT 0,
  claimed BIGINT NOT NULL, finished BIGINT, items BIGINT,
  PRIMARY KEY(subscription_id, due));

CREATE INDEX delivery_chat ON delivery(chat_id);
