package nl.classbridge.mail.reply;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.OptionalInt;
import java.util.Set;
import java.util.regex.Pattern;
import nl.classbridge.mail.reply.ReplyForms.Field;

/**
 * The lines a family typed, out of the text of a reply. Left out: quoted mail (lines starting with
 * ">"), the client's "On ... wrote:" header above it, everything from an Outlook header block, a
 * separator line ("-----Original Message-----") or a forward on, and the signatures a mail
 * program or the writer adds at the end. What counts as a header, a separator or a signature in
 * each language is read from {@link ReplyForms}.
 *
 * <p>Usually the family writes above the quote (top-posting) and everything from the first
 * header on is dropped. Some write their answers under the quoted questions (bottom-posting); then
 * the unquoted lines between quoted blocks are theirs, and such a line carries the number of the
 * question quoted just above it, if the quote ends with that question (see {@link OwnLine}).
 *
 * <p>When in doubt the text is kept, for the teacher to read: a signature only goes when it ends
 * a block of the family's text and has a known form, and quoted lines are kept when nothing else
 * is left and no header says they are a quote (an indented text, lines typed with ">>>"). Such
 * kept lines are never read as numbered answers.
 */
final class OwnWords {

    /**
     * A line the family typed; {@code quotedNumber} is the number of the question quoted just above
     * it; a line that is not {@code answerable} (it may be quoted text) is never read as an answer.
     */
    record OwnLine(String text, OptionalInt quotedNumber, boolean answerable) {
        OwnLine(String text, OptionalInt quotedNumber) {
            this(text, quotedNumber, true);
        }
    }

    /**
     * An "On ... wrote:" header found at a line: how many lines it takes, the family's text before
     * it, and whether the original runs on after it on the same line.
     */
    private record Header(int lines, String before, boolean runsOn) {
        Header(int lines, String before) {
            this(lines, before, false);
        }
    }

    // A rule of dashes, underscores or equals signs: above an Outlook block, or above a signature or list footer.
    private static final Pattern RULE = Pattern.compile("^[-_=*~–—]{3,}$");
    private static final int QUESTION_TAIL = 3;
    /**
     * The most characters the reply forms' patterns read in one mail: a real mail needs a few
     * thousand, a crafted 2 MB one cannot make reading it take more than a moment.
     */
    static final long READ_BUDGET = 3_000_000;

    private static final Pattern SENTENCE_END = Pattern.compile("[.!?]$");
    /** A year or a date in figures: what the first part of a wrapped header names. */
    private static final Pattern DATED =
            Pattern.compile("(?<!\\d)(?:(?:19|20)\\d{2}|\\d{1,2}[./-]\\d{1,2}[./-]\\d{2,4})(?!\\d)");
    /** The most lines a client wraps its "On ... wrote:" header over. */
    private static final int MAX_HEADER_LINES = 4;
    /** A block under a rule at the end is a signature or footer only when it is this short. */
    private static final int MAX_SIGNATURE_LINES = 6;

    private static final int MAX_SIGNATURE_LINE = 80;
    /** A work signature with a disclaimer under a rule: at most this many lines, the first a name. */
    private static final int MAX_FOOTER_LINES = 40;
    /** A phone number, a web or mail address: what a work signature holds. */
    private static final Pattern CONTACT = Pattern.compile("\\+?\\p{Nd}[\\p{Nd} ()-]{6,}\\p{Nd}|www\\.|https?://|@");

    private static final int MAX_NAME = 60;
    // "Jeroen Bakker | Projectleider": begins with a capital (or a letter of a script without them), asks nothing.
    private static final Pattern NAME_LIKE = Pattern.compile("^(?:\\p{Lu}|\\p{Lo})[^?!:]*$");
    /**
     * Quoted lines all exactly this deep are arrows the writer typed (">>> "), not a quote: a client
     * never starts a quote at three, and deeper nesting alone is a crafted HTML mail's.
     */
    private static final int TYPED_QUOTE_DEPTH = 3;

