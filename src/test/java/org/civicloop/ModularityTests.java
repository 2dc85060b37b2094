package org.civicloop;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/** The module map of architecture.md, checked: no cycles, no reaching into another module's internals. */
class ModularityTests {

    /** Analysing the classes takes seconds: once for the class, not once per test method. */
    private static final ApplicationModules modules = ApplicationModules.of(CivicLoopApplication.class);

    @Test
    void modulesRespectTheirBoundaries() {
        modules.verify();
    }

    @Test
    void theFoundationModulesExist() {
        assertThat(modules.stream().map(m -> m.getIdentifier().toString()))
                .contains("shared", "system", "organization", "audit");
    }

    @Test
    void thePerformanceModuleReadsSuggestionsOnlyThroughTheirPublicFace() {
        var performance = modules.getModuleByName("performance").orElseThrow();
        var suggestions = modules.getModuleByName("suggestions").orElseThrow();
        assertThat(performance.getDirectDependencies(modules).contains(suggestions)).isTrue();
        assertThat(performance.getBootstrapDependencies(modules).map(m -> m.getIdentifier().toString()))
                .doesNotContain("opinions", "deputies", "liaison", "open311");
    }

    @Test
    void writesTheModuleDocumentation() throws IOException {
        Documenter documenter = new Documenter(modules);
        documenter.writeModulesAsPlantUml().writeIndividualModulesAsPlantUml();
        Path diagram = Path.of("target/spring-modulith-docs/components.puml");
        assertThat(Files.readString(diagram)).contains("\"Opinions\"", "\"Suggestions\"", "\"Deadlines\"")
                .contains("Rel(CivicLoopApplication.CivicLoopApplication.Opinions, CivicLoopApplication.CivicLoopApplication.Suggestions, \"listens to\"");
    }
}
