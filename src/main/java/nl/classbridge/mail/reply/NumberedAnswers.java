package nl.classbridge.mail.reply;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import nl.classbridge.mail.reply.OwnWords.OwnLine;

/**
 * The answers in a parent's words, by question number: "1. 4", "1) Goed", "1: ja", "1 - Heel goed",
 * "Vraag 1: ...", "1.Goed", in Western or Arabic-Indic digits. An answer goes on over the next
 * lines until the next number. Several answers on one line ("1) 4 2) Tekenen") are split when the
 * numbers follow each other. Numbers only count going up: "1." after "3." is part of answer 3 (a
 * list inside an answer), not a new answer 1.
 *
 * <p>What belongs to no number is kept as unnumbered text for the teacher, without an opening
 * greeting ("Hoi juf,"), a lead-in ("Hier mijn antwoorden:") or a closing sign-off
 * ("Groetjes, Fatima"): those are no answer and no reason to say something could not be read.
 */
final class NumberedAnswers {

    record Answers(Map<Integer, String> numbered, String unnumbered) {}

    private static final int FLAGS = Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE;
    private static final String DIGIT = "[0-9\u0660-\u0669\u06F0-\u06F9]";
    private static final String QUESTION_WORD = "(?:vraag|question|q|soru|pytanie|питання|запитання|السؤال|سؤال)";
    // group 1: a word like "Vraag"; 2: the number; 3: the mark after it; 4: the rest of the line.
    private static final Pattern NUMBERED = Pattern.compile(
            "^(" + QUESTION_WORD + "\\s*(?:nr\\.?|no\\.?|№)?\\s*)?(" + DIGIT + "{1,2})(?!" + DIGIT + ")"
                    + "\\s*([.)）:：\\-–—]*)\\s*(.*)$",
            FLAGS);
    // The separator run is matched only from its start (the look-behind), so a long run of spaces is
    // walked once, not once from each of its characters.
    private static final Pattern NEXT_INLINE =
            Pattern.compile("(?:^|(?<![\\s,;،])[\\s,;،]++)(" + DIGIT + "{1,2})\\s*[.):]\\s*(?=\\S)", FLAGS);
    private static final Pattern SINGLE_DIGIT = Pattern.compile("^" + DIGIT + "$");
    private static final Pattern GREETING = Pattern.compile(
            "^(hoi|hallo|hey|hi|hello|beste|lieve|dag|goedemorgen|goedemiddag|goedenavond|geachte|dear|good morning"
                    + "|merhaba|sayın|selam|iyi günler|dzień dobry|witam|cześć|szanowna|szanowny|добрий день|вітаю|привіт"
                    + "|шановна|шановний|مرحبا|السلام عليكم|صباح الخير|مساء الخير|عزيزتي|عزيزي)\\b.{0,40}$",
            FLAGS);
    private static final Pattern LEAD_IN =
            Pattern.compile("^.{0,40}(antwoord|answer|cevap|odpowied|відповід|إجاب|اجاب).{0,30}[:.!]?$", FLAGS);
    private static final Pattern SIGN_OFF = Pattern.compile(
            "^(met )?(vriendelijke |hartelijke |lieve |veel |warme )?(groet(en|jes)?|gr\\.?|mvg|m\\.v\\.g\\.?|liefs"
                    + "|kind regards|best regards|regards|best wishes|cheers|thanks|thank you|bedankt"
                    + "|dank (je|u)( wel)?|saygılarımla|saygılar|teşekkürler|teşekkür ederim|pozdrawiam|z poważaniem"
                    + "|pozdrowienia|dziękuję|з повагою|дякую|мої вітання|مع تحياتي|مع التحية|شكرا|شكرًا|وشكرا)"
                    + "(?<rest>[\\s,.!]+.*)?$",
            FLAGS);
    private static final int SHORT_LINE = 40;
    private static final int MAX_NUMBER = 99;

    private NumberedAnswers() {}

    /** The number a quoted question line starts with ("1. Hoe voelt ..."), for bottom-posted answers. */
    static OptionalInt questionNumber(String line) {
        Matcher m = NUMBERED.matcher(Texts.withoutBidiControls(line).strip());
        if (!m.matches() || m.group(3).isEmpty() || m.group(4).isEmpty()) {
            return OptionalInt.empty();
        }
        int number = value(m.group(2));
        return number >= 1 ? OptionalInt.of(number) : OptionalInt.empty();
    }

