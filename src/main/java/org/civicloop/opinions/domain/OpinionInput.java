package org.civicloop.opinions.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Checks what the public and partner systems send, field by field, and returns every problem as a
 * (field, message key, arguments) triple — the same rules for the HTML form, the JSON API and
 * Open311.
 */
public final class OpinionInput {

    private static final Pattern MOBILE = Pattern.compile("1[3-9]\\d{9}");
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]{1,64}@[^@\\s]{1,190}\\.[A-Za-z]{2,20}");

    private OpinionInput() {
    }

    public record Problem(String field, String messageKey, Object... arguments) {
    }

    public static List<Problem> check(String category, String content, String placeCode, String placeDetail,
                                      String voterName, String voterPhone, String voterEmail, Boolean consent,
                                      OpinionsProperties rules) {
        List<Problem> problems = new ArrayList<>();
        String text = content == null ? "" : content.strip();
        if (text.isEmpty()) {
            problems.add(new Problem("content", "opinion.error.contentRequired"));
        } else if (text.codePointCount(0, text.length()) < rules.contentMinLength()) {
            problems.add(new Problem("content", "opinion.error.contentTooShort", String.valueOf(rules.contentMinLength())));
        } else if (text.codePointCount(0, text.length()) > rules.contentMaxLength()) {
            problems.add(new Problem("content", "opinion.error.contentTooLong", String.valueOf(rules.contentMaxLength())));
        } else if (hasControlCharacters(text, true)) {
            problems.add(new Problem("content", "opinion.error.controlCharacters"));
        }
        if (category == null || category.isBlank()) {
            problems.add(new Problem("category", "opinion.error.categoryRequired"));
        }
        if (placeCode == null || placeCode.isBlank()) {
            problems.add(new Problem("placeCode", "opinion.error.placeRequired"));
        } else if (!placeCode.matches("\\d{2,12}")) {
            problems.add(new Problem("placeCode", "opinion.error.place"));
        }
        if (placeDetail != null && (placeDetail.length() > 200 || hasControlCharacters(placeDetail, false))) {
            problems.add(new Problem("placeDetail", "opinion.error.placeDetail", "200"));
        }
        if (!blank(voterName) && (voterName.strip().length() > 50 || hasControlCharacters(voterName, false))) {
            problems.add(new Problem("voterName", "opinion.error.voterName", "50"));
        }
        if (!blank(voterPhone) && !MOBILE.matcher(voterPhone.strip()).matches()) {
            problems.add(new Problem("voterPhone", "opinion.error.voterPhone"));
        }
        if (!blank(voterEmail) && !EMAIL.matcher(voterEmail.strip()).matches()) {
            problems.add(new Problem("voterEmail", "opinion.error.voterEmail"));
        }
        boolean personal = !blank(voterName) || !blank(voterPhone) || !blank(voterEmail);
        if (personal && !Boolean.TRUE.equals(consent)) {
            problems.add(new Problem("consent", "opinion.error.consent"));
        }
        return problems;
    }

    public static boolean hasControlCharacters(String s, boolean allowLineBreaks) {
        return s.codePoints().anyMatch(c -> (Character.isISOControl(c) || c == 0x2028 || c == 0x2029 || c == 0xFEFF)
                && !(allowLineBreaks && (c == '\n' || c == '\r' || c == '\t')));
    }

    public static String orNull(String s) {
        return blank(s) ? null : s.strip();
    }

    public static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
