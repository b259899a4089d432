package dev.herald.question;

/** The kind of span a fact question asks for, read from its question word ("who", "where", "how many", "which team"). */
public enum AnswerType {
  /** "Who …?": a person (or a team, party or organisation acting as one). */
  PERSON,
  /** "Where …?", "in which city …?": a place. */
  PLACE,
  /** "When …?", "on which day …?": a date, day or time. */
  TIME,
  /** "How much / how many …?", "what percentage …?": a number, amount or percentage. */
  NUMBER,
  /** "Which team / company / show …?": a named thing of that kind. */
  NAMED,
  /** "Why …?": a reason. */
  REASON,
  /** Anything else ("what happened …?", "how did …?"): a description, no span. */
  DESCRIPTION
}