    static Answers read(List<OwnLine> own) {
        int first = firstNonBlank(own);
        int end = signOffStart(own);
        if (first >= 0
                && first < end
                && GREETING.matcher(own.get(first).text()).matches()
                && !NUMBERED.matcher(own.get(first).text()).matches()) {
            first++;
        }
        Map<Integer, StringBuilder> numbered = new LinkedHashMap<>();
        List<String> unnumbered = new ArrayList<>();
        int current = 0;
        for (int i = Math.max(first, 0); i < end; i++) {
            String line = own.get(i).text();
            if (line.isBlank()) {
                if (current > 0) {
                    numbered.get(current).append('\n');
                } else {
                    unnumbered.add("");
                }
                continue;
            }
            if (!own.get(i).answerable()) {
                unnumbered.add(line); // perhaps quoted text: for the teacher to read, never an answer
                continue;
            }
            Matcher m = NUMBERED.matcher(line);
            if (m.matches() && accepted(m, current)) {
                current = start(numbered, value(m.group(2)), m.group(4));
                continue;
            }
            OptionalInt quoted = own.get(i).quotedNumber();
            if (quoted.isPresent() && quoted.getAsInt() > current) {
                current = start(numbered, quoted.getAsInt(), line);
                continue;
            }
            if (current > 0) {
                numbered.get(current).append('\n').append(line);
            } else if (!(numbered.isEmpty() && isLeadIn(own, i))) {
                unnumbered.add(line);
            }
        }
        Map<Integer, String> answers = new LinkedHashMap<>();
        numbered.forEach((number, text) ->
                answers.put(number, Texts.joinParagraphs(List.of(text.toString().split("\n", -1)))));
        return new Answers(answers, Texts.joinParagraphs(unnumbered));
    }

    /**
     * Starts answer {@code number} with {@code rest}, splitting off the answers that follow on the
     * same line ("4 2) Tekenen 3) nee"); returns the last number started.
     */
    private static int start(Map<Integer, StringBuilder> numbered, int number, String rest) {
        int current = number;
        String remaining = rest;
        while (true) {
            Matcher next = NEXT_INLINE.matcher(remaining);
            int split = -1;
            while (next.find()) {
                if (next.start() > 0 && value(next.group(1)) == current + 1) {
                    split = next.start();
                    break;
                }
            }
            if (split < 0) {
                break;
            }
            numbered.computeIfAbsent(current, n -> new StringBuilder()).append(remaining, 0, split);
            remaining = remaining.substring(next.end());
            current++;
        }
        StringBuilder answer = numbered.computeIfAbsent(current, n -> new StringBuilder());
        if (answer.length() > 0) {
            answer.append('\n');
        }
        answer.append(remaining);
        return current;
    }

    /** Whether a line that starts with a number starts a new answer, after answer {@code current}. */
    private static boolean accepted(Matcher m, int current) {
        int number = value(m.group(2));
        if (number < 1 || number > MAX_NUMBER || number <= current) {
            return false;
        }
        String mark = m.group(3);
        String rest = m.group(4);
        boolean word = m.group(1) != null;
        boolean next = number == current + 1;
        if (mark.isEmpty()) {
            // "Vraag 2 goed", or "1 4": a number and a scale point. "2 dagen ziek" stays text.
            return word || (next && SINGLE_DIGIT.matcher(rest).matches());
        }
        String line = m.group();
        int afterMark = m.end(3);
        boolean glued = afterMark < line.length() && Character.isDigit(line.charAt(afterMark));
        if (glued && (mark.equals(".") || mark.equals(":"))) {
            // "1.5 uur", "9:30": a decimal or a time, unless it is "1.4" for the next question.
            return next && SINGLE_DIGIT.matcher(rest).matches();
        }
        return true;
    }

    private static int value(String digits) {
        int value = 0;
        for (int i = 0; i < digits.length(); i++) {
            value = value * 10 + Character.digit(digits.charAt(i), 10);
        }
        return value;
    }

    private static boolean isLeadIn(List<OwnLine> own, int i) {
        if (!LEAD_IN.matcher(own.get(i).text()).matches()) {
            return false;
        }
        // Only right before the first answer.
        for (int j = i + 1; j < own.size(); j++) {
            String text = own.get(j).text();
            if (!text.isBlank()) {
                return NUMBERED.matcher(text).matches()
                        || own.get(j).quotedNumber().isPresent();
            }
        }
        return false;
    }

    private static int firstNonBlank(List<OwnLine> own) {
        for (int i = 0; i < own.size(); i++) {
            if (!own.get(i).text().isBlank()) {
                return i;
            }
        }
        return -1;
    }

    /** Where a closing sign-off starts: a short closing line with at most three short lines under it. */
    private static int signOffStart(List<OwnLine> own) {
        int end = own.size();
        int shortLinesBelow = 0;
        for (int i = own.size() - 1; i >= 0 && shortLinesBelow <= 3; i--) {
            String text = own.get(i).text();
            if (text.isBlank()) {
                continue;
            }
            if (text.length() > SHORT_LINE || NUMBERED.matcher(text).matches()) {
                break;
            }
            Matcher m = SIGN_OFF.matcher(text);
            if (m.matches() && wordsIn(m.group("rest")) <= 2) {
                end = i;
                break;
            }
            shortLinesBelow++;
        }
        return end;
    }

    private static int wordsIn(String text) {
        if (text == null || text.isBlank()) {
            return 0;
        }
        return text.strip().replaceAll("^[,.!\\s]+", "").split("\\s+").length;
    }
}