    private final List<OwnLine> lines;

    private OwnWords(List<OwnLine> lines) {
        this.lines = List.copyOf(lines);
    }

    List<OwnLine> lines() {
        return lines;
    }

    /** The family's words as one text: blank lines at the ends dropped, runs of them made one. */
    String text() {
        return Texts.joinParagraphs(lines.stream().map(OwnLine::text).toList());
    }

    static OwnWords of(String body) {
        return of(body, ReplyForms.standard());
    }

    static OwnWords of(String body, ReplyForms forms) {
        return new Reading(body, forms.forOneMail(READ_BUDGET)).read();
    }

    /** One pass over the lines of one mail. */
    private static final class Reading {
        private final ReplyForms forms;
        private final String[] raw;
        /** Each line as shown: direction marks gone, no-break spaces made spaces, stripped. */
        private final String[] shown;
        /** Each line as compared with the forms: as shown, with digits made ASCII (same length). */
        private final String[] probe;

        /** Lines starting with ">" that the writer typed: not a quote (see {@link #typedArrows}). */
        private final boolean[] typed;
        /** The header field each line starts with, or null: read once, a block is looked for at every line. */
        private final Field[] fieldOf;

        private final List<OwnLine> own = new ArrayList<>();
        private final List<String> quoted = new ArrayList<>();
        private int blockStart;
        private boolean headed;

        Reading(String body, ReplyForms forms) {
            this.forms = forms;
            this.raw = body.replace("\r\n", "\n").replace('\r', '\n').split("\n", -1);
            this.shown = new String[raw.length];
            this.probe = new String[raw.length];
            for (int i = 0; i < raw.length; i++) {
                shown[i] =
                        Texts.withoutBidiControls(raw[i]).replace('\u00A0', ' ').strip();
                probe[i] = Texts.asciiDigits(shown[i]).replace('’', '\'');
            }
            this.typed = typedArrows();
            this.fieldOf = new Field[raw.length];
            for (int i = 0; i < raw.length; i++) {
                fieldOf[i] = forms.field(probe[i]);
            }
        }

        OwnWords read() {
            boolean inSignature = false;
            boolean afterQuote = false;
            OptionalInt quotedNumber = OptionalInt.empty();
            int linesAfterNumber = 0;
            for (int i = 0; i < raw.length; i++) {
                String line = shown[i];
                if (originalStarts(i)) {
                    int quote = quoteUnder(i);
                    if (quote < 0) {
                        break;
                    }
                    // Outlook's "prefix each line": the separator and block stand above a quote
                    // with the family's answers between its questions.
                    headed = true;
                    endBlock();
                    i = quote - 1;
                    inSignature = false;
                    continue;
                }
                int block = line.startsWith(">") ? -1 : headerBlockEnd(i);
                if (block >= 0) {
                    int next = nextNonBlank(shown, block);
                    if (next < 0 || !shown[next].startsWith(">")) {
                        break; // the original follows the block unquoted
                    }
                    // A header block above a quote (Thunderbird's ReplyWithHeader): answers may follow inline.
                    headed = true;
                    endBlock();
                    i = block - 1;
                    inSignature = false;
                    continue;
                }
                if (line.startsWith(">") && !typed[i]) {
                    endBlock();
                    inSignature = false;
                    afterQuote = true;
                    String text = unquote(line);
                    quoted.add(text);
                    OptionalInt number = NumberedAnswers.questionNumber(text);
                    if (number.isPresent()) {
                        quotedNumber = number;
                        linesAfterNumber = 0;
                    } else if (!text.isEmpty()) {
                        linesAfterNumber++;
                    }
                    continue;
                }
                String before = forms.beforeSeparator(probe[i]);
                if (before != null) {
                    add(shown[i].substring(0, before.length()), OptionalInt.empty(), true);
                    break;
                }
                Header header = headerAt(i);
                if (header != null) {
                    headed = true;
                    add(header.before(), OptionalInt.empty(), true);
                    endBlock();
                    int next = nextNonBlank(shown, i + header.lines());
                    if (header.runsOn() || next < 0 || !shown[next].startsWith(">")) {
                        break; // the original follows unquoted: nothing of the family's below
                    }
                    i += header.lines() - 1;
                    inSignature = false;
                    continue;
                }
                if (line.isEmpty()) {
                    if (!inSignature) {
                        own.add(new OwnLine("", OptionalInt.empty()));
                    }
                    continue;
                }
                if (raw[i].equals("-- ") || raw[i].equals("--")) {
                    inSignature = true;
                    continue;
                }
                if (inSignature) {
                    continue;
                }
                OptionalInt context =
                        afterQuote && linesAfterNumber <= QUESTION_TAIL ? quotedNumber : OptionalInt.empty();
                add(line, context, !typed[i]);
                afterQuote = false;
                quotedNumber = OptionalInt.empty();
                linesAfterNumber = 0;
            }
            endBlock();
            if (own.stream().allMatch(l -> l.text().isBlank()) && !headed && !quoted.isEmpty()) {
                // Only quoted lines and nothing that says whose: keep them, but read no answer from them.
                own.clear();
                quoted.forEach(text -> own.add(new OwnLine(text, OptionalInt.empty(), false)));
            }
            return new OwnWords(own);
        }

