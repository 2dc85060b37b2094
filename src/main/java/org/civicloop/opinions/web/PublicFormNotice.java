package org.civicloop.opinions.web;

import java.util.List;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.civicloop.shared.StartupNotice;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/** Tells whoever starts CivicLoop where the public raises an opinion and follows it. */
@Component
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
class PublicFormNotice implements StartupNotice {

    @Value("${civicloop.public-base-url:http://localhost:8080}")
    private final String base;

    @Override
    public List<Line> lines() {
        return List.of(new Line("startup.publicForm", base + "/public/opinions/new", base + "/public/opinions/track"));
    }
}
