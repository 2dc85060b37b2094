package org.civicloop.services.catalogue;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * A combined service (一件事, {@code ThemeService} in the glossary) as data: what an administrator
 * writes in the catalogue form or imports as JSON/YAML, with no code change. The scenario questions
 * (情形引导) decide which departments' parts apply; the unified form (一表申请) asks each field once,
 * however many parts use it; the materials (一套材料) are listed once, those the departments share
 * among themselves marked waived (免提交).
 *
 * <p>Every list is ordered as the applicant sees it. Codes are unique within their list and are what
 * parts, results and conditions refer to. {@link DefinitionCheck} says what is wrong with one.
 *
 * @param code         stable code of the service, lower-case letters, digits and dashes
 * @param name         its name (企业迁移登记一件事)
 * @param applicant    who applies: an enterprise or a citizen
 * @param leadUnit     the lead department (牵头部门), by unit name
 * @param promisedWorkingDays the promised time limit (承诺时限) of the whole application, in working days
 * @param before       the figures before the service was combined (the baseline of the efficiency page)
 * @param after        the figures promised now
 */
public record ServiceDefinition(
        String code,
        String name,
        String summary,
        Applicant applicant,
        String leadUnit,
        int promisedWorkingDays,
        List<Question> questions,
        List<Field> fields,
        List<Material> materials,
        List<Part> parts,
        List<Result> results,
        Figures before,
        Figures after) {

    public ServiceDefinition {
        questions = copy(questions);
        fields = copy(fields);
        materials = copy(materials);
        parts = copy(parts);
        results = copy(results);
    }

    /** Who applies. */
    public enum Applicant { ENTERPRISE, CITIZEN }

    /** The value types of the unified form; {@link FieldValues} checks a value of each. */
    public enum FieldType { TEXT, TEXTAREA, NUMBER, DATE, CHOICE, PHONE, EMAIL, ID_NUMBER, CREDIT_CODE }

    /** A scenario question (情形), asked only when its own conditions hold (earlier answers). */
    public record Question(String code, String text, List<Option> options, List<Condition> when) {
        public Question {
            options = copy(options);
            when = copy(when);
        }
    }

    public record Option(String code, String label) {
    }

    /** Holds when the question was answered with one of the answers. */
    public record Condition(String question, List<String> answers) {
        public Condition {
            answers = copy(answers);
        }

        boolean holds(Map<String, String> given) {
            String answer = given.get(question);
            return answer != null && answers.contains(answer);
        }
    }

    /**
     * A field of the unified form. {@code maxLength} bounds text; {@code options} are a CHOICE's values.
     */
    public record Field(String code, String label, FieldType type, boolean required, Integer maxLength,
            List<Option> options, String hint) {
        public Field {
            options = copy(options);
        }
    }

    /**
     * A material. A waived one (免提交) is not uploaded because a department already holds the data
     * ({@code sharedFrom} says where: 电子证照库, 市场主体登记系统…).
     */
    public record Material(String code, String name, boolean waived, String sharedFrom) {
    }

    /**
     * One department's part (事项) of the service: its item, the fields and materials it needs, its own
     * time limit, the conditions under which it applies (none: always), and whether the application
     * may complete although this part is refused ({@code required} false).
     */
    public record Part(String code, String unit, String item, String itemCode, int workingDays, boolean required,
            List<String> fields, List<String> materials, List<Condition> when) {
        public Part {
            fields = copy(fields);
            materials = copy(materials);
            when = copy(when);
        }
    }

    /** A result document (结果文书) issued by a part: a licence, a notice, a certificate. */
    public record Result(String code, String name, String part) {
    }

    /** The figures of the efficiency comparison (3.4): steps, materials, trips, time limit, form fields, departments. */
    public record Figures(int steps, int materials, int trips, int workingDays, int formFields, int departments) {
    }

    /** The questions to ask, in order, given the answers so far: those whose conditions hold. */
    public List<Question> questionsFor(Map<String, String> answers) {
        return questions.stream().filter(q -> holdAll(q.when(), answers)).toList();
    }

    /**
     * What applies to an applicant with these answers: the parts whose conditions hold, and the fields,
     * materials and results those parts need, each once, in the definition's order. Answers to
     * questions not asked are ignored.
     */
    public Applicable applicableTo(Map<String, String> answers) {
        Map<String, String> asked = new LinkedHashMap<>();
        for (Question q : questionsFor(answers)) {
            if (answers.containsKey(q.code())) {
                asked.put(q.code(), answers.get(q.code()));
            }
        }
        List<Part> applying = parts.stream().filter(p -> holdAll(p.when(), asked)).toList();
        Set<String> fieldCodes = new LinkedHashSet<>();
        Set<String> materialCodes = new LinkedHashSet<>();
        Set<String> partCodes = new LinkedHashSet<>();
        for (Part p : applying) {
            fieldCodes.addAll(p.fields());
            materialCodes.addAll(p.materials());
            partCodes.add(p.code());
        }
        List<String> unanswered = questionsFor(asked).stream().map(Question::code)
                .filter(c -> !asked.containsKey(c)).toList();
        return new Applicable(asked, unanswered, applying,
                fields.stream().filter(f -> fieldCodes.contains(f.code())).toList(),
                materials.stream().filter(m -> materialCodes.contains(m.code())).toList(),
                results.stream().filter(r -> partCodes.contains(r.part())).toList());
    }

    /**
     * What applies to one applicant: the answers that counted, the questions still unanswered (the
     * application cannot be submitted while there are any), the parts, and the fields, materials and
     * results of those parts, each once.
     */
    public record Applicable(Map<String, String> answers, List<String> unanswered, List<Part> parts,
            List<Field> fields, List<Material> materials, List<Result> results) {

        public boolean complete() {
            return unanswered.isEmpty();
        }

        /** The materials the applicant must upload: those not waived. */
        public List<Material> toUpload() {
            return materials.stream().filter(m -> !m.waived()).toList();
        }
    }

    public Field field(String fieldCode) {
        return fields.stream().filter(f -> f.code().equals(fieldCode)).findFirst().orElse(null);
    }

    public Part part(String partCode) {
        return parts.stream().filter(p -> p.code().equals(partCode)).findFirst().orElse(null);
    }

    private static boolean holdAll(List<Condition> conditions, Map<String, String> answers) {
        return conditions.stream().allMatch(c -> c.holds(answers));
    }

    private static <T> List<T> copy(List<T> list) {
        return list == null ? List.of() : list.stream().filter(Objects::nonNull).toList();
    }
}