        private void add(String text, OptionalInt context, boolean answerable) {
            if (!text.isBlank()) {
                own.add(new OwnLine(text.strip(), context, answerable));
            }
        }

        /**
         * Runs of lines starting with ">" that are all exactly three deep and have no header above
         * them: arrows the writer typed (">>> Important: ..."). A client's quote starts at one
         * deep, under its header.
         */
        private boolean[] typedArrows() {
            boolean[] arrows = new boolean[shown.length];
            int i = 0;
            while (i < shown.length) {
                if (!shown[i].startsWith(">")) {
                    i++;
                    continue;
                }
                int end = i;
                boolean allThree = true;
                while (end < shown.length && shown[end].startsWith(">")) {
                    allThree &= depth(shown[end]) == TYPED_QUOTE_DEPTH;
                    end++;
                }
                int above = previousNonBlank(i);
                boolean underHeader = above >= 0
                        && (probe[above].equals(HtmlText.QUOTE_HEADER) || forms.wroteStart(probe[above], false) >= 0);
                for (int j = i; j < end; j++) {
                    arrows[j] = allThree && !underHeader;
                }
                i = end;
            }
            return arrows;
        }

        private int previousNonBlank(int i) {
            for (int j = i - 1; j >= 0; j--) {
                if (!shown[j].isEmpty()) {
                    return j;
                }
            }
            return -1;
        }

        /** Whether the original starts at line {@code i}: nothing from here on is the family's. */
        private boolean originalStarts(int i) {
            String line = probe[i];
            return line.equals(HtmlText.ORIGINAL_FOLLOWS) || line.equals(HtmlText.RULE) || forms.isSeparator(line);
        }

        /**
         * Where a quote starts right under the separator at line {@code i} (and the header block
         * under it, if any), or -1 when the original follows unquoted.
         */
        private int quoteUnder(int i) {
            if (!forms.isSeparator(probe[i])) {
                return -1;
            }
            int next = nextNonBlank(probe, i + 1);
            int block = next < 0 ? -1 : headerBlockEnd(next);
            if (block >= 0) {
                next = nextNonBlank(probe, block);
            }
            return next >= 0 && shown[next].startsWith(">") ? next : -1;
        }

        /**
         * Where the Outlook-style header block at line {@code i} ends (maybe under a rule of
         * dashes or underscores), or -1 when none starts there.
         */
        private int headerBlockEnd(int i) {
            int block = i;
            if (RULE.matcher(probe[i]).matches()) {
                block = nextNonBlank(probe, i + 1);
                if (block < 0 || block > i + 2) {
                    return -1;
                }
            }
            return headerBlockAt(block);
        }

