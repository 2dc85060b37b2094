package org.civicloop.services.catalogue;

import java.util.List;
import org.civicloop.services.catalogue.ServiceDefinition.Condition;
import org.civicloop.services.catalogue.ServiceDefinition.Option;
import org.civicloop.services.catalogue.ServiceDefinition.Part;
import org.civicloop.services.catalogue.ServiceDefinition.Question;

/**
 * A definition as a page reads it: the codes that parts, results and conditions refer to turned back
 * into what people read (a question's text, an answer's label, a field's label, a part's item), so
 * that the catalogue's page and the public guide never show a code where a name exists.
 */
public record DefinitionView(ServiceDefinition definition) {

    /** A condition as read: the question's text and the labels of the answers that satisfy it. */
    public record ConditionText(String question, List<String> answers) {
    }

    public List<ConditionText> conditions(List<Condition> when) {
        return when.stream().map(c -> new ConditionText(questionText(c.question()),
                c.answers().stream().map(a -> optionLabel(c.question(), a)).toList())).toList();
    }

    public String questionText(String code) {
        return definition.questions().stream().filter(q -> q.code().equals(code)).map(Question::text)
                .findFirst().orElse(code);
    }

    public String optionLabel(String question, String answer) {
        return definition.questions().stream().filter(q -> q.code().equals(question))
                .flatMap(q -> q.options().stream()).filter(o -> o.code().equals(answer)).map(Option::label)
                .findFirst().orElse(answer);
    }

    public String fieldLabel(String code) {
        var f = definition.field(code);
        return f == null ? code : f.label();
    }

    public String materialName(String code) {
        return definition.materials().stream().filter(m -> m.code().equals(code))
                .map(ServiceDefinition.Material::name).findFirst().orElse(code);
    }

    public String partItem(String code) {
        Part p = definition.part(code);
        return p == null ? code : p.item();
    }

    /** The parts that ask a field, by item. */
    public List<String> partsUsingField(String field) {
        return definition.parts().stream().filter(p -> p.fields().contains(field)).map(Part::item).toList();
    }

    /** The parts that need a material, by item. */
    public List<String> partsUsingMaterial(String material) {
        return definition.parts().stream().filter(p -> p.materials().contains(material)).map(Part::item).toList();
    }

    /** The different departments taking part. */
    public long departments() {
        return definition.parts().stream().map(Part::unit).distinct().count();
    }

    public List<FigureRow> figures() {
        return FigureRow.compare(definition.before(), definition.after());
    }
}
