package org.civicloop.notifications;

import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * A message to a voter: a bundle key and its arguments, rendered in the voter's language and sent
 * to whichever contact they gave. {@code phone} and {@code email} may be {@code null} (or blank):
 * a voter without either is recorded as skipped, not an error. {@code locale} defaults to Chinese.
 */
public record VoterMessage(String phone, String email, String messageKey, List<String> arguments, Locale locale) {

    public VoterMessage {
        if (messageKey == null || messageKey.isBlank()) {
            throw new IllegalArgumentException("messageKey is required");
        }
        phone = blankToNull(phone);
        email = blankToNull(email);
        arguments = arguments == null ? List.of() : List.copyOf(arguments.stream().map(a -> Objects.toString(a, "")).toList());
        locale = locale == null ? Locale.SIMPLIFIED_CHINESE : locale;
    }

    /** A message in Chinese by SMS only. */
    public static VoterMessage sms(String phone, String messageKey, String... arguments) {
        return new VoterMessage(phone, null, messageKey, List.of(arguments), Locale.SIMPLIFIED_CHINESE);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    /** Personal data stays out of logs: only masked contacts are shown. */
    @Override
    public String toString() {
        return "VoterMessage[phone=" + (phone == null ? null : Masking.phone(phone))
                + ", email=" + (email == null ? null : Masking.email(email))
                + ", messageKey=" + messageKey + ", locale=" + locale.toLanguageTag() + "]";
    }
}
