package org.civicloop.performance.evaluation.domain;

import java.util.List;
import java.util.Optional;
import lombok.RequiredArgsConstructor;
import org.civicloop.organization.Directory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The districts a scheme evaluates: every place at district level under the city
 * ({@code civicloop.performance.city-code}, Guiyang 5201 by default: ten districts, counties and a
 * county-level city), from the organisation's regions, by code.
 */
@Component
@RequiredArgsConstructor
public class Districts {

    private final Directory directory;
    @Value("${civicloop.performance.city-code:5201}")
    private final String cityCode;

    public record District(String code, String name) {
    }

    public List<District> all() {
        return directory.placesUnder(cityCode).stream().filter(p -> "district".equals(p.level()))
                .map(p -> new District(p.code(), p.name())).toList();
    }

    public List<String> codes() {
        return all().stream().map(District::code).toList();
    }

    public Optional<District> byCodeOrName(String text) {
        String t = text == null ? "" : text.strip();
        return all().stream().filter(d -> d.code().equals(t) || d.name().equals(t)).findFirst();
    }
}