        /**
         * Whether an Outlook-style header block starts at line {@code i}: header fields (in any
         * language, any order, each once) on consecutive lines, at least From and one other, or any
         * three.
         */
        private int headerBlockAt(int i) {
            Set<Field> seen = EnumSet.noneOf(Field.class);
            int blanks = 0;
            int end = i;
            for (int j = i; j < probe.length && j < i + 12; j++) {
                if (probe[j].isEmpty()) {
                    if (seen.isEmpty() || ++blanks > 1) {
                        break;
                    }
                    continue;
                }
                Field field = fieldOf[j];
                if (field == null || !seen.add(field)) {
                    break;
                }
                end = j + 1;
            }
            return seen.size() >= 3 || (seen.size() == 2 && seen.contains(Field.FROM)) ? end : -1;
        }

        /**
         * The "On ... wrote:" header at line {@code i}, alone or wrapped over up to four lines, or
         * after the family's text on the same line; null when there is none.
         */
        private Header headerAt(int i) {
            Header header = headerFrom(i);
            if (header != null || !DATED.matcher(probe[i]).find() || i + 1 >= probe.length) {
                return header;
            }
            // A dated line without a full stop right above a header is its first part, wrapped off
            // ("W dniu 1 września 2026" / "09:00 użytkownik Juf Anna <...> napisał:").
            Header below = SENTENCE_END.matcher(probe[i]).find() || probe[i].startsWith(">") ? null : headerFrom(i + 1);
            return below == null || !below.before().isEmpty()
                    ? null
                    : new Header(below.lines() + 1, "", below.runsOn());
        }

        private Header headerFrom(int i) {
            if (probe[i].equals(HtmlText.QUOTE_HEADER)) {
                return new Header(1, "");
            }
            if (probe[i].isEmpty()) {
                return null;
            }
            StringBuilder joined = new StringBuilder();
            for (int k = 1; k <= MAX_HEADER_LINES && i + k - 1 < probe.length; k++) {
                String next = probe[i + k - 1];
                if (k > 1 && (next.isEmpty() || next.startsWith(">"))) {
                    break;
                }
                joined.append(k > 1 ? " " : "").append(next);
                if (joined.length() > ReplyForms.MAX_HEADER_LENGTH * 2) {
                    break;
                }
                int start = forms.wroteStart(joined.toString());
                if (start == 0) {
                    return k > 1 && familysAbove(i, k) ? null : new Header(k, "");
                }
                if (start > 0 && start <= shown[i].length()) {
                    return new Header(k, ownBefore(shown[i].substring(0, start)));
                }
            }
            int runsOn = forms.wroteRunningOn(probe[i]);
            if (runsOn >= 0) {
                return new Header(1, shown[i].substring(0, runsOn), true);
            }
            int next = nextNonBlank(probe, i + 1);
            if (next >= 0 && probe[next].startsWith(">") && forms.wroteStart(probe[i], false) == 0) {
                return new Header(1, ""); // "Juf Anna pisze:" right above the quote
            }
            return null;
        }

        /**
         * The family's text before a header on the same line; none when it is dated and ends no
         * sentence: then it is the header's own beginning ("W dniu 1 września 2026 09:00
         * użytkownik Juf Anna <...> napisał:").
         */
        private static String ownBefore(String before) {
            String text = before.strip();
            return DATED.matcher(text).find() && !SENTENCE_END.matcher(text).find() ? "" : before;
        }

        /**
         * Whether line {@code i} is the family's own text right above a header that also starts on
         * the next line: when it names no address, time or year, or ends a sentence. A line that
         * names one is the header's first part ("... 2026 9:00 tarihinde Juf Anna <").
         */
        private boolean familysAbove(int i, int lines) {
            String line = probe[i];
            boolean openAddress = line.lastIndexOf('<') > line.lastIndexOf('>');
            return startsHeader(i + 1, lines - 1)
                    && !openAddress
                    && (!ReplyForms.hasEvidence(line)
                            || SENTENCE_END.matcher(line).find());
        }

