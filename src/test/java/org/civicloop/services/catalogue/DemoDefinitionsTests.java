package org.civicloop.services.catalogue;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.civicloop.services.catalogue.ServiceDefinition.Part;
import org.civicloop.services.catalogue.ServiceDefinition.Question;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * Every demo definition in {@code demo/services/} reads, passes {@link DefinitionCheck} with the units
 * of {@code demo/units.csv}, and has a scenario in which a part drops out; the two added with the
 * catalogue pages are checked answer by answer.
 */
class DemoDefinitionsTests {

    private final DefinitionFormat format = new DefinitionFormat();

    private static Set<String> demoUnits() throws IOException {
        return new ClassPathResource("demo/units.csv").getContentAsString(StandardCharsets.UTF_8).lines().skip(1)
                .map(l -> l.split(",")[0]).collect(Collectors.toSet());
    }

    private List<ServiceDefinition> demoDefinitions() throws IOException {
        List<ServiceDefinition> all = new ArrayList<>();
        for (Resource r : new PathMatchingResourcePatternResolver().getResources("classpath*:demo/services/*.yaml")) {
            all.add(format.read(r.getContentAsString(StandardCharsets.UTF_8), DefinitionFormat.Kind.YAML));
        }
        return all;
    }

    private ServiceDefinition demo(String code) throws IOException {
        return demoDefinitions().stream().filter(d -> d.code().equals(code)).findFirst().orElseThrow();
    }

    /** Every complete set of answers: each question asked is answered, in every possible way. */
    private static List<Map<String, String>> scenarios(ServiceDefinition d) {
        List<Map<String, String>> done = new ArrayList<>();
        List<Map<String, String>> open = new ArrayList<>(List.of(Map.of()));
        while (!open.isEmpty()) {
            Map<String, String> answers = open.remove(0);
            var next = d.questionsFor(answers).stream().filter(q -> !answers.containsKey(q.code())).findFirst();
            if (next.isEmpty()) {
                done.add(answers);
                continue;
            }
            for (var o : next.get().options()) {
                Map<String, String> more = new HashMap<>(answers);
                more.put(next.get().code(), o.code());
                open.add(more);
            }
        }
        return done;
    }

    @Test
    void everyDemoDefinitionPassesTheCheckAndHasAScenarioWhereAPartDropsOut() throws IOException {
        Set<String> units = demoUnits();
        List<ServiceDefinition> all = demoDefinitions();
        assertThat(all).extracting(ServiceDefinition::code)
                .contains("enterprise-migration", "restaurant-opening", "newborn");
        for (ServiceDefinition d : all) {
            assertThat(DefinitionCheck.problems(d, units::contains)).as(d.code()).isEmpty();
            List<Map<String, String>> scenarios = scenarios(d);
            assertThat(scenarios).as(d.code()).allSatisfy(a -> assertThat(d.applicableTo(a).complete()).isTrue());
            assertThat(scenarios).as(d.code() + ": some scenario leaves a part out")
                    .anySatisfy(a -> assertThat(d.applicableTo(a).parts()).hasSizeLessThan(d.parts().size()));
            assertThat(format.read(format.write(d, DefinitionFormat.Kind.JSON), DefinitionFormat.Kind.JSON)).isEqualTo(d);
        }
    }

    @Test
    void theEditorsTemplateForANewServicePassesTheCheckAndItsYamlExportReadsBack() throws IOException {
        ServiceDefinition template = format.read(new ClassPathResource("services/definition-template.yaml")
                .getContentAsString(StandardCharsets.UTF_8), DefinitionFormat.Kind.YAML);
        assertThat(DefinitionCheck.problems(template, demoUnits()::contains)).isEmpty();
        for (ServiceDefinition d : demoDefinitions()) {
            String yaml = format.write(d, DefinitionFormat.Kind.YAML);
            assertThat(yaml).doesNotStartWith("---").contains("code: " + d.code() + "\n");
            assertThat(format.read(yaml, DefinitionFormat.Kind.YAML)).isEqualTo(d);
        }
    }

    @Test
    void aSmallRestaurantRegistersAsASmallEateryAndNeedsNoFireCheck() throws IOException {
        ServiceDefinition d = demo("restaurant-opening");
        var small = d.applicableTo(Map.of("entity", "individual", "size", "small", "signboard", "no", "sewer", "no"));
        assertThat(small.complete()).isTrue();
        assertThat(small.parts()).extracting(Part::code)
                .containsExactly("individual-registration", "small-catering", "health-check", "new-taxpayer");
        assertThat(small.toUpload()).extracting(ServiceDefinition.Material::code).containsExactly("premises-proof", "layout-plan");
        assertThat(small.fields()).extracting(ServiceDefinition.Field::code).doesNotContain("registered-capital", "seats");

        var large = d.applicableTo(Map.of("entity", "company", "size", "large", "signboard", "yes", "sewer", "yes"));
        assertThat(large.parts()).extracting(Part::code).containsExactly("company-registration", "food-licence",
                "fire-check", "health-check", "signboard", "drainage", "new-taxpayer");
        assertThat(large.parts()).extracting(Part::unit).contains("贵阳市花溪区消防救援大队", "花溪区水务管理局", "花溪区综合行政执法局");
    }

    @Test
    void theSocialCardIsAskedOnlyWithTheInsuranceAndTheHukouOnlyForHuaxi() throws IOException {
        ServiceDefinition d = demo("newborn");
        assertThat(d.questionsFor(Map.of("insurance", "no"))).extracting(Question::code).containsExactly("hukou", "insurance");
        var elsewhere = d.applicableTo(Map.of("hukou", "elsewhere", "insurance", "no", "social-card", "yes"));
        assertThat(elsewhere.complete()).isTrue();
        assertThat(elsewhere.parts()).extracting(Part::code).containsExactly("birth-certificate", "vaccination");
        var all = d.applicableTo(Map.of("hukou", "mother", "insurance", "yes", "social-card", "yes"));
        assertThat(all.parts()).hasSize(5);
        assertThat(all.toUpload()).extracting(ServiceDefinition.Material::code).containsExactly("birth-form", "card-photo");
        assertThat(all.materials().stream().filter(ServiceDefinition.Material::waived)).hasSize(4);
    }
}
