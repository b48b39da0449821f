package nl.classbridge.mail.reply;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import java.util.regex.Pattern;

/**
 * The lines a parent typed, out of the text of a reply: quoted mail (lines starting with ">",
 * or after an "On ... wrote:" line), the original below an Outlook header block or a forward
 * line, and signatures are left out.
 *
 * <p>Usually the parent writes above the quote (top-posting) and everything from the first such
 * marker on is dropped. Some write their answers under the quoted questions (bottom-posting); then
 * the unquoted lines between quoted blocks are theirs, and such a line carries the number of the
 * question quoted just above it, if the quote ends with that question (see {@link OwnLine}).
 */
final class OwnWords {

    /** A line the parent typed; {@code quotedNumber} is the number of the question quoted just above it. */
    record OwnLine(String text, OptionalInt quotedNumber) {}

    private static final int FLAGS = Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE;
    // "On Mon, 1 Sep 2026 at 09:00, Juf Anna <x@y> wrote:" and its sisters, one per language a client
    // writes: nl (Gmail "Op ... schreef", Apple "Op ... heeft ... het volgende geschreven"), en, de,
    // fr, tr ("... tarihinde ... şunu yazdı:"), pl ("... napisał(a):"), uk ("... пише:"), ru, ar ("... كتب ...:").
    private static final List<Pattern> WROTE = List.of(
            Pattern.compile("^op\\s.+\\sschreef\\s.*:$", FLAGS),
            Pattern.compile("^op\\s.+\\sheeft\\s.+het volgende geschreven\\s?:$", FLAGS),
            Pattern.compile("^on\\s.+\\swrote\\s?:$", FLAGS),
            Pattern.compile("^am\\s.+\\sschrieb\\s.*:$", FLAGS),
            Pattern.compile("^le\\s.+\\sa [ée]crit\\s?:$", FLAGS),
            Pattern.compile("^.+\\s(şunu\\s)?yazdı\\s?:$", FLAGS),
            Pattern.compile("^.+\\snapisał(a|\\(a\\))?\\s?:$", FLAGS),
            Pattern.compile(
                    "^.+\\s(пише|написав|написала|написав\\(ла\\)|написал|написала|написал\\(а\\))\\s?:$", FLAGS),
            Pattern.compile("^(.+[\\s،,])?كتب\\s.+:$", FLAGS));
    private static final Pattern FORWARD_OR_ORIGINAL = Pattern.compile(
            "^(-{2,}\\s*(forwarded message|original message|doorgestuurd bericht|oorspronkelijk bericht"
                    + "|origineel bericht|weitergeleitete nachricht|ursprüngliche nachricht|message transféré"
                    + "|iletilen ileti|orijinal ileti|özgün ileti|wiadomość przekazana dalej|oryginalna wiadomość"
                    + "|переслане повідомлення|пересланное сообщение|оригінальне повідомлення|исходное сообщение"
                    + "|الرسالة المُعاد توجيهها|رسالة معاد توجيهها|الرسالة الأصلية)\\s*-{2,}"
                    + "|begin forwarded message\\s?:|begin doorgestuurd bericht\\s?:|doorgestuurd bericht\\s?:)$",
            FLAGS);
    private static final Pattern HEADER_FROM =
            Pattern.compile("^\\*?(from|van|von|de|kimden|od|від|от|من)\\s?:\\*?\\s*\\S.*", FLAGS);
    private static final Pattern HEADER_OTHER = Pattern.compile(
            "^\\*?(sent|date|verzonden|datum|gesendet|envoyé|gönderildi|tarih|wysłano|data|надіслано|дата|отправлено"
                    + "|التاريخ|تاريخ الإرسال|أرسل|to|aan|an|à|kime|do|кому|إلى|cc|subject|onderwerp|betreff|objet"
                    + "|konu|temat|тема|الموضوع)\\s?:\\*?.*",
            FLAGS);
    private static final Pattern RULE = Pattern.compile("^_{10,}$");
    // One line a phone or mail app adds under what was typed.
    private static final Pattern MOBILE_SIGNATURE = Pattern.compile(
            "^(sent from (my|mail|yahoo|outlook|samsung|the )|sent with |get outlook for |download outlook for "
                    + "|verzonden (vanaf|vanuit|met|via|from) |verstuurd (vanaf|vanuit|met|via) "
                    + "|outlook voor (ios|android) downloaden|download outlook voor "
                    + "|iphone'?(umdan|dan) gönderildi|ipad'?(imden|den) gönderildi|android'?(imden|den) gönderildi"
                    + "|(wysłane|wysłano) (z|ze|przez) |надіслано (з|із|зі) |отправлено (с|из) "
                    + "|(مرسل|أرسلت|ارسلت|تم الإرسال) من ).{0,60}$",
            FLAGS);
    private static final int QUESTION_TAIL = 3;
    /** No client writes a longer "On ... wrote:" line; longer lines are not tried against the patterns. */
    private static final int MAX_HEADER_LENGTH = 300;

