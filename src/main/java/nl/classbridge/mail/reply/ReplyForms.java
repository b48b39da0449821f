package nl.classbridge.mail.reply;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;

/**
 * How mail programs mark the original in a reply, in every language they speak: the "On ...
 * wrote:" line above a quote, the field names of an Outlook header block, separator lines such
 * as "-----Original Message-----", and the line a phone adds under the text. All of it is data, one
 * file per language in {@code src/main/resources/reply-forms/} (its README says how to write one),
 * so adding a language or a client is adding lines there, not code.
 *
 * <p>A form is written as the client writes it, with a {@code {placeholder}} where the date, the
 * sender or the device goes: {@code "Op {date} schreef {sender}:"}. Placeholders match any text;
 * spaces in a form match any run of spaces; case does not matter; a placeholder may touch the
 * word after it ({@code <x@y.nl>wrote:}), and a colon may have a space before it. A header line
 * must also name an address, a time or a year, as every client's does, so a family's own sentence
 * ending in ":" is not taken for one.
 */
final class ReplyForms {

    /** The fields of an Outlook or Exchange header block above the original. */
    enum Field {
        FROM,
        SENT,
        DATE,
        TO,
        CC,
        SUBJECT
    }

    /** An answer begun with words instead of a number: "Eerste vraag: goed" is answer 1, "goed". */
    record Ordinal(int number, String rest) {}

    /** One language's ordinals as a pattern, and each ordinal's number. */
    private record Ordinals(Pattern pattern, Map<String, Integer> numbers, Set<String> firstWords) {}

    /** One "On ... wrote:" form: the whole-line pattern and the words it needs (for a cheap first look). */
    private record Wrote(Pattern whole, String firstWord, List<String> words) {}

    static final String FOLDER = "reply-forms/";
    /** No client writes a longer header line; only this much of a line is tried against the forms. */
    static final int MAX_HEADER_LENGTH = 300;
    /** At most this many places in one line are tried as the start of a header after the family's text. */
    private static final int MAX_STARTS = 4;

    private static final int FLAGS = Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE;
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{[a-z-]+\\}");
    private static final Pattern EVIDENCE =
            Pattern.compile("@|(?<!\\d)\\d{1,2}[:.h]\\d{2}(?!\\d)|(?<!\\d)(?:19|20)\\d{2}(?!\\d)");
    private static final Pattern LEADING_DECORATION = Pattern.compile("^[-–—=_*~]{2,}\\s*");
    /** Where a header may start after the family's text: after a sentence, or where a date begins. */
    private static final Pattern LIKELY_START = Pattern.compile("[.!?…)]\\s+|\\s+(?=" + ReplyForms.DATE_START + ")");
    /** How a date begins: a digit, or a day's name or its short form before one ("wt., 3", "Monday, 1"). */
    private static final String DATE_START =
            "(?:\\p{L}{1,2}\\s+)?(?:\\p{N}|\\p{L}{1,4}\\.?,?\\s*\\p{N}|\\p{L}{1,12},\\s*\\p{N})";
    /** A sender: any text but a year, so "Thanks, Selin 1 Oct 2026 ... wrote:" keeps "Thanks, Selin". */
    private static final String SENDER = "((?:(?!(?<![\\p{L}\\p{N}])(?:19|20)\\p{N}{2}(?![\\p{L}\\p{N}])).)+?)";
    /** The placeholders that stand for a date: a form starting with one must start where a date can. */
    private static final List<String> DATES = List.of("{date}", "{day}", "{weekday}", "{time}");
    /** A device or app name in a signature: a few words, no sentence punctuation. */
    private static final String DEVICE = "[\\p{L}\\p{M}\\p{N}'’()+&/ -]{1,40}?";

