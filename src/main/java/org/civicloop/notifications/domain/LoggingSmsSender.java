package org.civicloop.notifications.domain;

import org.civicloop.notifications.Masking;
import org.civicloop.notifications.SmsSender;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The SMS sender used until a real gateway is plugged in: it logs that a message would have gone
 * out, with the number masked and the length of the text, never the text itself (it may name the
 * voter or their problem).
 */
public class LoggingSmsSender implements SmsSender {

    private static final Logger log = LoggerFactory.getLogger(LoggingSmsSender.class);

    @Override
    public void send(String phone, String text) {
        log.info("SMS to {} ({} characters); no SMS gateway is configured, so it was only logged",
                Masking.phone(phone), text.length());
    }
}