    private final List<OwnLine> lines;

    private OwnWords(List<OwnLine> lines) {
        this.lines = List.copyOf(lines);
    }

    List<OwnLine> lines() {
        return lines;
    }

    /** The parent's words as one text: blank lines at the ends dropped, runs of them made one. */
    String text() {
        List<String> texts = lines.stream().map(OwnLine::text).toList();
        return Texts.joinParagraphs(texts);
    }

    static OwnWords of(String body) {
        String[] raw = body.replace("\r\n", "\n").replace('\r', '\n').split("\n", -1);
        String[] clean = new String[raw.length];
        for (int i = 0; i < raw.length; i++) {
            clean[i] = Texts.withoutBidiControls(raw[i]).replace('\u00A0', ' ').strip();
        }
        List<OwnLine> own = new ArrayList<>();
        boolean inSignature = false;
        boolean afterQuote = false;
        OptionalInt quotedNumber = OptionalInt.empty();
        int linesAfterNumber = 0;
        for (int i = 0; i < clean.length; i++) {
            String line = clean[i];
            if (line.equals(HtmlText.ORIGINAL_FOLLOWS)
                    || FORWARD_OR_ORIGINAL.matcher(line).matches()
                    || startsHeaderBlock(clean, i)) {
                break;
            }
            if (line.startsWith(">")) {
                inSignature = false;
                afterQuote = true;
                String quoted = unquote(line);
                OptionalInt number = NumberedAnswers.questionNumber(quoted);
                if (number.isPresent()) {
                    quotedNumber = number;
                    linesAfterNumber = 0;
                } else if (!quoted.isEmpty()) {
                    linesAfterNumber++;
                }
                continue;
            }
            int header = wroteHeaderLines(clean, i);
            if (header > 0) {
                int next = nextNonBlank(clean, i + header);
                if (next < 0 || !clean[next].startsWith(">")) {
                    break; // the original follows unquoted: nothing of the parent's below
                }
                i += header - 1;
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
            if (inSignature || MOBILE_SIGNATURE.matcher(line).matches()) {
                continue;
            }
            OptionalInt context = afterQuote && linesAfterNumber <= QUESTION_TAIL ? quotedNumber : OptionalInt.empty();
            own.add(new OwnLine(line, context));
            afterQuote = false;
            quotedNumber = OptionalInt.empty();
            linesAfterNumber = 0;
        }
        return new OwnWords(own);
    }

    private static String unquote(String line) {
        int i = 0;
        while (i < line.length() && (line.charAt(i) == '>' || line.charAt(i) == ' ')) {
            i++;
        }
        return line.substring(i).strip();
    }

    /** 1 or 2 when line {@code i} (with the next, as Gmail wraps it) says "On ... wrote:"; else 0. */
    static int wroteHeaderLines(String[] lines, int i) {
        String line = lines[i];
        if (line.equals(HtmlText.QUOTE_HEADER)) {
            return 1;
        }
        if (line.isEmpty() || line.length() > MAX_HEADER_LENGTH) {
            return 0;
        }
        if (isWrote(line)) {
            return 1;
        }
        if (i + 1 < lines.length
                && !lines[i + 1].isEmpty()
                && !lines[i + 1].startsWith(">")
                && line.length() + lines[i + 1].length() < MAX_HEADER_LENGTH) {
            return isWrote(line + " " + lines[i + 1]) ? 2 : 0;
        }
        return 0;
    }

    private static boolean isWrote(String line) {
        // Every client names a date or an address there; a parent's sentence ending in ':' rarely does.
        if (!line.endsWith(":") || line.chars().noneMatch(c -> Character.isDigit(c) || c == '@')) {
            return false;
        }
        return WROTE.stream().anyMatch(p -> p.matcher(line).matches());
    }

    /**
     * Whether an Outlook-style header block starts at line {@code i}: "From:"/"Van:" and at least two
     * of "Sent:", "To:", "Subject:" (in some language) in the lines just below; or a rule of
     * underscores right above such a block.
     */
    static boolean startsHeaderBlock(String[] lines, int i) {
        if (RULE.matcher(lines[i]).matches()) {
            int next = nextNonBlank(lines, i + 1);
            return next >= 0 && next <= i + 2 && startsHeaderBlock(lines, next);
        }
        if (!HEADER_FROM.matcher(lines[i]).matches()) {
            return false;
        }
        int others = 0;
        for (int j = i + 1; j < lines.length && j <= i + 6; j++) {
            if (HEADER_OTHER.matcher(lines[j]).matches()) {
                others++;
            }
        }
        return others >= 2;
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
