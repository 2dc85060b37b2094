package org.civicloop.services.catalogue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.civicloop.services.catalogue.ServiceDefinition.Condition;
import org.civicloop.services.catalogue.ServiceDefinition.Part;
import org.civicloop.services.catalogue.ServiceDefinition.Question;
import org.civicloop.shared.InvalidInput;
import org.civicloop.shared.InvalidInput.Problem;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.ClassPathResource;

/** The catalogue's rules on a definition, without Spring: the demo service reads and passes; each fault is named once. */
class DefinitionCheckTests {

    private final DefinitionFormat format = new DefinitionFormat();

    private ServiceDefinition migration() throws IOException {
        String yaml = new ClassPathResource("demo/services/enterprise-migration.yaml").getContentAsString(StandardCharsets.UTF_8);
        return format.read(yaml, DefinitionFormat.Kind.YAML);
    }

    private static List<Problem> problems(ServiceDefinition d) {
        return DefinitionCheck.problems(d, unit -> !unit.equals("不存在的局"));
    }

    private static List<String> keys(List<Problem> problems) {
        return problems.stream().map(p -> p.field() + " " + p.messageKey()).toList();
    }

    @Test
    void theDemoMigrationServiceReadsAndHasNoProblem() throws IOException {
        ServiceDefinition d = migration();
        assertThat(problems(d)).isEmpty();
        assertThat(d.parts()).extracting(Part::code).containsExactly(
                "file-transfer", "change-registration", "tax-migration", "social-insurance", "seal", "bank-notice");
        // JSON round trip keeps every value
        assertThat(format.read(format.write(d, DefinitionFormat.Kind.JSON), DefinitionFormat.Kind.JSON)).isEqualTo(d);
        assertThat(format.read(format.write(d, DefinitionFormat.Kind.YAML), DefinitionFormat.Kind.YAML)).isEqualTo(d);
    }

    @Test
    void theAnswersDecideWhichPartsFieldsAndMaterialsApplyEachOnce() throws IOException {
        ServiceDefinition d = migration();
        var a = d.applicableTo(Map.of("origin", "guizhou", "tax-registered", "yes", "employees", "yes",
                "new-seal", "no", "bank", "no"));
        assertThat(a.complete()).isTrue();
        assertThat(a.parts()).extracting(Part::code)
                .containsExactly("file-transfer", "change-registration", "tax-migration", "social-insurance");
        // company-name is used by all four parts and asked once; seal and bank fields are not asked
        assertThat(a.fields()).extracting(ServiceDefinition.Field::code).containsExactly(
                "company-name", "credit-code", "legal-rep", "legal-rep-id", "contact-phone", "old-address",
                "new-address", "origin-authority", "registered-capital", "business-scope", "move-date",
                "tax-authority", "employees-count");
        assertThat(a.toUpload()).extracting(ServiceDefinition.Material::code).containsExactly("resolution", "address-proof");
        assertThat(a.results()).extracting(ServiceDefinition.Result::code)
                .containsExactly("transfer-letter", "licence", "tax-notice", "insurance-notice");

        var partial = d.applicableTo(Map.of("origin", "guizhou", "tax-registered", "no"));
        assertThat(partial.complete()).isFalse();
        assertThat(partial.unanswered()).containsExactly("employees", "new-seal", "bank");
    }

    @Test
    void aDepartmentWithoutAnItemIsNamed() throws IOException {
        ServiceDefinition d = migration();
        Part seal = d.part("seal");
        var broken = withParts(d, replace(d.parts(), seal, new Part(seal.code(), seal.unit(), " ", seal.itemCode(),
                seal.workingDays(), seal.required(), seal.fields(), seal.materials(), seal.when())));
        assertThat(keys(problems(broken))).containsExactly("parts[4].item services.definition.departmentWithoutItem");
        assertThat(problems(broken).get(0).arguments()).containsExactly("贵阳市公安局花溪分局");
    }

