package org.civicloop.notifications.domain;

import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Component;

/**
 * E-mail over SMTP, when there is an SMTP server: Spring Boot creates a {@link JavaMailSender}
 * only if {@code spring.mail.host} is set. Without one, e-mails are skipped, not failed.
 */
@Component
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
class MailChannel {

    private final ObjectProvider<JavaMailSender> mailSender;
    private final NotificationProperties properties;

    boolean configured() {
        return mailSender.getIfAvailable() != null;
    }

    void send(String to, String subject, String text) {
        SimpleMailMessage message = new SimpleMailMessage();
        message.setFrom(properties.mailFrom());
        message.setTo(to);
        message.setSubject(subject);
        message.setText(text);
        mailSender.getObject().send(message);
    }
}
