package org.civicloop.notifications;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.stereotype.Component;

/**
 * The test suite's SMS gateway, plugged in the way a real one is: a bean of type
 * {@link SmsSender}, found by component scanning, before which the logging default steps aside.
 * It records what it was asked to send and can be told to fail.
 */
@Component
public class RecordingSmsSender implements SmsSender {

    public record Sms(String phone, String text, String thread) {
    }

    private final List<Sms> sent = new CopyOnWriteArrayList<>();
    private final AtomicInteger failuresToCome = new AtomicInteger();

    @Override
    public void send(String phone, String text) {
        if (failuresToCome.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
            throw new IllegalStateException("gateway unavailable (test)");
        }
        sent.add(new Sms(phone, text, Thread.currentThread().getName()));
    }

    /** The next {@code n} sends throw. */
    public void failNext(int n) {
        failuresToCome.set(n);
    }

    public List<Sms> sentTo(String phone) {
        return sent.stream().filter(s -> s.phone().equals(phone)).toList();
    }
}