    @Test
    void aFieldUsedButNeverDefinedIsNamed() throws IOException {
        ServiceDefinition d = migration();
        Part tax = d.part("tax-migration");
        var broken = withParts(d, replace(d.parts(), tax, new Part(tax.code(), tax.unit(), tax.item(), tax.itemCode(),
                tax.workingDays(), tax.required(), List.of("company-name", "taxpayer-type"), tax.materials(), tax.when())));
        // tax-authority is now used by nobody: that is named too
        assertThat(keys(problems(broken))).containsExactlyInAnyOrder(
                "parts[2].fields services.definition.undefinedField",
                "fields[11] services.definition.unusedField");
        assertThat(problems(broken)).filteredOn(p -> p.field().equals("parts[2].fields"))
                .singleElement().satisfies(p -> assertThat(p.arguments()).containsExactly("tax-migration", "taxpayer-type"));
    }

    @Test
    void aPartDecidesWithinTwentyWorkingDaysEachWithItsClockRule() throws IOException {
        ServiceDefinition d = migration();
        Part tax = d.part("tax-migration");
        var longer = new ServiceDefinition(d.code(), d.name(), d.summary(), d.applicant(), d.leadUnit(), 30,
                d.questions(), d.fields(), d.materials(), replace(d.parts(), tax, new Part(tax.code(), tax.unit(), tax.item(),
                        tax.itemCode(), 21, tax.required(), tax.fields(), tax.materials(), tax.when())),
                d.results(), d.before(), d.after());
        assertThat(keys(problems(longer))).containsExactly("parts[2].workingDays services.definition.partDays");
        var twenty = new ServiceDefinition(d.code(), d.name(), d.summary(), d.applicant(), d.leadUnit(), 30,
                d.questions(), d.fields(), d.materials(), replace(d.parts(), tax, new Part(tax.code(), tax.unit(), tax.item(),
                        tax.itemCode(), 20, tax.required(), tax.fields(), tax.materials(), tax.when())),
                d.results(), d.before(), d.after());
        assertThat(problems(twenty)).isEmpty();
    }

    @Test
    void aCycleInTheScenarioQuestionsIsNamedWithItsPath() throws IOException {
        ServiceDefinition d = migration();
        List<Question> qs = new java.util.ArrayList<>(d.questions());
        Question employees = qs.get(2);
        Question seal = qs.get(3);
        qs.set(2, new Question(employees.code(), employees.text(), employees.options(), List.of(new Condition("new-seal", List.of("yes")))));
        qs.set(3, new Question(seal.code(), seal.text(), seal.options(), List.of(new Condition("employees", List.of("yes")))));
        var broken = new ServiceDefinition(d.code(), d.name(), d.summary(), d.applicant(), d.leadUnit(), d.promisedWorkingDays(),
                qs, d.fields(), d.materials(), d.parts(), d.results(), d.before(), d.after());
        assertThat(keys(problems(broken))).containsExactly("questions services.definition.questionCycle");
        assertThat(problems(broken).get(0).arguments()).containsExactly("employees → new-seal → employees");
    }

    @Test
    void everyProblemIsListedAtOnce() throws IOException {
        ServiceDefinition d = migration();
        Part first = d.parts().get(0);
        var broken = new ServiceDefinition("Bad Code", "", d.summary(), null, "不存在的局", 0, d.questions(), d.fields(),
                d.materials(), replace(d.parts(), first, new Part(first.code(), first.unit(), first.item(), first.itemCode(),
                        first.workingDays(), first.required(), first.fields(), first.materials(),
                        List.of(new Condition("origin", List.of("mars"))))), d.results(), null, d.after());
        assertThat(keys(problems(broken))).contains(
                "code services.definition.code",
                "name services.definition.required",
                "applicant services.definition.applicant",
                "leadUnit services.definition.unknownUnit",
                "promisedWorkingDays services.definition.days",
                "before services.definition.figures",
                "parts[0].when services.definition.unknownAnswer");
    }

