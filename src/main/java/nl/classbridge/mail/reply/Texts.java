package nl.classbridge.mail.reply;

import java.util.List;
import java.util.regex.Pattern;

/** Small text helpers of the reply parser. */
final class Texts {

    // LRM, RLM, ALM and the embedding, override and isolate controls: Arabic mail is full of them.
    private static final Pattern BIDI_CONTROLS =
            Pattern.compile("[\u200B\u200E\u200F\u061C\u202A-\u202E\u2060-\u2064\u2066-\u2069\uFEFF]");

    private Texts() {}

    /** {@code text} with Arabic-Indic and Persian digits as ASCII digits, one for one (the length stays). */
    static String asciiDigits(String text) {
        StringBuilder out = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if ((c >= '\u0660' && c <= '\u0669') || (c >= '\u06F0' && c <= '\u06F9')) {
                if (out == null) {
                    out = new StringBuilder(text);
                }
                out.setCharAt(i, (char) ('0' + Character.digit(c, 10)));
            }
        }
        return out == null ? text : out.toString();
    }

    /** {@code text} without Arabic vowel marks and tatweel, for comparing words. */
    static String withoutHarakat(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            if (!harakat(text.charAt(i))) {
                out.append(text.charAt(i));
            }
        }
        return out.toString();
    }

    /** Where in {@code text} the character stands that is at {@code index} in {@link #withoutHarakat}'s result. */
    static int indexBeforeHarakatRemoval(String text, int index) {
        int kept = 0;
        for (int i = 0; i < text.length(); i++) {
            if (kept == index) {
                return i;
            }
            if (!harakat(text.charAt(i))) {
                kept++;
            }
        }
        return text.length();
    }

    // Arabic short vowels, tanween, shadda and the tatweel: written or left out at will ("شكراً" = "شكرا").
    private static boolean harakat(char c) {
        return (c >= '\u064B' && c <= '\u065F') || c == '\u0670' || c == '\u0640';
    }

    static String withoutBidiControls(String text) {
        return BIDI_CONTROLS.matcher(text).replaceAll("");
    }

    /** The lines as one text, without blank lines at the ends and with runs of them made one. */
    static String joinParagraphs(List<String> lines) {
        StringBuilder out = new StringBuilder();
        boolean blank = false;
        for (String line : lines) {
            if (line.isBlank()) {
                blank = out.length() > 0;
                continue;
            }
            if (out.length() > 0) {
                out.append(blank ? "\n\n" : "\n");
            }
            out.append(line.strip());
            blank = false;
        }
        return out.toString();
    }
}
