package org.civicloop.services.demo;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Comparator;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.civicloop.organization.Directory;
import org.civicloop.services.catalogue.DefinitionFormat;
import org.civicloop.services.catalogue.ServiceCatalogue;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;

/**
 * The demo catalogue: every {@code demo/services/*.yaml}, saved through the catalogue as the
 * administrator {@code admin} would import it. A service already in the catalogue is left alone, so
 * loading twice changes nothing.
 */
@Component
@Order(30)
@ConditionalOnBooleanProperty("civicloop.demo")
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
class ServiceDemoData implements ApplicationRunner {

    private final ServiceCatalogue catalogue;
    private final DefinitionFormat format;
    private final Directory directory;

    @Override
    public void run(ApplicationArguments args) throws IOException {
        long admin = directory.accountIdByUsername("admin").orElseThrow();
        Resource[] files = new PathMatchingResourcePatternResolver().getResources("classpath*:demo/services/*.yaml");
        Arrays.sort(files, Comparator.comparing(Resource::getFilename));
        for (Resource file : files) {
            var definition = format.read(file.getContentAsString(StandardCharsets.UTF_8), DefinitionFormat.Kind.YAML);
            if (catalogue.latest(definition.code()).isEmpty()) {
                catalogue.save(definition, admin);
            }
        }
    }
}
