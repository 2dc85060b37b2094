package org.civicloop.notifications;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.stereotype.Component;

/**
 * The test suite's SMS gateway, plugged in the way a real one is: a bean of type
 * {@link SmsSender}, found by component scanning, before which the logging default steps aside.
 * It records what it was asked to send and can be told to fail for a phone.
 */
@Component
public class RecordingSmsSender implements SmsSender {

    public record Sms(String phone, String text, String thread) {
    }

    private final List<Sms> sent = new CopyOnWriteArrayList<>();
    private final Map<String, AtomicInteger> failuresToCome = new ConcurrentHashMap<>();

    @Override
    public void send(String phone, String text) {
        AtomicInteger failures = failuresToCome.get(phone);
        if (failures != null && failures.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
            throw new IllegalStateException("gateway unavailable (test)");
        }
        sent.add(new Sms(phone, text, Thread.currentThread().getName()));
    }

    /**
     * The next {@code n} sends to this phone throw. Per phone: the shared application sends other
     * tests' messages in the background too, and one of those must not use up this test's failure.
     */
    public void failNext(String phone, int n) {
        failuresToCome.put(phone, new AtomicInteger(n));
    }

    /** No send fails any more. */
    public void heal() {
        failuresToCome.clear();
    }

    public List<Sms> sentTo(String phone) {
        return sent.stream().filter(s -> s.phone().equals(phone)).toList();
    }
}
