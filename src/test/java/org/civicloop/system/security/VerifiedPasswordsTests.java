package org.civicloop.system.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;

class VerifiedPasswordsTests {

    /** BCrypt at its lowest cost, counting how often it is really asked. */
    private final AtomicInteger hashed = new AtomicInteger();
    private final BCryptPasswordEncoder lowCost = new BCryptPasswordEncoder(4);
    private final PasswordEncoder bcrypt = new PasswordEncoder() {
        @Override
        public String encode(CharSequence raw) {
            return lowCost.encode(raw);
        }

        @Override
        public boolean matches(CharSequence raw, String encoded) {
            hashed.incrementAndGet();
            return lowCost.matches(raw, encoded);
        }
    };
    private final VerifiedPasswords passwords = new VerifiedPasswords(bcrypt, Duration.ofMinutes(5), 100);

    @Test
    void aMatchedPasswordIsNotHashedAgain() {
        String stored = bcrypt.encode("Huaxi@2026");

        assertThat(passwords.matches("Huaxi@2026", stored)).isTrue();
        assertThat(passwords.matches("Huaxi@2026", stored)).isTrue();
        assertThat(passwords.matches("Huaxi@2026", stored)).isTrue();

        assertThat(hashed).hasValue(1);
    }

    @Test
    void everyWrongPasswordCostsTheWholeHash() {
        String stored = bcrypt.encode("Huaxi@2026");

        assertThat(passwords.matches("huaxi@2026", stored)).isFalse();
        assertThat(passwords.matches("huaxi@2026", stored)).isFalse();
        passwords.matches("Huaxi@2026", stored);
        assertThat(passwords.matches("Huaxi@2026x", stored)).isFalse();

        assertThat(hashed).hasValue(4);
    }

    @Test
    void aChangedPasswordForgetsTheOldOne() {
        String before = bcrypt.encode("Huaxi@2026");
        assertThat(passwords.matches("Huaxi@2026", before)).isTrue();

        String after = bcrypt.encode("Guiyang#2027");

        assertThat(passwords.matches("Huaxi@2026", after)).isFalse();
        assertThat(passwords.matches("Guiyang#2027", after)).isTrue();
        assertThat(hashed).hasValue(3);
    }

    @Test
    void theSamePasswordOnAnotherAccountIsCheckedOnItsOwnHash() {
        String office = bcrypt.encode("Huaxi@2026");
        String unit = bcrypt.encode("Huaxi@2026");
        passwords.matches("Huaxi@2026", office);

        assertThat(passwords.matches("Huaxi@2026", unit)).isTrue();
        assertThat(hashed).hasValue(2);
    }
}