    private static final Pattern RUN_OF_DASHES = Pattern.compile("[-–—=_]{2}");
    private static final Pattern FIRST_WORD = Pattern.compile("[\\s:：.)\\-–—]");
    private static final Pattern LINK_AT_END = Pattern.compile("\\s*<https?://[^\\s<>]{1,200}>$");
    private static final int MAX_LINK = 210;
    /** A name in a sign-off: one to three words. */
    private static final String NAME = "\\p{L}[\\p{L}\\p{M}'’.-]*(?:\\s+\\p{L}[\\p{L}\\p{M}'’.-]*){0,2}";
    /** What may follow a sign-off phrase after a comma: up to five words ("Sabine (moeder van Daan)"). */
    private static final String FEW_WORDS = "(?:\\S+(?:\\s+\\S+){0,4})";

    private final List<Wrote> wrote;
    private final Map<String, Field> fields;
    private final Pattern fieldLine;
    private final Pattern separatorLine;
    private final Pattern separatorInLine;
    private final List<Pattern> signatures;
    private final List<Pattern> greetings;
    private final List<Pattern> signOffs;
    private final List<Ordinals> ordinals;
    /** What the patterns may still read of the mail at hand; null: no limit. */
    private final BoundedText.Budget budget;

    private ReplyForms(
            List<Wrote> wrote,
            Map<String, Field> fields,
            List<String> separators,
            List<Pattern> signatures,
            List<Pattern> greetings,
            List<Pattern> signOffs,
            List<Ordinals> ordinals) {
        this.wrote = List.copyOf(wrote);
        this.fields = fields;
        this.fieldLine = Pattern.compile(
                "^[*\\s]*(" + alternatives(fields.keySet()) + ")\\s*\\*?\\s?[:：]\\*?(?:\\s.*)?$", FLAGS);
        String phrases = alternatives(separators);
        this.separatorLine = Pattern.compile("^[-–—=_*~\\s]*(?:" + phrases + ")\\s*:?[-–—=_*~\\s]*$", FLAGS);
        this.separatorInLine =
                Pattern.compile("^(.*?\\S)\\s*[-–—=_]{2,}\\s*(?:" + phrases + ")\\s*:?\\s*[-–—=_]{2,}.*$", FLAGS);
        this.signatures = List.copyOf(signatures);
        this.greetings = List.copyOf(greetings);
        this.signOffs = List.copyOf(signOffs);
        this.ordinals = List.copyOf(ordinals);
        this.budget = null;
    }

    private ReplyForms(ReplyForms forms, BoundedText.Budget budget) {
        this.wrote = forms.wrote;
        this.fields = forms.fields;
        this.fieldLine = forms.fieldLine;
        this.separatorLine = forms.separatorLine;
        this.separatorInLine = forms.separatorInLine;
        this.signatures = forms.signatures;
        this.greetings = forms.greetings;
        this.signOffs = forms.signOffs;
        this.ordinals = forms.ordinals;
        this.budget = budget;
    }

    /**
     * These forms for reading one mail, with at most {@code reads} characters read by all their
     * patterns together (see {@link BoundedText}).
     */
    ReplyForms forOneMail(long reads) {
        return new ReplyForms(this, new BoundedText.Budget(reads));
    }

    private static final class Standard {
        static final ReplyForms FORMS =
                load(name -> ReplyForms.class.getClassLoader().getResourceAsStream(name));
    }

    /** The forms in {@code reply-forms/} on the class path, read once. */
    static ReplyForms standard() {
        return Standard.FORMS;
    }

