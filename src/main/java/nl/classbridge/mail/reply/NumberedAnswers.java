package nl.classbridge.mail.reply;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;
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
    // "Ad 1." is how formal Polish (and older Dutch and German) letters answer point by point.
    private static final String QUESTION_WORD = "(?:vraag|question|q|ad|soru|pytanie|питання|запитання|السؤال|سؤال)";
    // group 1: a word like "Vraag"; 2: the number; 3: the mark after it; 4: the rest of the line.
    private static final Pattern NUMBERED = Pattern.compile(
            "^(" + QUESTION_WORD + "\\s*(?:nr\\.?|no\\.?|№)?\\s*)?(" + DIGIT + "{1,2})(?!" + DIGIT + ")"
                    + "\\s*([.)）:：\\-–—]*)\\s*(.*)$",
            FLAGS);
    // The separator run is matched only from its start (the look-behind), so a long run of spaces is
    // walked once, not once from each of its characters.
    private static final Pattern NEXT_INLINE = Pattern.compile(
            "(?:^|(?<![\\s,;،])[\\s,;،]++)(" + DIGIT + "{1,2})(?:\\s*[.):]|\\s*[-–](?!\\s*" + DIGIT + "))\\s*(?=\\S)",
            FLAGS);
    private static final Pattern SINGLE_DIGIT = Pattern.compile("^" + DIGIT + "$");
    private static final Pattern LEAD_IN =
            Pattern.compile("^.{0,40}(antwoord|answer|cevap|odpowied|відповід|إجاب|اجاب).{0,30}[:.!]?$", FLAGS);
    private static final int SHORT_LINE = 40;
    // What may stand around a name in a closing line: "/Karin", "- Tom", "Fatima."
    /** "and" between two names: "Gary and Louise", "Jan en Mieke". */
    private static final Set<String> AND = Set.of("and", "en", "und", "et", "y", "e", "i", "ve", "і", "и");
    // "Kelly x", "Amy xx": kisses after a name.
    private static final Pattern KISSES = Pattern.compile("\\s+x{1,3}$", Pattern.CASE_INSENSITIVE);
    private static final Pattern NAME_MARKS = Pattern.compile("[-–—/,.!()\\s]+");
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
        return read(own, ReplyForms.standard(), Set.of());
    }

    /**
     * The answers in {@code own}; greetings and sign-offs are known from {@code forms}, and a
     * closing line that is the sender's own name ({@code senderNames}: the words of the From
     * name, in lower case) is a sign-off too.
     */
    static Answers read(List<OwnLine> own, ReplyForms forms, Set<String> senderNames) {
        int first = firstNonBlank(own);
        int end = signOffStart(own, forms, senderNames);
        if (first >= 0
                && first < end
                && forms.isGreeting(own.get(first).text())
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
            OptionalInt quoted = own.get(i).quotedNumber();
            boolean typedNumber = m.matches() && accepted(m, current, numbered.keySet());
            if (quoted.isPresent() && quoted.getAsInt() > current) {
                int question = quoted.getAsInt();
                // Under quoted question 1, "3 - up and down" is answer 1 (a scale point and words);
                // under the last question, "1. Goed" starts the answers from the top.
                if (!typedNumber || value(m.group(2)) > question) {
                    current = start(numbered, question, line);
                    continue;
                }
            }
            if (typedNumber) {
                current = start(numbered, value(m.group(2)), m.group(4));
                continue;
            }
            ReplyForms.Ordinal ordinal = forms.ordinal(line);
            if (ordinal != null && !numbered.containsKey(ordinal.number())) {
                current = start(numbered, ordinal.number(), ordinal.rest()); // "Eerste vraag: goed"
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
    private static boolean accepted(Matcher m, int current, Set<Integer> answered) {
        int number = value(m.group(2));
        if (number < 1 || number > MAX_NUMBER || answered.contains(number)) {
            return false;
        }
        if (number < current) {
            // In the family's own order ("1, 3, 2") a lower number is a new answer when it has a
            // mark ("2."); "1. lezen" after answer 1 was given stays a list inside the answer.
            return !m.group(3).isEmpty() && m.group(1) == null && !m.group(4).isEmpty();
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
    private static int signOffStart(List<OwnLine> own, ReplyForms forms, Set<String> senderNames) {
        int end = own.size();
        // A lone name only ends the last answer; without answers such a line is the message ("Goed").
        boolean answered = own.stream().anyMatch(line -> startsAnswer(line, forms));
        int last = lastNonBlank(own);
        int shortLinesBelow = 0;
        for (int i = own.size() - 1; i >= 0 && shortLinesBelow <= 3; i--) {
            String text = own.get(i).text();
            if (text.isBlank()) {
                continue;
            }
            if (text.length() > SHORT_LINE || NUMBERED.matcher(text).matches()) {
                break;
            }
            boolean name = isName(text, senderNames)
                    || (i == last && own.get(i).quotedNumber().isEmpty() && looksLikeName(text));
            if (forms.isSignOff(text) || (answered && name)) {
                end = i; // a "Groetjes," above "Fatima, mama van Sam" closes earlier still
            }
            shortLinesBelow++;
        }
        return end;
    }

    /**
     * Whether the last line of a mail looks like a name alone ("Rasha", "رشا", "Megan Foster"): one
     * to three capitalised words (or words of a script without capitals), no digits, no sentence.
     */
    static boolean looksLikeName(String line) {
        String[] words = NAME_MARKS
                .matcher(KISSES.matcher(line).replaceFirst(""))
                .replaceAll(" ")
                .strip()
                .split("\\s+");
        if (line.length() > SHORT_LINE / 2 || words.length > 3 || line.matches(".*[\\d?!:;].*")) {
            return false;
        }
        for (String word : words) {
            if (word.isEmpty()
                    || !Character.isLetter(word.codePointAt(0))
                    || (Character.isLowerCase(word.codePointAt(0)) && !AND.contains(word))) {
                return false;
            }
        }
        return !AND.contains(words[0]) && !AND.contains(words[words.length - 1]);
    }

    private static boolean startsAnswer(OwnLine line, ReplyForms forms) {
        return line.answerable()
                && (line.quotedNumber().isPresent()
                        || NUMBERED.matcher(line.text()).matches()
                        || forms.ordinal(line.text()) != null);
    }

    private static int lastNonBlank(List<OwnLine> own) {
        for (int i = own.size() - 1; i >= 0; i--) {
            if (!own.get(i).text().isBlank()) {
                return i;
            }
        }
        return -1;
    }

    /** Whether {@code line} is only the sender's name, or part of it ("Priya", "/Karin", "Megan Foster"). */
    static boolean isName(String line, Set<String> senderNames) {
        if (senderNames.isEmpty()) {
            return false;
        }
        String[] words = NAME_MARKS.matcher(line).replaceAll(" ").strip().split("\\s+");
        if (words.length > 4) {
            return false;
        }
        for (String word : words) {
            if (!senderNames.contains(word.toLowerCase(Locale.ROOT))) {
                return false;
            }
        }
        return true;
    }
}