    @Test
    void aFileThatCannotBeReadSaysWhere() {
        assertThatThrownBy(() -> format.read("code: x\nname: [unclosed\n", DefinitionFormat.Kind.YAML))
                .isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(e.problems()).singleElement()
                        .satisfies(p -> assertThat(p.messageKey()).isEqualTo("services.definition.unreadable")));
        assertThatThrownBy(() -> format.read("{\"code\": \"x\", \"colour\": \"red\"}", DefinitionFormat.Kind.JSON))
                .isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(e.problems()).singleElement()
                        .satisfies(p -> assertThat(p.arguments()[0]).isEqualTo(1)));
        assertThatThrownBy(() -> DefinitionFormat.kindOf("service.xlsx")).isInstanceOf(InvalidInput.class);
    }

    @Test
    void fieldValuesAreCheckedByTheirType() {
        var id = new ServiceDefinition.Field("id", "身份证", ServiceDefinition.FieldType.ID_NUMBER, true, null, List.of(), null);
        var credit = new ServiceDefinition.Field("cc", "信用代码", ServiceDefinition.FieldType.CREDIT_CODE, true, null, List.of(), null);
        var phone = new ServiceDefinition.Field("p", "电话", ServiceDefinition.FieldType.PHONE, false, null, List.of(), null);
        // GB 11643's own example, and its check digit changed
        assertThat(FieldValues.problem(id, "11010519491231002x")).isEmpty();
        assertThat(FieldValues.problem(id, "110105194912310021")).contains("services.field.invalid.ID_NUMBER");
        assertThat(FieldValues.problem(id, "110105194913310028")).contains("services.field.invalid.ID_NUMBER");
        assertThat(FieldValues.problem(id, " ")).contains("services.field.required");
        assertThat(FieldValues.problem(credit, "91350100M000100Y43")).isEmpty();
        assertThat(FieldValues.problem(credit, "91350100M000100Y44")).contains("services.field.invalid.CREDIT_CODE");
        assertThat(FieldValues.problem(credit, "91350100I000100Y43")).contains("services.field.invalid.CREDIT_CODE");
        assertThat(FieldValues.problem(phone, "")).isEmpty();
        assertThat(FieldValues.problem(phone, "13985012345")).isEmpty();
        assertThat(FieldValues.problem(phone, "0851-83851234")).isEmpty();
        assertThat(FieldValues.problem(phone, "12345")).contains("services.field.invalid.PHONE");
        assertThat(Set.of(ServiceDefinition.FieldType.values())).hasSize(9);
    }

    @Test
    void aKeptValueIsShownAsADateOrByItsChoiceLabel() {
        var date = new ServiceDefinition.Field("d", "拟迁入日期", ServiceDefinition.FieldType.DATE, true, null, List.of(), null);
        var choice = new ServiceDefinition.Field("c", "是否需要领用发票", ServiceDefinition.FieldType.CHOICE, true, null,
                List.of(new ServiceDefinition.Option("yes", "需要"), new ServiceDefinition.Option("no", "暂不需要")), null);
        var text = new ServiceDefinition.Field("t", "企业名称", ServiceDefinition.FieldType.TEXT, true, null, List.of(), null);
        assertThat(FieldValues.shown(date, "2026-12-28")).isEqualTo(new FieldValues.Shown("2026-12-28", java.time.LocalDate.of(2026, 12, 28)));
        // a value kept before the field became a date stays as it was written
        assertThat(FieldValues.shown(date, "下月初")).isEqualTo(new FieldValues.Shown("下月初", null));
        assertThat(FieldValues.shown(choice, "no").text()).isEqualTo("暂不需要");
        assertThat(FieldValues.shown(text, "2026-12-28")).isEqualTo(new FieldValues.Shown("2026-12-28", null));
        assertThat(FieldValues.shown(text, null)).isEqualTo(new FieldValues.Shown("", null));
    }

    private static ServiceDefinition withParts(ServiceDefinition d, List<Part> parts) {
        return new ServiceDefinition(d.code(), d.name(), d.summary(), d.applicant(), d.leadUnit(), d.promisedWorkingDays(),
                d.questions(), d.fields(), d.materials(), parts, d.results(), d.before(), d.after());
    }

    private static <T> List<T> replace(List<T> list, T old, T replacement) {
        return list.stream().map(x -> x == old ? replacement : x).toList();
    }
}
