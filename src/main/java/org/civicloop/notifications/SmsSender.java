package org.civicloop.notifications;

/**
 * The port to an SMS gateway. Every province's gateway differs (China Mobile's cloud MAS, Alibaba
 * Cloud or Tencent Cloud SMS, a government messaging platform), so CivicLoop ships only a sender
 * that logs the message with the number masked. To send for real, declare your own bean of this
 * type anywhere in the application; the logging one then steps aside:
 *
 * <pre>{@code
 * @Component
 * class ProvincialSmsGateway implements SmsSender {
 *     public void send(String phone, String text) {
 *         // call the gateway; throw any RuntimeException on failure
 *     }
 * }
 * }</pre>
 *
 * <p>Throw on failure: the message is then retried later (and recorded as FAILED meanwhile).
 * Never log the phone number or the text unmasked; use {@link Masking#phone(String)}. Calls come
 * from a background thread, after the business transaction has committed.
 */
public interface SmsSender {

    /**
     * @param phone the voter's number as they gave it (an 11-digit mobile number, usually)
     * @param text  the message, already in the voter's language
     */
    void send(String phone, String text);
}
