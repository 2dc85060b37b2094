package org.civicloop.services.catalogue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import org.civicloop.services.catalogue.ServiceDefinition.Condition;
import org.civicloop.services.catalogue.ServiceDefinition.Field;
import org.civicloop.services.catalogue.ServiceDefinition.FieldType;
import org.civicloop.services.catalogue.ServiceDefinition.Figures;
import org.civicloop.services.catalogue.ServiceDefinition.Part;
import org.civicloop.services.catalogue.ServiceDefinition.Question;
import org.civicloop.shared.InvalidInput.Problem;

/**
 * Everything wrong with a service definition, each problem on its own path
 * ({@code parts[2].fields}) with a message key ({@code services.definition.*}) and its arguments, so
 * that the form and an import report list them all at once and nothing half-right is saved.
 * Among them: a department without an item, a field used but never defined, a condition on an
 * unknown question or answer, and a cycle in the scenario questions.
 */
public final class DefinitionCheck {

    static final Pattern CODE = Pattern.compile("[a-z0-9][a-z0-9-]{1,39}");
    static final int MAX_DAYS = 60;
    /**
     * A department's part decides within 20 working days, the general limit of the Administrative
     * Licensing Law (行政许可法 art. 42); each number of days up to it has its clock rule
     * ({@code civicloop.deadlines.rules.services.part.<n>wd}).
     */
    static final int MAX_PART_DAYS = 20;

    private final List<Problem> problems = new ArrayList<>();

    private DefinitionCheck() {
    }

    /** The problems of a definition; {@code unitExists} answers whether a unit of that name is registered. */
    public static List<Problem> problems(ServiceDefinition d, Predicate<String> unitExists) {
        DefinitionCheck check = new DefinitionCheck();
        check.run(d, unitExists);
        return List.copyOf(check.problems);
    }

    private void run(ServiceDefinition d, Predicate<String> unitExists) {
        if (d.code() == null || !CODE.matcher(d.code()).matches()) {
            add("code", "services.definition.code");
        }
        blank(d.name(), "name", 100);
        blank(d.summary(), "summary", 2000);
        if (d.applicant() == null) {
            add("applicant", "services.definition.applicant");
        }
        if (blank(d.leadUnit(), "leadUnit", 100) && !unitExists.test(d.leadUnit())) {
            add("leadUnit", "services.definition.unknownUnit", d.leadUnit());
        }
        days(d.promisedWorkingDays(), "promisedWorkingDays");
        figures(d.before(), "before");
        figures(d.after(), "after");

        Map<String, Question> questions = unique(d.questions(), Question::code, "questions");
        Set<String> fields = unique(d.fields(), Field::code, "fields").keySet();
        Set<String> materials = unique(d.materials(), ServiceDefinition.Material::code, "materials").keySet();
        Set<String> parts = unique(d.parts(), Part::code, "parts").keySet();
        unique(d.results(), ServiceDefinition.Result::code, "results");

        for (int i = 0; i < d.questions().size(); i++) {
            Question q = d.questions().get(i);
            String at = "questions[" + i + "]";
            blank(q.text(), at + ".text", 200);
            if (q.options().size() < 2) {
                add(at + ".options", "services.definition.questionOptions", q.code());
            }
            unique(q.options(), ServiceDefinition.Option::code, at + ".options");
            conditions(q.when(), at + ".when", questions);
        }
        cycles(d.questions(), questions);

        for (int i = 0; i < d.fields().size(); i++) {
            Field f = d.fields().get(i);
            String at = "fields[" + i + "]";
            blank(f.label(), at + ".label", 100);
            if (f.type() == null) {
                add(at + ".type", "services.definition.fieldType", f.code());
            } else if (f.type() == FieldType.CHOICE && f.options().isEmpty()) {
                add(at + ".options", "services.definition.choiceOptions", f.code());
            }
            if (f.maxLength() != null && (f.maxLength() < 1 || f.maxLength() > FieldValues.TEXTAREA_LIMIT)) {
                add(at + ".maxLength", "services.definition.maxLength", f.code(), FieldValues.TEXTAREA_LIMIT);
            }
        }
        for (int i = 0; i < d.materials().size(); i++) {
            var m = d.materials().get(i);
            String at = "materials[" + i + "]";
            blank(m.name(), at + ".name", 100);
            if (m.waived() && (m.sharedFrom() == null || m.sharedFrom().isBlank())) {
                add(at + ".sharedFrom", "services.definition.waivedWithoutSource", m.code());
            }
        }

        if (d.parts().isEmpty()) {
            add("parts", "services.definition.noParts");
        }
        Set<String> usedFields = new HashSet<>();
        Set<String> usedMaterials = new HashSet<>();
        for (int i = 0; i < d.parts().size(); i++) {
            Part p = d.parts().get(i);
            String at = "parts[" + i + "]";
            if (blank(p.unit(), at + ".unit", 100) && !unitExists.test(p.unit())) {
                add(at + ".unit", "services.definition.unknownUnit", p.unit());
            }
            if (p.item() == null || p.item().isBlank()) {
                add(at + ".item", "services.definition.departmentWithoutItem", p.unit() == null ? "" : p.unit());
            } else if (p.item().length() > 100) {
                add(at + ".item", "services.definition.tooLong", 100);
            }
            if (p.workingDays() < 1 || p.workingDays() > MAX_PART_DAYS) {
                add(at + ".workingDays", "services.definition.partDays", MAX_PART_DAYS);
            } else if (p.workingDays() > d.promisedWorkingDays() && d.promisedWorkingDays() > 0) {
                add(at + ".workingDays", "services.definition.partLongerThanService", p.code(), d.promisedWorkingDays());
            }
            for (String f : p.fields()) {
                usedFields.add(f);
                if (!fields.contains(f)) {
                    add(at + ".fields", "services.definition.undefinedField", p.code(), f);
                }
            }
            for (String m : p.materials()) {
                usedMaterials.add(m);
                if (!materials.contains(m)) {
                    add(at + ".materials", "services.definition.undefinedMaterial", p.code(), m);
                }
            }
            conditions(p.when(), at + ".when", questions);
        }
        for (int i = 0; i < d.fields().size(); i++) {
            if (!usedFields.contains(d.fields().get(i).code())) {
                add("fields[" + i + "]", "services.definition.unusedField", d.fields().get(i).code());
            }
        }
        for (int i = 0; i < d.materials().size(); i++) {
            if (!usedMaterials.contains(d.materials().get(i).code())) {
                add("materials[" + i + "]", "services.definition.unusedMaterial", d.materials().get(i).code());
            }
        }
        for (int i = 0; i < d.results().size(); i++) {
            var r = d.results().get(i);
            blank(r.name(), "results[" + i + "].name", 100);
            if (!parts.contains(r.part())) {
                add("results[" + i + "].part", "services.definition.undefinedPart", r.code(), String.valueOf(r.part()));
            }
        }
    }