    /**
     * The forms of every language {@code reply-forms/index.yml} lists, each read from
     * {@code reply-forms/<language>.yml} by {@code open}.
     *
     * @throws IllegalStateException naming the file, when one is missing or not written as the
     *                               README says (a mistake in the data must not go unnoticed)
     */
    static ReplyForms load(Function<String, InputStream> open) {
        List<Wrote> wrote = new ArrayList<>();
        Map<String, Field> fields = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        List<String> separators = new ArrayList<>();
        List<Pattern> signatures = new ArrayList<>();
        List<Pattern> greetings = new ArrayList<>();
        List<Pattern> signOffs = new ArrayList<>();
        List<Ordinals> ordinals = new ArrayList<>();
        for (Object language : list(read(open, "index.yml").get("languages"), "index.yml: languages")) {
            String file = language + ".yml";
            Map<String, Object> table = read(open, file);
            for (Object entry : list(table.getOrDefault("wrote", List.of()), file + ": wrote")) {
                wrote.add(wrote(form(entry, file + ": wrote"), file));
            }
            Object names = table.getOrDefault("fields", Map.of());
            if (!(names instanceof Map<?, ?> byField)) {
                throw new IllegalStateException(file + ": fields must map from, sent, date, to, cc, subject to names");
            }
            byField.forEach((field, list) -> {
                Field kind = field(String.valueOf(field), file);
                for (Object name : list(list, file + ": fields." + field)) {
                    Field before = fields.put(String.valueOf(name).strip(), kind);
                    if (before != null && before != kind) {
                        throw new IllegalStateException(file + ": '" + name + "' is already the field " + before);
                    }
                }
            });
            for (Object separator : list(table.getOrDefault("separators", List.of()), file + ": separators")) {
                separators.add(String.valueOf(separator).strip());
            }
            for (Object entry : list(table.getOrDefault("signatures", List.of()), file + ": signatures")) {
                signatures.add(signature(form(entry, file + ": signatures")));
            }
            for (Object greeting : list(table.getOrDefault("greetings", List.of()), file + ": greetings")) {
                greetings.add(greeting(form(greeting, file + ": greetings")));
            }
            for (Object signOff : list(table.getOrDefault("sign-offs", List.of()), file + ": sign-offs")) {
                signOffs.add(signOff(form(signOff, file + ": sign-offs")));
            }
            Object numbers = table.get("ordinals");
            if (numbers != null) {
                ordinals.add(ordinals(
                        list(numbers, file + ": ordinals"),
                        list(table.getOrDefault("question-words", List.of()), file + ": question-words"),
                        file));
            }
        }
        return new ReplyForms(wrote, fields, separators, signatures, greetings, signOffs, ordinals);
    }

    /**
     * Where an "On ... wrote:" header starts in {@code line}: 0 when the whole line is one, the
     * index after the family's own text when it follows that text on the same line, -1 when there
     * is none. Dashes around the header ({@code ---- On ... wrote ----}) are allowed.
     */
    int wroteStart(String line) {
        return wroteStart(line, true);
    }

    /**
     * As {@link #wroteStart(String)}; without {@code needEvidence} the header need not name an
     * address, a time or a year (Thunderbird's "Juf Anna pisze:"), which is safe only where quoted
     * lines follow it.
     */
    int wroteStart(String line, boolean needEvidence) {
        if (budget != null && budget.spent() || !endsLikeHeader(line)) {
            return -1;
        }
        // A header ends a line: of a long line only its end is read.
        int base = Math.max(0, line.length() - MAX_HEADER_LENGTH * 2);
        String tail = line.substring(base);
        Matcher lead = LEADING_DECORATION.matcher(tail);
        int offset = base + (base == 0 && lead.lookingAt() ? lead.end() : 0);
        String text = line.substring(offset);
        int undecorated = withoutTrailingDashes(text);
        boolean decorated = false;
        if (undecorated < text.length()) {
            text = text.substring(0, undecorated);
            decorated = offset > 0;
            if (!text.endsWith(":")) {
                text = text + ":";
            }
        }
        if (!text.endsWith(":") && !text.endsWith("：")) {
            return -1;
        }
        if (text.length() > MAX_HEADER_LENGTH) {
            int cut = text.length() - MAX_HEADER_LENGTH;
            return mid(text.substring(cut), offset + cut, needEvidence);
        }
        // "---- Juf Anna wrote ----": nobody types their own words between dashes like that.
        boolean enough = !needEvidence || decorated || EVIDENCE.matcher(text).find();
        String lower = text.toLowerCase(Locale.ROOT);
        for (Wrote form : wrote) {
            if (enough && hasWords(lower, form) && BoundedText.matches(form.whole(), text, budget)) {
                return 0; // whatever stood before it was only dashes
            }
        }
        return mid(text, offset, needEvidence);
    }

