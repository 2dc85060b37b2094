package org.civicloop.services.catalogue.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;
import org.civicloop.services.catalogue.ServiceDefinition;
import org.civicloop.services.catalogue.ServiceDefinition.Condition;
import org.civicloop.services.catalogue.ServiceDefinition.Figures;
import org.civicloop.services.catalogue.ServiceDefinition.Option;

/**
 * The catalogue's structured form as posted: one table of rows per section of a {@link
 * ServiceDefinition}, every value as typed (numbers too, so that a malformed one is a problem and not
 * a binding error). Options are one {@code code=label} a line, conditions one
 * {@code question=answer1|answer2} a line, a part's fields and materials a comma list of codes.
 * {@link DefinitionFormConverter} turns it into a definition.
 */
record DefinitionForm(
        String editing,
        String code,
        String name,
        String summary,
        String applicant,
        String leadUnit,
        String promisedWorkingDays,
        List<QuestionRow> questions,
        List<FieldRow> fields,
        List<MaterialRow> materials,
        List<PartRow> parts,
        List<ResultRow> results,
        FiguresRow before,
        FiguresRow after) {

    /** Empty rows shown under the filled ones of every section. */
    static final int BLANK_ROWS = 2;

    DefinitionForm {
        questions = rows(questions);
        fields = rows(fields);
        materials = rows(materials);
        parts = rows(parts);
        results = rows(results);
        before = before == null ? FiguresRow.EMPTY : before;
        after = after == null ? FiguresRow.EMPTY : after;
    }

    record QuestionRow(String code, String text, String options, String when) {
        static final QuestionRow EMPTY = new QuestionRow("", "", "", "");

        boolean blank() {
            return DefinitionForm.blank(code, text, options, when);
        }
    }

    record FieldRow(String code, String label, String type, Boolean required, String maxLength, String options, String hint) {
        static final FieldRow EMPTY = new FieldRow("", "", "", false, "", "", "");

        boolean blank() {
            return DefinitionForm.blank(code, label, type, maxLength, options, hint);
        }
    }

    record MaterialRow(String code, String name, Boolean waived, String sharedFrom) {
        static final MaterialRow EMPTY = new MaterialRow("", "", false, "");

        boolean blank() {
            return DefinitionForm.blank(code, name, sharedFrom);
        }
    }

    record PartRow(String code, String unit, String item, String itemCode, String workingDays, Boolean required,
            String fields, String materials, String when) {
        static final PartRow EMPTY = new PartRow("", "", "", "", "", false, "", "", "");

        boolean blank() {
            return DefinitionForm.blank(code, unit, item, itemCode, workingDays, fields, materials, when);
        }
    }

    record ResultRow(String code, String name, String part) {
        static final ResultRow EMPTY = new ResultRow("", "", "");

        boolean blank() {
            return DefinitionForm.blank(code, name, part);
        }
    }

    record FiguresRow(String steps, String materials, String trips, String workingDays, String formFields, String departments) {
        static final FiguresRow EMPTY = new FiguresRow("", "", "", "", "", "");

        static FiguresRow of(Figures f) {
            return f == null ? EMPTY : new FiguresRow(String.valueOf(f.steps()), String.valueOf(f.materials()), String.valueOf(f.trips()),
                    String.valueOf(f.workingDays()), String.valueOf(f.formFields()), String.valueOf(f.departments()));
        }
    }

    /** A new definition: nothing filled, nothing chosen. */
    static DefinitionForm empty() {
        return new DefinitionForm(null, "", "", "", "", "", "", null, null, null, null, null, null, null);
    }

    /** The form of a stored definition, to edit it as a new version. */
    static DefinitionForm of(ServiceDefinition d) {
        return new DefinitionForm(d.code(), d.code(), d.name(), d.summary(), d.applicant() == null ? "" : d.applicant().name(),
                d.leadUnit(), String.valueOf(d.promisedWorkingDays()),
                d.questions().stream().map(q -> new QuestionRow(q.code(), q.text(), options(q.options()), conditions(q.when()))).toList(),
                d.fields().stream().map(f -> new FieldRow(f.code(), f.label(), f.type() == null ? "" : f.type().name(), f.required(),
                        f.maxLength() == null ? "" : String.valueOf(f.maxLength()), options(f.options()), text(f.hint()))).toList(),
                d.materials().stream().map(m -> new MaterialRow(m.code(), m.name(), m.waived(), text(m.sharedFrom()))).toList(),
                d.parts().stream().map(p -> new PartRow(p.code(), p.unit(), p.item(), text(p.itemCode()), String.valueOf(p.workingDays()),
                        p.required(), String.join(", ", p.fields()), String.join(", ", p.materials()), conditions(p.when()))).toList(),
                d.results().stream().map(r -> new ResultRow(r.code(), r.name(), r.part())).toList(),
                FiguresRow.of(d.before()), FiguresRow.of(d.after()));
    }

    /** The same form without its empty rows and with {@link #BLANK_ROWS} empty rows under each section's filled ones. */
    DefinitionForm withBlankRows() {
        return new DefinitionForm(editing, code, name, summary, applicant, leadUnit, promisedWorkingDays,
                pad(questions.stream().filter(r -> !r.blank()).toList(), QuestionRow.EMPTY),
                pad(fields.stream().filter(r -> !r.blank()).toList(), FieldRow.EMPTY),
                pad(materials.stream().filter(r -> !r.blank()).toList(), MaterialRow.EMPTY),
                pad(parts.stream().filter(r -> !r.blank()).toList(), PartRow.EMPTY),
                pad(results.stream().filter(r -> !r.blank()).toList(), ResultRow.EMPTY),
                before, after);
    }

    static String options(List<Option> options) {
        return options.stream().map(o -> o.code() + "=" + o.label()).collect(Collectors.joining("\n"));
    }

    static String conditions(List<Condition> when) {
        return when.stream().map(c -> c.question() + "=" + String.join("|", c.answers())).collect(Collectors.joining("\n"));
    }

    private static String text(String s) {
        return s == null ? "" : s;
    }

    private static <T> List<T> pad(List<T> rows, T empty) {
        List<T> padded = new ArrayList<>(rows);
        for (int i = 0; i < BLANK_ROWS; i++) {
            padded.add(empty);
        }
        return List.copyOf(padded);
    }

    private static <T> List<T> rows(List<T> list) {
        return list == null ? List.of() : list.stream().filter(Objects::nonNull).toList();
    }

    private static boolean blank(String... values) {
        for (String v : values) {
            if (v != null && !v.isBlank()) {
                return false;
            }
        }
        return true;
    }
}
