package org.civicloop.notifications;

import java.util.concurrent.ThreadLocalRandom;

/** Phone numbers and addresses no other test uses, so that each test finds its own log rows. */
final class NotificationTesting {

    private NotificationTesting() {
    }

    static String uniquePhone() {
        return "139" + String.format("%08d", ThreadLocalRandom.current().nextInt(100_000_000));
    }

    static String uniqueEmail() {
        // the domain varies: masking keeps only the first letter before the @
        return "voter@n" + ThreadLocalRandom.current().nextInt(1_000_000_000) + ".example.cn";
    }
}