    /** A header line ends in a colon, or in dashes ("... wrote ----"): most lines are passed over here. */
    private static boolean endsLikeHeader(String line) {
        int end = line.length() - 1;
        while (end >= 0 && Character.isWhitespace(line.charAt(end))) {
            end--;
        }
        return end >= 0 && ":：-–—=_*~".indexOf(line.charAt(end)) >= 0;
    }

    /** Where the dashes at the end of {@code text} begin ("... wrote ----"): its length when there are fewer than two. */
    private static int withoutTrailingDashes(String text) {
        int end = text.length();
        while (end > 0 && Character.isWhitespace(text.charAt(end - 1))) {
            end--;
        }
        int dashes = end;
        while (dashes > 0 && "-–—=_*~".indexOf(text.charAt(dashes - 1)) >= 0) {
            dashes--;
        }
        if (end - dashes < 2) {
            return text.length();
        }
        while (dashes > 0 && Character.isWhitespace(text.charAt(dashes - 1))) {
            dashes--;
        }
        return dashes;
    }

    /** Whether {@code line} is an "On ... wrote:" header as a whole. */
    boolean isWrote(String line) {
        return wroteStart(line) == 0;
    }

    /** Whether {@code text} names an address, a time or a year, as every client's header does. */
    static boolean hasEvidence(String text) {
        return EVIDENCE.matcher(text).find();
    }

    /**
     * A header that names an address and runs on into the original on the same line, after the
     * family's text (Yahoo for Android flattens its quote so): where it starts, or -1.
     */
    int wroteRunningOn(String line) {
        if (line.indexOf('@') < 0) {
            return -1;
        }
        int tries = 0;
        for (int colon = line.indexOf(':'); colon > 0 && tries < MAX_STARTS; colon = line.indexOf(':', colon + 1)) {
            if (colon + 1 < line.length()
                    && Character.isWhitespace(line.charAt(colon + 1))
                    && line.lastIndexOf('@', colon) >= 0) {
                tries++;
                int start = wroteStart(line.substring(0, colon + 1));
                if (start >= 0) {
                    return start;
                }
            }
        }
        return -1;
    }

    /**
     * The header after the family's text on the same line, tried from a few likely starts only:
     * where a form's first word stands, after the end of a sentence, or where a date begins.
     */
    private int mid(String text, int offset, boolean needEvidence) {
        String lower = text.toLowerCase(Locale.ROOT);
        List<Integer> starts = new ArrayList<>();
        Matcher likely = LIKELY_START.matcher(text);
        while (likely.find() && starts.size() < MAX_STARTS * 2) {
            if (likely.end() > 0) {
                starts.add(likely.end());
            }
        }
        int best = -1;
        for (Wrote form : wrote) {
            if (!hasWords(lower, form)) {
                continue;
            }
            List<Integer> tries = starts;
            if (form.firstWord() != null) {
                tries = new ArrayList<>();
                for (int at = lower.indexOf(form.firstWord(), 1);
                        at > 0 && tries.size() < MAX_STARTS;
                        at = lower.indexOf(form.firstWord(), at + 1)) {
                    if (Character.isWhitespace(text.charAt(at - 1))) {
                        tries.add(at);
                    }
                }
            }
            for (int at : tries) {
                if (best >= 0 && at >= best) {
                    break;
                }
                String rest = text.substring(at);
                if ((!needEvidence || EVIDENCE.matcher(rest).find())
                        && BoundedText.matches(form.whole(), rest, budget)) {
                    best = at;
                }
            }
        }
        return best < 0 ? -1 : offset + best;
    }

