package org.civicloop.services.catalogue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.civicloop.services.catalogue.ServiceDefinition.Part;
import org.civicloop.shared.InvalidInput;
import org.civicloop.testing.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

@IntegrationTest
class ServiceCatalogueIntegrationTests {

    @Autowired
    ServiceCatalogue catalogue;

    @Autowired
    JdbcClient jdbc;

    private int versions() {
        return jdbc.sql("select count(*) from service_definition").query(Integer.class).single();
    }

    @Test
    void theDemoCatalogueOffersTheMigrationServiceWithItsUnitsRegistered() {
        var offered = catalogue.offered("enterprise-migration").orElseThrow();
        assertThat(offered.definition().name()).isEqualTo("企业迁移登记一件事");
        assertThat(catalogue.check(offered.definition())).isEmpty();
    }

    @Test
    void aDefinitionWithAProblemSavesNothing() {
        ServiceDefinition d = catalogue.offered("enterprise-migration").orElseThrow().definition();
        Part first = d.parts().get(0);
        var broken = new ServiceDefinition(d.code(), d.name(), d.summary(), d.applicant(), d.leadUnit(), d.promisedWorkingDays(),
                d.questions(), d.fields(), d.materials(),
                d.parts().stream().map(p -> p != first ? p : new Part(p.code(), "花溪区不存在局", p.item(), p.itemCode(),
                        p.workingDays(), p.required(), p.fields(), p.materials(), p.when())).toList(),
                d.results(), d.before(), d.after());
        int before = versions();
        assertThatThrownBy(() -> catalogue.save(broken, 1L)).isInstanceOfSatisfying(InvalidInput.class,
                e -> assertThat(e.problems()).extracting(InvalidInput.Problem::messageKey)
                        .containsExactly("services.definition.unknownUnit"));
        assertThat(versions()).isEqualTo(before);
    }

    @Test
    void aSavedVersionCannotBeRewrittenInTheDatabase() {
        assertThatThrownBy(() -> jdbc.sql("update service_definition set name = 'forged' where code = 'enterprise-migration'").update())
                .hasMessageContaining("frozen");
        assertThat(catalogue.latest("enterprise-migration").orElseThrow().definition().name()).isEqualTo("企业迁移登记一件事");
        assertThat(catalogue.all()).extracting(s -> s.definition().code()).contains("enterprise-migration");
    }
}
