package nl.classbridge.mail.reply;

import java.util.regex.Pattern;

/**
 * A text that a pattern may read only so many characters of, counted over every match made
 * with the same {@link Budget}. The reply forms are many patterns with several open parts each;
 * a crafted line can make such a pattern backtrack for a very long time. With a budget per mail
 * the work on one mail is bounded whatever its lines: when it runs out, nothing more is taken
 * for a header, and the rest of the mail stays text for the teacher to read.
 */
final class BoundedText implements CharSequence {

    /** Characters left to read, shared by every match on one mail. */
    static final class Budget {
        private long left;

        Budget(long reads) {
            this.left = reads;
        }

        boolean spent() {
            return left <= 0;
        }

        /** Takes {@code reads} from what is left; false when nothing is left. */
        boolean spend(long reads) {
            left -= reads;
            return left > 0;
        }
    }

    /** Thrown inside a match when the budget is spent; no stack trace, it is no error. */
    private static final class Spent extends RuntimeException {
        Spent() {
            super(null, null, false, false);
        }
    }

    private static final Spent SPENT = new Spent();

    private final String text;
    private final int start;
    private final int end;
    private final Budget budget;

    private BoundedText(String text, int start, int end, Budget budget) {
        this.text = text;
        this.start = start;
        this.end = end;
        this.budget = budget;
    }

    /** Whether {@code pattern} matches all of {@code text}; false when {@code budget} runs out. */
    static boolean matches(Pattern pattern, String text, Budget budget) {
        if (budget == null) {
            return pattern.matcher(text).matches();
        }
        if (budget.spent()) {
            return false;
        }
        try {
            return pattern.matcher(new BoundedText(text, 0, text.length(), budget))
                    .matches();
        } catch (Spent e) {
            return false;
        }
    }

    @Override
    public int length() {
        return end - start;
    }

    @Override
    public char charAt(int index) {
        if (--budget.left < 0) {
            throw SPENT;
        }
        return text.charAt(start + index);
    }

    @Override
    public CharSequence subSequence(int from, int to) {
        return new BoundedText(text, start + from, start + to, budget);
    }

    @Override
    public String toString() {
        return text.substring(start, end);
    }
}
