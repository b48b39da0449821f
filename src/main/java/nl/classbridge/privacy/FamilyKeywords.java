package nl.classbridge.privacy;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import nl.classbridge.checkin.questionnaire.ReplyWords;
import nl.classbridge.domain.Language;
import nl.classbridge.messages.Messages;

/**
 * The words with which a family asks for something by email ({@code email.keywords} in the
 * catalogue, shown in the footer of every mail): their preferences, their data, being forgotten.
 * A keyword counts in any of the six languages and in any case, accents optional, when it opens
 * the reply; what follows it (on its line and below) is the request's detail, such as a code.
 */
public final class FamilyKeywords {
    /** What a keyword asks for; the name is the key under {@code email.keywords}. */
    public enum Keyword {
        PREFERENCES("preferences"),
        MY_DATA("my-data"),
        FORGET_ME("forget-me");

        private final String key;

        Keyword(String key) {
            this.key = key;
        }

        public String key() {
            return key;
        }
    }

    /**
     * A reply that opens with a keyword.
     *
     * @param detail the rest of the reply after the keyword, as written (may be empty)
     */
    public record Request(Keyword keyword, String detail) {}

    private record Known(Keyword keyword, List<String> words) {}

    /** Every language's keywords, longest first: "MY DATA" must win over a shorter match. */
    private final List<Known> known;

    private final Messages messages;

    public FamilyKeywords(Messages messages) {
        this.messages = messages;
        List<Known> all = new ArrayList<>();
        for (Keyword keyword : Keyword.values()) {
            for (Language language : Language.values()) {
                String simplified = ReplyWords.simplify(word(keyword, language));
                if (!simplified.isEmpty()) {
                    all.add(new Known(keyword, List.of(simplified.split(" "))));
                }
            }
        }
        all.sort(Comparator.comparingInt((Known k) -> k.words().size()).reversed());
        this.known = List.copyOf(all);
    }

    /** The keyword as the footer shows it in {@code language} (English where a text lacks it). */
    public String word(Keyword keyword, Language language) {
        return messages.text(
                        "email.keywords." + keyword.key(),
                        messages.chain(Optional.of(language), Optional.empty()),
                        Map.of())
                .words();
    }

    /** The request a reply opens with, if it opens with a keyword. */
    public Optional<Request> of(String reply) {
        String text = reply.strip();
        int lineEnd = text.indexOf('\n');
        String firstLine = lineEnd < 0 ? text : text.substring(0, lineEnd);
        String below = lineEnd < 0 ? "" : text.substring(lineEnd + 1);
        List<String> written = List.of(firstLine.strip().split("\\s+"));
        for (Known candidate : known) {
            int n = candidate.words().size();
            if (written.size() < n) {
                continue;
            }
            String opening = ReplyWords.simplify(String.join(" ", written.subList(0, n)));
            if (opening.equals(String.join(" ", candidate.words()))) {
                String rest = String.join(" ", written.subList(n, written.size()));
                String detail = (rest + "\n" + below).strip();
                return Optional.of(new Request(candidate.keyword(), detail));
            }
        }
        return Optional.empty();
    }
}
