package org.civicloop.services.catalogue.web;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;
import org.civicloop.services.catalogue.ServiceDefinition;
import org.civicloop.services.catalogue.ServiceDefinition.Applicant;
import org.civicloop.services.catalogue.ServiceDefinition.Condition;
import org.civicloop.services.catalogue.ServiceDefinition.FieldType;
import org.civicloop.services.catalogue.ServiceDefinition.Figures;
import org.civicloop.services.catalogue.ServiceDefinition.Option;
import org.civicloop.shared.InvalidInput.Problem;

/**
 * Turns the posted {@link DefinitionForm} into a {@link ServiceDefinition}. Empty rows are left out;
 * the rows that remain are numbered as in the definition, so that a problem's path
 * ({@code parts[2].fields}) names the row it is shown beside. What cannot be read at all — a number
 * that is not a whole number, an option or condition line without "=" — is a problem of its own
 * ({@code services.form.*}), and the value is read as nothing (0, no option) so that the rest can
 * still be checked.
 */
final class DefinitionFormConverter {

    /** The definition read from the form, the problems of reading it, and the form without its empty rows. */
    record Conversion(ServiceDefinition definition, List<Problem> problems, DefinitionForm form) {
    }

    private final List<Problem> problems = new ArrayList<>();

    private DefinitionFormConverter() {
    }

    static Conversion convert(DefinitionForm posted) {
        DefinitionForm form = compact(posted);
        DefinitionFormConverter c = new DefinitionFormConverter();
        ServiceDefinition d = c.read(form);
        return new Conversion(d, List.copyOf(c.problems), form);
    }

    private static DefinitionForm compact(DefinitionForm f) {
        return new DefinitionForm(f.editing(), f.code(), f.name(), f.summary(), f.applicant(), f.leadUnit(), f.promisedWorkingDays(),
                f.questions().stream().filter(r -> !r.blank()).toList(),
                f.fields().stream().filter(r -> !r.blank()).toList(),
                f.materials().stream().filter(r -> !r.blank()).toList(),
                f.parts().stream().filter(r -> !r.blank()).toList(),
                f.results().stream().filter(r -> !r.blank()).toList(),
                f.before(), f.after());
    }

    private ServiceDefinition read(DefinitionForm f) {
        List<ServiceDefinition.Question> questions = indexed(f.questions(), (i, q) -> {
            String at = "questions[" + i + "]";
            return new ServiceDefinition.Question(code(q.code()), text(q.text()), options(q.options(), at + ".options"),
                    conditions(q.when(), at + ".when"));
        });
        List<ServiceDefinition.Field> fields = indexed(f.fields(), (i, r) -> {
            String at = "fields[" + i + "]";
            return new ServiceDefinition.Field(code(r.code()), text(r.label()), enumOf(FieldType.class, r.type()),
                    Boolean.TRUE.equals(r.required()), optionalNumber(r.maxLength(), at + ".maxLength"),
                    options(r.options(), at + ".options"), optional(r.hint()));
        });
        List<ServiceDefinition.Material> materials = f.materials().stream()
                .map(m -> new ServiceDefinition.Material(code(m.code()), text(m.name()), Boolean.TRUE.equals(m.waived()), optional(m.sharedFrom())))
                .toList();
        List<ServiceDefinition.Part> parts = indexed(f.parts(), (i, p) -> {
            String at = "parts[" + i + "]";
            return new ServiceDefinition.Part(code(p.code()), optional(p.unit()), text(p.item()), optional(p.itemCode()),
                    number(p.workingDays(), at + ".workingDays"), Boolean.TRUE.equals(p.required()),
                    codes(p.fields()), codes(p.materials()), conditions(p.when(), at + ".when"));
        });
        List<ServiceDefinition.Result> results = f.results().stream()
                .map(r -> new ServiceDefinition.Result(code(r.code()), text(r.name()), code(r.part()))).toList();
        return new ServiceDefinition(code(f.code()), text(f.name()), text(f.summary()), enumOf(Applicant.class, f.applicant()),
                optional(f.leadUnit()), number(f.promisedWorkingDays(), "promisedWorkingDays"),
                questions, fields, materials, parts, results, figures(f.before(), "before"), figures(f.after(), "after"));
    }

    private interface RowReader<R, T> {
        T read(int index, R row);
    }

    private static <R, T> List<T> indexed(List<R> rows, RowReader<R, T> reader) {
        List<T> read = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            read.add(reader.read(i, rows.get(i)));
        }
        return read;
    }

    /** "code=label" a line; a line without "=" or with an empty side is a problem. */
    private List<Option> options(String text, String at) {
        return lines(text, at, "services.form.badOptionLine", (line) -> {
            int eq = line.indexOf('=');
            String code = line.substring(0, eq).trim();
            String label = line.substring(eq + 1).trim();
            return code.isEmpty() || label.isEmpty() ? null : new Option(code, label);
        });
    }

    /** "question=answer1|answer2" a line. */
    private List<Condition> conditions(String text, String at) {
        return lines(text, at, "services.form.badConditionLine", (line) -> {
            int eq = line.indexOf('=');
            String question = line.substring(0, eq).trim();
            List<String> answers = Arrays.stream(line.substring(eq + 1).split("\\|")).map(String::trim).filter(s -> !s.isEmpty()).toList();
            return question.isEmpty() || answers.isEmpty() ? null : new Condition(question, answers);
        });
    }

    private <T> List<T> lines(String text, String at, String key, Function<String, T> parse) {
        List<T> read = new ArrayList<>();
        if (text == null) {
            return read;
        }
        String[] lines = text.split("\\R");
        for (int n = 0; n < lines.length; n++) {
            String line = lines[n].trim();
            if (line.isEmpty()) {
                continue;
            }
            T value = line.indexOf('=') < 0 ? null : parse.apply(line);
            if (value == null) {
                problems.add(new Problem(at, key, new Object[] {n + 1, line}));
            } else {
                read.add(value);
            }
        }
        return read;
    }

    private static List<String> codes(String text) {
        if (text == null) {
            return List.of();
        }
        return Arrays.stream(text.split("[,，、\\s]+")).map(String::trim).filter(s -> !s.isEmpty()).toList();
    }

    private int number(String text, String at) {
        if (text == null || text.isBlank()) {
            problems.add(new Problem(at, "services.form.numberRequired", new Object[0]));
            return 0;
        }
        Integer n = parse(text, at);
        return n == null ? 0 : n;
    }

    private Integer optionalNumber(String text, String at) {
        return text == null || text.isBlank() ? null : parse(text, at);
    }

    private Integer parse(String text, String at) {
        try {
            return Integer.valueOf(text.trim());
        } catch (NumberFormatException e) {
            problems.add(new Problem(at, "services.form.notANumber", new Object[] {text.trim()}));
            return null;
        }
    }

    private Figures figures(DefinitionForm.FiguresRow f, String at) {
        return new Figures(number(f.steps(), at), number(f.materials(), at), number(f.trips(), at),
                number(f.workingDays(), at), number(f.formFields(), at), number(f.departments(), at));
    }

    private static <E extends Enum<E>> E enumOf(Class<E> type, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, value.trim());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static String code(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

    private static String text(String s) {
        return s == null ? null : s.replace("\r\n", "\n");
    }

    private static String optional(String s) {
        return s == null || s.isBlank() ? null : s.replace("\r\n", "\n");
    }
}