    /** Whether {@code lower} holds every word of {@code form}: the cheap look before its pattern, paid for too. */
    private boolean hasWords(String lower, Wrote form) {
        if (budget != null && !budget.spend(lower.length())) {
            return false;
        }
        for (String word : form.words()) {
            if (!lower.contains(word)) {
                return false;
            }
        }
        return true;
    }

    /** The header field {@code line} starts with ("Van: ...", "*From:* ..."), or null. */
    Field field(String line) {
        if (line.length() > MAX_HEADER_LENGTH * 4) {
            return null;
        }
        if (line.indexOf(':') < 0 && line.indexOf('：') < 0 || !BoundedText.matches(fieldLine, line, budget)) {
            return null;
        }
        Matcher m = fieldLine.matcher(line); // matched within the budget just now
        return m.matches() ? fields.get(m.group(1).replaceAll("\\s+", " ")) : null;
    }

    /** Whether {@code line} is a separator line ("-----Original Message-----") as a whole. */
    boolean isSeparator(String line) {
        return line.length() <= MAX_HEADER_LENGTH && BoundedText.matches(separatorLine, line, budget);
    }

    /** The family's text before a separator on the same line ("Thanks -----Original Message-----"), or null. */
    String beforeSeparator(String line) {
        if (line.length() > MAX_HEADER_LENGTH * 4
                || !RUN_OF_DASHES.matcher(line).find()) {
            return null;
        }
        if (!BoundedText.matches(separatorInLine, line, budget)) {
            return null;
        }
        Matcher m = separatorInLine.matcher(line); // matched within the budget just now
        if (!m.matches()) {
            return null;
        }
        // Only dashes before it (a flowed "----- Original Message ----- From: ...") are no text of the family's.
        return m.group(1).codePoints().anyMatch(Character::isLetterOrDigit) ? m.group(1) : "";
    }

    /** Whether {@code line} is a line a mail program adds under the text ("Sent from my iPhone"). */
    boolean isSignature(String line) {
        if (line.length() > 120 + MAX_LINK) {
            return false;
        }
        // Outlook for iOS and Android put their link after it in the plain part: "Get Outlook for
        // iOS<https://aka.ms/o0ukef>".
        String text = LINK_AT_END.matcher(line).replaceFirst("");
        return text.length() <= 120 && anyMatches(signatures, text);
    }

    /** Whether {@code line} opens a mail ("Hallo juf,", "Dear Ms Anna"): no answer. */
    boolean isGreeting(String line) {
        return line.length() <= MAX_HEADER_LENGTH && anyMatches(greetings, Texts.withoutHarakat(line));
    }

    /** Whether {@code line} closes a mail ("Groetjes, Fatima", "Best,", "أم كريم"): no answer. */
    boolean isSignOff(String line) {
        return line.length() <= MAX_HEADER_LENGTH && anyMatches(signOffs, Texts.withoutHarakat(line));
    }

    private boolean anyMatches(List<Pattern> patterns, String line) {
        for (Pattern pattern : patterns) {
            if (BoundedText.matches(pattern, line, budget)) {
                return true;
            }
        }
        return false;
    }

    private static Pattern greeting(String phrase) {
        return Pattern.compile("^" + literal(Texts.withoutHarakat(phrase)) + "(?:[\\s,!.،:].{0,40})?$", FLAGS);
    }

    /**
     * A sign-off: the phrase alone or with a few words after it ("Groetjes, Fatima (moeder van
     * Sam)"); when it ends with a comma the comma is needed ("Best," but not "Best day ever"); a
     * {@code {name}} stands for one to three words ("أم {name}").
     */
    private static Pattern signOff(String phrase) {
        String plain = Texts.withoutHarakat(phrase);
        if (PLACEHOLDER.matcher(plain).find()) {
            return Pattern.compile("^" + withPlaceholders(plain, "\\s*" + NAME + "\\s*") + "[\\s,.!،]*$", FLAGS);
        }
        if (plain.endsWith(",")) {
            return Pattern.compile(
                    "^" + literal(plain.substring(0, plain.length() - 1)) + "\\s*[,،]\\s*" + FEW_WORDS + "?$", FLAGS);
        }
        return Pattern.compile(
                "^" + literal(plain) + "(?:[\\s,.!،]*|[,،.!;:-]\\s*" + FEW_WORDS + "|\\s+\\S+(?:\\s+\\S+){0,2}[.!]?)$",
                FLAGS);
    }

