package dev.herald.question;

/**
 * A question as routed: what was asked, the question it stands for once a follow-up is resolved against
 * the conversation, and its intent.
 *
 * @param asked the words as asked
 * @param question the self-contained question ("and when?" after "Where will X meet?" is "When will X meet?")
 * @param intent what it asks for
 * @param followUp whether it was resolved against the previous question
 * @param previous the conversation's previous question, or {@code null}: a language model may use it too
 */
public record RoutedQuestion(String asked, String question, Intent intent, boolean followUp, String previous) {}
