package org.civicloop.opinions.web;

import java.util.List;
import org.civicloop.shared.StartupNotice;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/** Tells whoever starts CivicLoop where the public raises an opinion and follows it. */
@Component
class PublicFormNotice implements StartupNotice {

    private final String base;

    PublicFormNotice(@Value("${civicloop.public-base-url:http://localhost:8080}") String base) {
        this.base = base;
    }

    @Override
    public List<Line> lines() {
        return List.of(new Line("startup.publicForm", base + "/public/opinions/new", base + "/public/opinions/track"));
    }
}
