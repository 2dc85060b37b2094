package org.civicloop.system.web;

import java.util.List;
import java.util.Locale;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.civicloop.shared.StartupNotice;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.MessageSource;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** Prints where CivicLoop answers, and what the modules want a new user to know, once it is ready. */
@Component
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
class StartupReport {

    private static final Logger log = LoggerFactory.getLogger(StartupReport.class);

    private final MessageSource messages;
    private final List<StartupNotice> notices;

    @EventListener
    void ready(ApplicationReadyEvent event) {
        if (!(event.getApplicationContext() instanceof WebServerApplicationContext web) || web.getWebServer() == null) {
            return;
        }
        Locale zh = Locale.SIMPLIFIED_CHINESE;
        String url = "http://localhost:" + web.getWebServer().getPort() + "/";
        StringBuilder out = new StringBuilder("\n\n======================================================================\n");
        out.append("  ").append(messages.getMessage("startup.ready", new Object[] {url}, zh)).append('\n');
        for (StartupNotice notice : notices) {
            for (StartupNotice.Line line : notice.lines()) {
                out.append("  ").append(messages.getMessage(line.messageKey(), line.arguments(), zh)).append('\n');
            }
        }
        out.append("======================================================================\n");
        log.info(out.toString());
    }
}