        /** Whether a header starts somewhere in the {@code count} lines from {@code from}. */
        private boolean startsHeader(int from, int count) {
            List<String> parts = new ArrayList<>();
            for (int j = from; j < from + count; j++) {
                parts.add(probe[j]);
            }
            return forms.wroteStart(String.join(" ", parts)) >= 0;
        }

        /**
         * Closes a block of the family's text (at a quote, a header or the end): the signatures at
         * its end go, when they have a known form.
         */
        private void endBlock() {
            boolean trimmed = true;
            while (trimmed) {
                trimmed = false;
                int last = lastNonBlank();
                if (last < blockStart) {
                    break;
                }
                if (forms.isSignature(Texts.asciiDigits(own.get(last).text()))) {
                    own.subList(last, own.size()).clear();
                    trimmed = true;
                    continue;
                }
                int rule = signatureRule(last);
                if (rule < 0 && RULE.matcher(own.get(last).text()).matches() && last > blockStart) {
                    rule = last; // a rule left alone at the end, its footer gone ("This message was sent using IMP")
                }
                if (rule >= 0) {
                    own.subList(rule, own.size()).clear();
                    trimmed = true;
                }
            }
            blockStart = own.size();
        }

        /** A rule with a short block under it that ends the text: a signature or a list's footer. */
        private int signatureRule(int last) {
            int lines = 0;
            boolean shortLines = true;
            boolean contact = false;
            for (int j = last; j >= blockStart; j--) {
                String text = own.get(j).text();
                if (text.isEmpty()) {
                    continue;
                }
                if (RULE.matcher(text).matches()) {
                    // A phone number, web or mail address in it: a signature or a list's footer, not a P.S.
                    boolean signature =
                            contact && (shortLines && lines <= MAX_SIGNATURE_LINES || startsWithName(j + 1));
                    return lines > 0 && signature && hasTextAbove(j) ? j : -1;
                }
                if (++lines > MAX_FOOTER_LINES
                        || NumberedAnswers.questionNumber(text).isPresent()) {
                    return -1;
                }
                shortLines &= text.length() <= MAX_SIGNATURE_LINE;
                contact |= CONTACT.matcher(text).find();
            }
            return -1;
        }

        /**
         * Whether the block from {@code j} begins with a name alone on its line: then a long
         * block under the rule is a work signature with its disclaimer, not the family's words.
         */
        private boolean startsWithName(int j) {
            for (int k = j; k < own.size(); k++) {
                String text = own.get(k).text();
                if (!text.isEmpty()) {
                    return text.length() <= MAX_NAME && NAME_LIKE.matcher(text).matches();
                }
            }
            return false;
        }

        private boolean hasTextAbove(int j) {
            for (int k = blockStart; k < j; k++) {
                if (!own.get(k).text().isBlank()) {
                    return true;
                }
            }
            return false;
        }

        private int lastNonBlank() {
            for (int j = own.size() - 1; j >= blockStart; j--) {
                if (!own.get(j).text().isBlank()) {
                    return j;
                }
            }
            return -1;
        }
    }

    private static int depth(String line) {
        int depth = 0;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '>') {
                depth++;
            } else if (c != ' ') {
                break;
            }
        }
        return depth;
    }

    private static String unquote(String line) {
        int i = 0;
        while (i < line.length() && (line.charAt(i) == '>' || line.charAt(i) == ' ')) {
            i++;
        }
        return line.substring(i).strip();
    }

    private static int nextNonBlank(String[] lines, int from) {
        for (int j = from; j < lines.length; j++) {
            if (!lines[j].isEmpty()) {
                return j;
            }
        }
        return -1;
    }
}
