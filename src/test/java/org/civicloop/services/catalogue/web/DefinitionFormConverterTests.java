package org.civicloop.services.catalogue.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.civicloop.services.catalogue.ServiceDefinition;
import org.civicloop.services.catalogue.ServiceDefinition.Applicant;
import org.civicloop.services.catalogue.ServiceDefinition.Condition;
import org.civicloop.services.catalogue.ServiceDefinition.FieldType;
import org.civicloop.services.catalogue.ServiceDefinition.Option;
import org.civicloop.services.catalogue.web.DefinitionForm.FieldRow;
import org.civicloop.services.catalogue.web.DefinitionForm.FiguresRow;
import org.civicloop.services.catalogue.web.DefinitionForm.MaterialRow;
import org.civicloop.services.catalogue.web.DefinitionForm.PartRow;
import org.civicloop.services.catalogue.web.DefinitionForm.QuestionRow;
import org.civicloop.services.catalogue.web.DefinitionForm.ResultRow;
import org.civicloop.shared.InvalidInput.Problem;
import org.junit.jupiter.api.Test;

/** The structured form's rows read into a definition, without Spring. */
class DefinitionFormConverterTests {

    private static final FiguresRow BEFORE = new FiguresRow("5", "9", "4", "20", "60", "5");
    private static final FiguresRow AFTER = new FiguresRow("1", "2", "1", "3", "25", "5");

    private static DefinitionForm form(List<QuestionRow> questions, List<FieldRow> fields, List<PartRow> parts, FiguresRow before) {
        return new DefinitionForm(null, "moving", "迁移一件事", "一次办结。", "ENTERPRISE", "花溪区市场监督管理局", "3",
                questions, fields,
                List.of(new MaterialRow("licence", "营业执照", true, "电子营业执照库"), MaterialRow.EMPTY),
                parts,
                List.of(ResultRow.EMPTY, new ResultRow("notice", "迁移通知书", "registration")),
                before, AFTER);
    }

    @Test
    void rowsBecomeTheDefinitionAndEmptyRowsAreLeftOut() {
        var read = DefinitionFormConverter.convert(form(
                List.of(new QuestionRow("origin", "从哪里迁入？", "city=市内\r\nprovince = 省外\n", ""), QuestionRow.EMPTY),
                List.of(FieldRow.EMPTY, new FieldRow(" company ", "企业名称", "TEXT", true, "100", "", ""),
                        new FieldRow("kind", "类型", "CHOICE", null, "", "a=甲\nb=乙", "选一个"), FieldRow.EMPTY),
                List.of(new PartRow("registration", "花溪区市场监督管理局", "变更登记", "", "2", true, "company，kind", "licence",
                        "origin=city|province"), PartRow.EMPTY),
                BEFORE));

        assertThat(read.problems()).isEmpty();
        ServiceDefinition d = read.definition();
        assertThat(d.code()).isEqualTo("moving");
        assertThat(d.applicant()).isEqualTo(Applicant.ENTERPRISE);
        assertThat(d.promisedWorkingDays()).isEqualTo(3);
        assertThat(d.questions()).hasSize(1);
        assertThat(d.questions().get(0).options()).containsExactly(new Option("city", "市内"), new Option("province", "省外"));
        assertThat(d.fields()).extracting(ServiceDefinition.Field::code).containsExactly("company", "kind");
        assertThat(d.fields().get(0).maxLength()).isEqualTo(100);
        assertThat(d.fields().get(0).hint()).isNull();
        assertThat(d.fields().get(1).type()).isEqualTo(FieldType.CHOICE);
        assertThat(d.fields().get(1).required()).isFalse();
        assertThat(d.materials()).hasSize(1);
        assertThat(d.parts()).hasSize(1);
        assertThat(d.parts().get(0).fields()).containsExactly("company", "kind");
        assertThat(d.parts().get(0).itemCode()).isNull();
        assertThat(d.parts().get(0).when()).containsExactly(new Condition("origin", List.of("city", "province")));
        assertThat(d.results()).extracting(ServiceDefinition.Result::code).containsExactly("notice");
        assertThat(d.before().materials()).isEqualTo(9);
        // the form shown again has the filled rows only, numbered as in the definition
        assertThat(read.form().fields()).hasSize(2);
    }

    @Test
    void aDefinitionMadeIntoAFormReadsBackTheSame() {
        var first = DefinitionFormConverter.convert(form(
                List.of(new QuestionRow("origin", "从哪里迁入？", "city=市内\nprovince=省外", "")),
                List.of(new FieldRow("company", "企业名称", "TEXT", true, "100", "", "写全称")),
                List.of(new PartRow("registration", "花溪区市场监督管理局", "变更登记", "X-1", "2", false, "company", "licence",
                        "origin=city")),
                BEFORE)).definition();
        var again = DefinitionFormConverter.convert(DefinitionForm.of(first).withBlankRows());
        assertThat(again.problems()).isEmpty();
        assertThat(again.definition()).isEqualTo(first);
    }

    @Test
    void badLinesAndNumbersAreEachAProblemOnTheirRow() {
        var read = DefinitionFormConverter.convert(form(
                List.of(QuestionRow.EMPTY, new QuestionRow("origin", "从哪里迁入？", "city=市内\n省外", "")),
                List.of(new FieldRow("company", "企业名称", "TEXT", true, "一百", "", "")),
                List.of(new PartRow("registration", "花溪区市场监督管理局", "变更登记", "", "two", true, "company", "licence",
                        "origin city")),
                new FiguresRow("5", "", "4", "20", "x", "5")));

        assertThat(read.problems()).extracting(Problem::field, Problem::messageKey).containsExactly(
                org.assertj.core.groups.Tuple.tuple("questions[0].options", "services.form.badOptionLine"),
                org.assertj.core.groups.Tuple.tuple("fields[0].maxLength", "services.form.notANumber"),
                org.assertj.core.groups.Tuple.tuple("parts[0].workingDays", "services.form.notANumber"),
                org.assertj.core.groups.Tuple.tuple("parts[0].when", "services.form.badConditionLine"),
                org.assertj.core.groups.Tuple.tuple("before", "services.form.numberRequired"),
                org.assertj.core.groups.Tuple.tuple("before", "services.form.notANumber"));
        assertThat(read.problems().get(0).arguments()).containsExactly(2, "省外");
        // what could be read still is
        assertThat(read.definition().questions().get(0).options()).containsExactly(new Option("city", "市内"));
    }
}
