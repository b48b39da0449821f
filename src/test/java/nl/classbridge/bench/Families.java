package nl.classbridge.bench;

import nl.classbridge.checkin.Conversations;
import nl.classbridge.checkin.Reply;
import nl.classbridge.checkin.Step;
import nl.classbridge.checkin.questionnaire.Question;
import nl.classbridge.domain.AnswerSource;
import nl.classbridge.domain.CheckinRequest;

/** How the benchmarks' simulated families answer a check-in: every question, through the real conversation. */
public final class Families {
    private Families() {}

    /** A family answers every question of a request in DMs, then presses Done. */
    public static void answerAll(Conversations conversations, CheckinRequest request) {
        Reply reply = conversations.begin(request.id(), request.guardianId());
        while (reply instanceof Reply.Show show && show.step() instanceof Step.Ask ask) {
            Question question = ask.question();
            reply = conversations.answer(
                    request.id(),
                    request.guardianId(),
                    question.id(),
                    answer(question, request),
                    AnswerSource.DISCORD_BUTTON);
        }
        if (!(reply instanceof Reply.Show)) {
            throw new IllegalStateException("an answer was not taken: " + reply);
        }
        conversations.finish(request.id(), request.guardianId());
    }

    private static String answer(Question question, CheckinRequest request) {
        return switch (question.type()) {
            case SCALE -> String.valueOf(2 + (int) (request.id() % 4));
            // One family in eight would like to talk with the teacher.
            case YES_NO -> question.id().equals("talk") && request.id() % 8 != 0 ? "no" : "yes";
            case CHOICE ->
                question.options()
                        .get((int) (request.id() % question.options().size()))
                        .id();
            default ->
                switch (question.id()) {
                    case "talk-about" ->
                        "Hoe het met rekenen gaat, en of hij in de pauze iemand heeft om mee te spelen.";
                    case "going-well-at-home" -> "Hij leest uit zichzelf, elke avond een stukje, en helpt zijn zusje.";
                    case "child-about-school" -> "Dat gym leuk is en dat de tafels moeilijk zijn.";
                    default -> "Het gaat goed; hij vertelt thuis veel over de klas en speelt graag buiten.";
                };
        };
    }
}
