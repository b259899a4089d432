package dev.herald.question;

import java.time.Instant;

/**
 * What a question asks for, made once by {@link QuestionRouter} and dispatched in one place: a fact, who
 * said some words, what someone said (about something), the latest on a topic, a timeline, or a digest.
 */
public sealed interface Intent {

  /** The intent's short name, as reported in answers and logs ("fact", "who-said", …). */
  String name();

  /**
   * A question about a fact.
   *
   * @param expected the kind of span that answers it
   * @param head for {@link AnswerType#NAMED}, the noun of "which X" ("team"), else {@code null}
   * @param plan whether it asks about something planned ("will … meet"), not something past
   * @param explain whether it asks for an explanation ("why", "how", "explain"), which gets a longer answer
   * @param change whether it asks about a change ("how much did prices rise?"), which a percentage may answer
   * @param verb when the question asks for the doer of an action ("which team won …?", "who resigned?"),
   *     the verb as asked ("won"), else {@code null}
   */
  record Fact(AnswerType expected, String head, boolean plan, boolean explain, boolean change, String verb) implements Intent {

    /** A fact question that asks about no change and no doer. */
    public Fact(AnswerType expected, String head, boolean plan, boolean explain) {
      this(expected, head, plan, explain, false, null);
    }

    @Override
    public String name() {
      return "fact";
    }
  }

  /** "Who said …?": the words to find. */
  record WhoSaid(String words) implements Intent {
    @Override
    public String name() {
      return "who-said";
    }
  }

  /** "What did X say (about Y)?": the speaker as asked, and the topic or {@code null}. */
  record WhatDidXSay(String speaker, String topic) implements Intent {
    @Override
    public String name() {
      return "what-did-x-say";
    }
  }

  /**
   * "What's new on X?", "latest on X": the topic and the window's start the question names, or
   * {@code null} when it names none (then the newest developments count, whatever their age).
   */
  record Latest(String topic, Instant since) implements Intent {
    @Override
    public String name() {
      return "latest";
    }
  }

  /** "Timeline of X", "how did X develop?": the topic. */
  record Timeline(String topic) implements Intent {
    @Override
    public String name() {
      return "timeline";
    }
  }

  /** "Digest of X since …": the topic and the window's start, or {@code null} for the default window. */
  record Digest(String topic, Instant since) implements Intent {
    @Override
    public String name() {
      return "digest";
    }
  }
}
