package org.civicloop.notifications;

/**
 * Masks contact details for logs and tables: enough to tell two recipients apart and to answer
 * "did my message go out?", not enough to contact anyone.
 */
public final class Masking {

    private static final String STARS = "****";

    private Masking() {
    }

    /**
     * {@code 13812341234} → {@code 138****1234}; {@code +86 138 1234 1234} → {@code +86138****1234};
     * landlines keep their first three and last four digits; short numbers are hidden entirely.
     */
    public static String phone(String phone) {
        if (phone == null) {
            return null;
        }
        String digits = phone.replaceAll("[^0-9]", "");
        String prefix = "";
        if (phone.strip().startsWith("+86") && digits.startsWith("86")) {
            prefix = "+86";
            digits = digits.substring(2);
        } else if (digits.startsWith("0086")) {
            prefix = "+86";
            digits = digits.substring(4);
        }
        if (digits.length() < 8) {
            return prefix + STARS;
        }
        return prefix + digits.substring(0, 3) + STARS + digits.substring(digits.length() - 4);
    }

    /** {@code zhangsan@example.com} → {@code z***@example.com}. */
    public static String email(String email) {
        if (email == null) {
            return null;
        }
        String address = email.strip();
        int at = address.lastIndexOf('@');
        if (at <= 0) {
            return STARS;
        }
        return address.charAt(0) + "***" + address.substring(at);
    }
}
