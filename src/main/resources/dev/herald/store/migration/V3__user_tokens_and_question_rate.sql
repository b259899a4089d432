-- Per-user daily model tokens and the question-rate bucket.
CREATE TABLE user_tokens(
  user_id BIGINT NOT NULL, chat_id BIGINT NOT NULL, day TEXT NOT NULL, tokens BIGINT NOT NULL,
  PRIMARY KEY(user_id, chat_id, day));

CREATE TABLE rate_bucket(
  user_id BIGINT PRIMARY KEY, chat_id BIGINT NOT NULL, tokens DOUBLE PRECISION NOT NULL, at BIGINT NOT NULL);
