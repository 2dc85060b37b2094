package org.civicloop.services.catalogue.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.civicloop.shared.InvalidInput.Problem;
import org.springframework.context.MessageSource;

/**
 * The problems of a definition as the editor lists them: the path a problem sits on
 * ({@code parts[2].fields}) turned into what an administrator reads ("第3个事项 · 表单字段"), and the
 * message in their language.
 */
final class DefinitionProblems {

    /** One problem as shown: where, and what is wrong. */
    record Shown(String path, String where, String message) {

        /** The id of the structured form's row or basic field this problem sits on ({@code form-parts-2}). */
        public String anchor() {
            Matcher m = ROW.matcher(path == null ? "" : path);
            return m.find() ? "form-" + m.group(1).replace("[", "-").replace("]", "") : "definition-form";
        }
    }

    private static final Pattern SEGMENT = Pattern.compile("([A-Za-z]+)(?:\\[(\\d+)])?");

    private DefinitionProblems() {
    }

    static List<Shown> show(List<Problem> problems, MessageSource messages, Locale locale) {
        List<Shown> shown = new ArrayList<>();
        for (Problem p : problems) {
            shown.add(new Shown(p.field(), where(p.field(), messages, locale),
                    messages.getMessage(p.messageKey(), p.arguments(), p.messageKey(), locale)));
        }
        return shown;
    }

    private static final Pattern ROW = Pattern.compile("^([A-Za-z]+(?:\\[\\d+])?)");

    /**
     * The problems by the row they sit on, for the structured form: {@code parts[2].fields} under
     * {@code parts[2]}, {@code before} and {@code code} under themselves.
     */
    static java.util.Map<String, List<Shown>> byRow(List<Shown> shown) {
        java.util.Map<String, List<Shown>> rows = new java.util.LinkedHashMap<>();
        for (Shown s : shown) {
            Matcher m = ROW.matcher(s.path() == null ? "" : s.path());
            if (m.find()) {
                rows.computeIfAbsent(m.group(1), k -> new ArrayList<>()).add(s);
            }
        }
        return rows;
    }

    /** {@code parts[2].fields} → "第3个事项 · 表单字段"; an unknown segment is shown as written. */
    static String where(String path, MessageSource messages, Locale locale) {
        if (path == null || path.isBlank()) {
            return "";
        }
        List<String> parts = new ArrayList<>();
        for (String segment : path.split("\\.")) {
            Matcher m = SEGMENT.matcher(segment);
            if (!m.matches()) {
                parts.add(segment);
                continue;
            }
            String key = "services.catalogue.path." + m.group(1);
            if (m.group(2) != null) {
                int nth = Integer.parseInt(m.group(2)) + 1;
                parts.add(messages.getMessage(key + ".nth", new Object[] {nth}, segment, locale));
            } else {
                parts.add(messages.getMessage(key, null, segment, locale));
            }
        }
        return String.join(" · ", parts);
    }
}