    /** The answer a line begins with words ("First question: good", "السؤال الأول: جيد"), or null. */
    Ordinal ordinal(String line) {
        if (line.length() > MAX_HEADER_LENGTH * 4) {
            return null;
        }
        // Every line of a mail is asked: its first word decides cheaply whether a pattern is tried.
        String first =
                Texts.withoutHarakat(FIRST_WORD.split(line.strip(), 2)[0]).toLowerCase(Locale.ROOT);
        String plain = null;
        for (Ordinals language : ordinals) {
            if (!language.firstWords().contains(first)) {
                continue;
            }
            plain = plain == null ? Texts.withoutHarakat(line) : plain;
            if (BoundedText.matches(language.pattern(), plain, budget)) {
                Matcher m = language.pattern().matcher(plain);
                if (m.matches()) {
                    String word =
                            m.group("a") != null ? m.group("a") : m.group("b") != null ? m.group("b") : m.group("c");
                    // The family's words as written, vowel marks and all: the rest is cut from the line itself.
                    String rest = line.substring(Texts.indexBeforeHarakatRemoval(line, m.start("rest")));
                    return new Ordinal(language.numbers().get(word.replaceAll("\\s+", " ")), rest.strip());
                }
            }
        }
        return null;
    }

    /**
     * "first", "second" ... in order (alternatives as "الأول|الاول") and the words for a
     * question: "Eerste vraag: ...", "السؤال الأول: ..." and "drugie: ..." alike.
     */
    private static Ordinals ordinals(List<?> words, List<?> questionWords, String file) {
        if (questionWords.isEmpty()) {
            throw new IllegalStateException(file + ": ordinals need question-words");
        }
        Map<String, Integer> numbers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        for (int i = 0; i < words.size(); i++) {
            for (String word : String.valueOf(words.get(i)).split("\\|")) {
                numbers.put(Texts.withoutHarakat(word.strip()), i + 1);
            }
        }
        Set<String> firstWords = new java.util.HashSet<>();
        for (String word : numbers.keySet()) {
            firstWords.add(FIRST_WORD.split(word, 2)[0].toLowerCase(Locale.ROOT));
        }
        for (Object word : questionWords) {
            firstWords.add(FIRST_WORD
                    .split(Texts.withoutHarakat(String.valueOf(word).strip()), 2)[0].toLowerCase(Locale.ROOT));
        }
        String ordinal = alternatives(numbers.keySet());
        String question =
                alternatives(questionWords.stream().map(String::valueOf).toList());
        return new Ordinals(
                Pattern.compile(
                        "^(?:(?:(?<a>" + ordinal + ")\\s+(?:" + question + ")|(?:" + question + ")\\s+(?<b>" + ordinal
                                + "))\\s*[:.)：\\-–—]|(?<c>" + ordinal + ")\\s*[:：])\\s*(?<rest>\\S.*)$",
                        FLAGS),
                numbers,
                Set.copyOf(firstWords));
    }