    private void conditions(List<Condition> when, String at, Map<String, Question> questions) {
        for (Condition c : when) {
            Question q = questions.get(c.question());
            if (q == null) {
                add(at, "services.definition.unknownQuestion", String.valueOf(c.question()));
                continue;
            }
            if (c.answers().isEmpty()) {
                add(at, "services.definition.conditionWithoutAnswer", c.question());
            }
            for (String a : c.answers()) {
                if (q.options().stream().noneMatch(o -> o.code().equals(a))) {
                    add(at, "services.definition.unknownAnswer", c.question(), a);
                }
            }
        }
    }

    /** A question asked only after an answer to itself, directly or through others, can never be asked. */
    private void cycles(List<Question> list, Map<String, Question> questions) {
        Map<String, Integer> state = new HashMap<>();
        for (Question q : list) {
            List<String> path = new ArrayList<>();
            if (cycleFrom(q.code(), questions, state, path)) {
                add("questions", "services.definition.questionCycle", String.join(" → ", path));
                return;
            }
        }
    }

    private boolean cycleFrom(String code, Map<String, Question> questions, Map<String, Integer> state, List<String> path) {
        Integer s = state.get(code);
        if (s != null) {
            if (s == 1) {
                path.add(code);
                return true;
            }
            return false;
        }
        Question q = questions.get(code);
        if (q == null) {
            return false;
        }
        state.put(code, 1);
        path.add(code);
        for (Condition c : q.when()) {
            if (cycleFrom(c.question(), questions, state, path)) {
                return true;
            }
        }
        path.remove(path.size() - 1);
        state.put(code, 2);
        return false;
    }

    private <T> Map<String, T> unique(List<T> items, Function<T, String> code, String at) {
        Map<String, T> byCode = new HashMap<>();
        for (int i = 0; i < items.size(); i++) {
            String c = code.apply(items.get(i));
            if (c == null || !CODE.matcher(c).matches()) {
                add(at + "[" + i + "].code", "services.definition.code");
            } else if (byCode.putIfAbsent(c, items.get(i)) != null) {
                add(at + "[" + i + "].code", "services.definition.duplicateCode", c);
            }
        }
        return byCode;
    }

    private void figures(Figures f, String at) {
        if (f == null) {
            add(at, "services.definition.figures");
        } else if (f.steps() < 0 || f.materials() < 0 || f.trips() < 0 || f.workingDays() < 0
                || f.formFields() < 0 || f.departments() < 0) {
            add(at, "services.definition.figuresNegative");
        }
    }

    private void days(int days, String at) {
        if (days < 1 || days > MAX_DAYS) {
            add(at, "services.definition.days", MAX_DAYS);
        }
    }

    /** True when the text is present and short enough; otherwise records the problem. */
    private boolean blank(String text, String at, int max) {
        if (text == null || text.isBlank()) {
            add(at, "services.definition.required");
            return false;
        }
        if (text.length() > max) {
            add(at, "services.definition.tooLong", max);
            return false;
        }
        return true;
    }

    private void add(String at, String key, Object... args) {
        problems.add(new Problem(at, key, args));
    }
}
