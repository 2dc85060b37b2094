package org.civicloop.shared;

import java.util.ArrayList;
import java.util.List;
import org.civicloop.shared.InvalidInput.Problem;

/**
 * The character rules every text field obeys before the database sees it: a declared maximum (in
 * characters, that is code points, so that a 4-byte emoji counts once), no control characters (line
 * breaks and tabs only where the field has several lines), and a minimum that counts only visible
 * characters (text made of zero-width characters alone is no text). One place, so every form and
 * API refuses hostile text the same way and with the same messages ({@code input.error.*}).
 *
 * <p>Use {@link #check} to collect a field's problem beside others, or {@link #require} when a
 * single field is all a command takes.
 */
public final class TextRules {

    /** Zero-width characters: ZERO WIDTH SPACE, NON-JOINER, JOINER, WORD JOINER and the BOM. */
    private static final String ZERO_WIDTH = "\u200B\u200C\u200D\u2060\uFEFF";

    private TextRules() {
    }

    /** One line of text (a name, a title, a reason code): no line breaks either. */
    public static Rule line(String field, int max) {
        return new Rule(field, max, false, false, 0);
    }

    /** Text of several lines (a note, a reply, instructions): line breaks and tabs are allowed. */
    public static Rule text(String field, int max) {
        return new Rule(field, max, true, false, 0);
    }

    /**
     * A field's rule: its name (for the message beside it), the maximum in characters, whether line
     * breaks are allowed, whether it must be given and its shortest visible length.
     */
    public record Rule(String field, int max, boolean multiline, boolean mandatory, int min) {

        public Rule required() {
            return new Rule(field, max, multiline, true, Math.max(min, 1));
        }

        /** Required, with at least {@code min} visible characters. */
        public Rule atLeast(int min) {
            return new Rule(field, max, multiline, true, min);
        }

        /** The problem of {@code value} under this rule, or null when there is none. */
        public Problem problem(String value) {
            return TextRules.problem(this, value);
        }
    }

    /** Adds the problem of {@code value} under {@code rule} to {@code problems}, if any. */
    public static void check(List<Problem> problems, Rule rule, String value) {
        Problem p = problem(rule, value);
        if (p != null) {
            problems.add(p);
        }
    }

    /** Throws {@link InvalidInput} listing every problem of the given fields: pairs of rule and value. */
    public static void require(Object... rulesAndValues) {
        List<Problem> problems = new ArrayList<>();
        for (int i = 0; i < rulesAndValues.length; i += 2) {
            check(problems, (Rule) rulesAndValues[i], (String) rulesAndValues[i + 1]);
        }
        if (!problems.isEmpty()) {
            throw new InvalidInput(problems);
        }
    }

    static Problem problem(Rule rule, String value) {
        String v = value == null ? "" : value.strip();
        if (v.isEmpty() || visibleLength(v) == 0) {
            return rule.mandatory() ? new Problem(rule.field(), "input.error.required") : null;
        }
        if (hasControlCharacters(v, rule.multiline())) {
            return new Problem(rule.field(), rule.multiline() ? "input.error.controlCharacters" : "input.error.lineCharacters");
        }
        if (length(v) > rule.max()) {
            return new Problem(rule.field(), "input.error.tooLong", String.valueOf(rule.max()), String.valueOf(length(v)));
        }
        if (visibleLength(v) < rule.min()) {
            return new Problem(rule.field(), "input.error.tooShort", String.valueOf(rule.min()));
        }
        return null;
    }

    /**
     * Whether {@code s} holds a control character (NUL, escape, the C1 block, the Unicode line and
     * paragraph separators, the BOM); {@code allowLineBreaks} lets CR, LF and tab through.
     */
    public static boolean hasControlCharacters(String s, boolean allowLineBreaks) {
        return s != null && s.codePoints().anyMatch(c -> (Character.isISOControl(c) || c == 0x2028 || c == 0x2029
                || c == 0xFEFF || c == 0xFFFE || c == 0xFFFF || Character.getType(c) == Character.SURROGATE)
                && !(allowLineBreaks && (c == '\n' || c == '\r' || c == '\t')));
    }

    /** Length in characters (code points): a 4-byte emoji or a rare CJK ideograph counts once. */
    public static int length(String s) {
        return s == null ? 0 : s.codePointCount(0, s.length());
    }

    /**
     * Length in characters, not counting zero-width characters, and 0 when nothing but white space
     * and zero-width characters is left.
     */
    public static int visibleLength(String s) {
        if (s == null) {
            return 0;
        }
        StringBuilder visible = new StringBuilder(s.length());
        s.codePoints().filter(c -> ZERO_WIDTH.indexOf(c) < 0).forEach(visible::appendCodePoint);
        return visible.toString().isBlank() ? 0 : length(visible.toString().strip());
    }

    /** Whether {@code s} is blank once zero-width characters are ignored. */
    public static boolean isBlank(String s) {
        return visibleLength(s) == 0;
    }
}