    private static Wrote wrote(String form, String file) {
        if (!form.endsWith(":")) {
            throw new IllegalStateException(file + ": a wrote form ends with ':' as the client writes it: " + form);
        }
        StringBuilder regex = new StringBuilder("^");
        List<String> words = new ArrayList<>();
        String first = null;
        String body = form.substring(0, form.length() - 1);
        if (DATES.stream().anyMatch(body::startsWith)) {
            regex.append("(?=").append(DATE_START).append(')');
        }
        Matcher placeholder = PLACEHOLDER.matcher(body);
        int at = 0;
        boolean afterPlaceholder = false;
        while (placeholder.find()) {
            String literal = body.substring(at, placeholder.start());
            if (!literal.isBlank()) {
                regex.append(afterPlaceholder ? "\\s*" : "")
                        .append(literal(literal))
                        .append(endsInWord(literal) ? "\\s+" : "\\s*");
                words.addAll(words(literal));
                if (at == 0) {
                    first = words(literal).get(0);
                }
            } else if (afterPlaceholder) {
                regex.append("\\s*");
            }
            regex.append(placeholder.group().equals("{sender}") ? SENDER : "(.+?)");
            afterPlaceholder = true;
            at = placeholder.end();
        }
        String tail = body.substring(at);
        if (!tail.isBlank()) {
            regex.append(afterPlaceholder ? "\\s*" : "").append(literal(tail));
            words.addAll(words(tail));
            if (at == 0) {
                first = words(tail).get(0);
            }
        }
        regex.append("\\s?[:：]$");
        return new Wrote(Pattern.compile(regex.toString(), FLAGS), first, List.copyOf(words));
    }

    private static Pattern signature(String form) {
        return Pattern.compile("^" + withPlaceholders(form, DEVICE) + "\\s*[.!]?$", FLAGS);
    }

    /** {@code form} as the body of a pattern: its words as they stand, each placeholder {@code part}. */
    private static String withPlaceholders(String form, String part) {
        StringBuilder regex = new StringBuilder();
        Matcher placeholder = PLACEHOLDER.matcher(form);
        int at = 0;
        while (placeholder.find()) {
            regex.append(literal(form.substring(at, placeholder.start()))).append(part);
            at = placeholder.end();
        }
        return regex.append(literal(form.substring(at))).toString();
    }

    /** A literal part of a form: its words quoted, any run of spaces between them. */
    private static String literal(String text) {
        String stripped = text.strip();
        if (stripped.isEmpty()) {
            return text.isEmpty() ? "" : "\\s*";
        }
        return List.of(stripped.split("\\s+")).stream().map(Pattern::quote).collect(Collectors.joining("\\s+"));
    }

    private static boolean endsInWord(String literal) {
        String stripped = literal.strip();
        return !stripped.isEmpty()
                && Character.isLetterOrDigit(stripped.charAt(stripped.length() - 1))
                && Character.isWhitespace(literal.charAt(literal.length() - 1));
    }

    private static List<String> words(String literal) {
        return List.of(literal.strip().toLowerCase(Locale.ROOT).split("\\s+"));
    }

    private static String alternatives(java.util.Collection<String> texts) {
        return texts.stream()
                .sorted(Comparator.comparingInt(String::length).reversed())
                .map(ReplyForms::literal)
                .collect(Collectors.joining("|"));
    }

    private static Field field(String name, String file) {
        try {
            return Field.valueOf(name.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(
                    file + ": unknown field '" + name + "' (from, sent, date, to, cc, subject)");
        }
    }

    private static String form(Object entry, String where) {
        Object form = entry instanceof Map<?, ?> map ? map.get("form") : entry;
        if (!(form instanceof String text) || text.isBlank()) {
            throw new IllegalStateException(where + ": each entry needs a form");
        }
        return text.strip();
    }

    private static List<?> list(Object value, String where) {
        if (value instanceof List<?> list) {
            return list;
        }
        throw new IllegalStateException(where + " must be a list");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> read(Function<String, InputStream> open, String file) {
        try (InputStream in = open.apply(FOLDER + file)) {
            if (in == null) {
                throw new IllegalStateException(FOLDER + file + " is missing");
            }
            Object loaded = new Yaml(new LoaderOptions()).load(in);
            if (!(loaded instanceof Map<?, ?>)) {
                throw new IllegalStateException(FOLDER + file + " is not a table");
            }
            return (Map<String, Object>) loaded;
        } catch (IOException e) {
            throw new IllegalStateException(FOLDER + file + " cannot be read");
        }
    }
}
