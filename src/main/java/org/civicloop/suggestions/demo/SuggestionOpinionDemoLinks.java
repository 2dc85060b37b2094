package org.civicloop.suggestions.demo;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.civicloop.organization.CivicUser;
import org.civicloop.organization.Directory;
import org.civicloop.suggestions.domain.CoSigner;
import org.civicloop.suggestions.domain.Suggestion;
import org.civicloop.suggestions.domain.SuggestionDraft;
import org.civicloop.suggestions.domain.SuggestionService;
import org.civicloop.suggestions.domain.SuggestionStatus;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The demo deputy 王建国 takes three voters' opinions about fire safety in 青岩古镇 (the {@code LINKED}
 * rows of {@code demo/opinions.csv}, loaded accepted by the opinions' demo data) into his draft
 * suggestion on the old town's fire safety, by editing the draft as he would on its page. Runs after
 * both demo loaders; an opinion already linked, or no longer accepted, is left alone.
 */
@Component
@Order(70)
@ConditionalOnBooleanProperty("civicloop.demo")
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
class SuggestionOpinionDemoLinks implements ApplicationRunner {

    private final SuggestionService service;
    private final UserDetailsService users;
    private final Directory directory;
    private final JdbcClient jdbc;
    private final TransactionTemplate tx;

    @Override
    public void run(ApplicationArguments args) {
        if (directory.accountIdByUsername("deputy").isEmpty()) {
            return;
        }
        tx.executeWithoutResult(status -> link());
    }

    private void link() {
        Long draftId = jdbc.sql("select id from suggestion where title = :t and status = 'DRAFT'").param("t", draftTitle())
                .query(Long.class).optional().orElse(null);
        if (draftId == null) {
            return;
        }
        List<Long> ready = new ArrayList<>();
        for (String content : linkedContents()) {
            jdbc.sql("select id from opinion where content = :c and status = 'ACCEPTED' and suggestion_id is null")
                    .param("c", content).query(Long.class).optional().ifPresent(ready::add);
        }
        if (ready.isEmpty()) {
            return;
        }
        CivicUser deputy = (CivicUser) users.loadUserByUsername("deputy");
        Suggestion s = service.visible(draftId, deputy);
        if (s.status() != SuggestionStatus.DRAFT) {
            return;
        }
        List<Long> opinions = new ArrayList<>(s.opinionIds());
        opinions.addAll(ready);
        service.edit(draftId, new SuggestionDraft(s.title(), s.content(), s.category(), s.period(),
                s.coSigners().stream().map(CoSigner::deputyId).toList(), opinions), deputy);
    }

    /** The demo deputy's draft, the {@code DRAFT} row of {@code demo/suggestions.csv}. */
    private static String draftTitle() {
        return lines("demo/suggestions.csv").stream().filter(c -> c[0].equals("DRAFT")).map(c -> c[1]).findFirst().orElse("");
    }

    private static List<String> linkedContents() {
        return lines("demo/opinions.csv").stream().filter(c -> c.length > 12 && c[1].equals("LINKED")).map(c -> c[12]).toList();
    }

    private static List<String[]> lines(String resource) {
        try (var reader = new BufferedReader(new InputStreamReader(new ClassPathResource(resource).getInputStream(),
                StandardCharsets.UTF_8))) {
            return reader.lines().skip(1).filter(l -> !l.isBlank()).map(l -> l.split("\\|", -1)).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
