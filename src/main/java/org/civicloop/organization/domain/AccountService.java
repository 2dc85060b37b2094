package org.civicloop.organization.domain;

import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.civicloop.organization.OrganizationEvents.AccountCreated;
import org.civicloop.organization.OrganizationEvents.AccountLocked;
import org.civicloop.organization.OrganizationEvents.AccountUnlocked;
import org.civicloop.organization.OrganizationEvents.PasswordChanged;
import org.civicloop.organization.OrganizationEvents.SignInFailed;
import org.civicloop.organization.OrganizationEvents.SignedIn;
import org.civicloop.shared.BusinessException;
import org.civicloop.shared.NotFoundException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Creating and changing staff accounts, passwords and the sign-in lock. */
@Service
@Transactional
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
public class AccountService {

    private static final String TEMP_PASSWORD_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnpqrstuvwxyz23456789";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final AccountRepository accounts;
    private final OrgUnitRepository units;
    private final JdbcClient jdbc;
    private final PasswordEncoder encoder;
    private final ApplicationEventPublisher events;
    private final SecurityProperties properties;
    private final CommonPasswords commonPasswords;

    /** Creates an account with a temporary password that its owner must change at first sign-in. */
    public Created create(String username, AccountDetails details) {
        String temporary = temporaryPassword();
        Account account = create(username, details, temporary, true);
        return new Created(account.id(), temporary);
    }

    /** Creates an account with a known password (demo data, the first administrator). */
    public Account create(String username, AccountDetails details, String password, boolean mustChange) {
        checkUsername(username);
        checkDetails(details);
        if (findIdByUsername(username).isPresent()) {
            throw BusinessException.conflict("account.error.usernameTaken", username);
        }
        Account account = accounts.save(Account.create(username, details, encoder.encode(password), mustChange));
        events.publishEvent(new AccountCreated(account.id(), account.summary()));
        return account;
    }

    public void update(long accountId, AccountDetails details) {
        checkDetails(details);
        Account account = get(accountId);
        var event = account.update(details);
        accounts.save(account);
        if (!event.before().equals(event.after())) {
            events.publishEvent(event);
        }
    }

    public void unlock(long accountId) {
        Account account = get(accountId);
        if (account.unlock()) {
            accounts.save(account);
            events.publishEvent(new AccountUnlocked(accountId, account.username()));
        }
    }

    /** An administrator's reset: a new temporary password, shown once, to be changed at sign-in. */
    public String resetPassword(long accountId) {
        Account account = get(accountId);
        String temporary = temporaryPassword();
        account.setPassword(encoder.encode(temporary), true);
        accounts.save(account);
        events.publishEvent(new PasswordChanged(accountId, account.username(), true));
        return temporary;
    }

    /** The owner's change; returns the new hash for the session's principal. */
    public String changeOwnPassword(long accountId, String current, String next) {
        Account account = get(accountId);
        if (!encoder.matches(current, account.passwordHash())) {
            throw BusinessException.invalid("password.error.currentWrong");
        }
        checkPassword(account.username(), next);
        if (encoder.matches(next, account.passwordHash())) {
            throw BusinessException.invalid("password.error.sameAsOld");
        }
        String hash = encoder.encode(next);
        account.setPassword(hash, false);
        accounts.save(account);
        events.publishEvent(new PasswordChanged(accountId, account.username(), false));
        return hash;
    }

    /**
     * A wrong password for {@code username}. One atomic update counts it (restarting the count if
     * an earlier lock has run out); reaching the limit locks the account for the configured time.
     */
    public void recordFailedSignIn(String username) {
        Optional<Counted> counted = jdbc.sql("""
                        update account set
                            failed_logins = case when locked_until is not null and locked_until <= now() then 1
                                                 else failed_logins + 1 end,
                            locked_until  = case when locked_until is not null and locked_until <= now() then null
                                                 else locked_until end,
                            version = version + 1
                        where lower(username) = lower(:username)
                        returning id, username, failed_logins, locked_until
                        """)
                .param("username", username)
                .query((rs, n) -> new Counted(rs.getLong("id"), rs.getString("username"), rs.getInt("failed_logins"),
                        rs.getTimestamp("locked_until")))
                .optional();
        if (counted.isEmpty()) {
            return;
        }
        Counted c = counted.get();
        events.publishEvent(new SignInFailed(c.id(), c.username(), c.failedLogins()));
        if (c.failedLogins() >= properties.maxFailedLogins() && c.lockedUntil() == null) {
            Instant until = Instant.now().plus(properties.lockDuration());
            int locked = jdbc.sql("update account set locked_until = :until, version = version + 1 where id = :id and locked_until is null")
                    .param("until", Timestamp.from(until)).param("id", c.id()).update();
            if (locked == 1) {
                events.publishEvent(new AccountLocked(c.id(), c.username(), c.failedLogins(), until));
            }
        }
    }

    /** A successful interactive sign-in: clears the failure count and records the time. */
    public void recordSignIn(long accountId, String username) {
        jdbc.sql("update account set failed_logins = 0, locked_until = null, last_login_at = now(), version = version + 1 where id = :id")
                .param("id", accountId).update();
        events.publishEvent(new SignedIn(accountId, username));
    }

    /** A successful non-interactive sign-in (an API call) after failures: clears the count only. */
    public void clearFailures(long accountId) {
        jdbc.sql("update account set failed_logins = 0, version = version + 1 where id = :id and failed_logins > 0")
                .param("id", accountId).update();
    }

    public Optional<Long> findIdByUsername(String username) {
        return jdbc.sql("select id from account where lower(username) = lower(:username)")
                .param("username", username).query(Long.class).optional();
    }

    public boolean anyAccountExists() {
        return jdbc.sql("select exists (select 1 from account)").query(Boolean.class).single();
    }

    /**
     * The password rules, checked before anything is hashed: long enough; no control, zero-width or
     * other invisible characters (they cannot be typed again reliably); at most 72 bytes in UTF-8,
     * the most BCrypt reads (31 Chinese characters are 93 bytes); letters and digits; not containing
     * the username; not on the bundled list of common passwords.
     */
    public void checkPassword(String username, String password) {
        if (password == null || password.codePointCount(0, password.length()) < properties.minPasswordLength()) {
            throw BusinessException.invalid("password.error.tooShort", properties.minPasswordLength());
        }
        if (password.codePoints().anyMatch(AccountService::invisible)) {
            throw BusinessException.invalid("password.error.invisibleCharacters");
        }
        if (password.getBytes(java.nio.charset.StandardCharsets.UTF_8).length > MAX_PASSWORD_BYTES) {
            throw BusinessException.invalid("password.error.tooManyBytes", MAX_PASSWORD_BYTES);
        }
        boolean letter = password.chars().anyMatch(Character::isLetter);
        boolean digit = password.chars().anyMatch(Character::isDigit);
        if (!letter || !digit) {
            throw BusinessException.invalid("password.error.needsLettersAndDigits");
        }
        if (password.equalsIgnoreCase(username)) {
            throw BusinessException.invalid("password.error.sameAsUsername");
        }
        if (username != null && password.toLowerCase(java.util.Locale.ROOT).contains(username.toLowerCase(java.util.Locale.ROOT))) {
            throw BusinessException.invalid("password.error.containsUsername");
        }
        if (commonPasswords.contains(password)) {
            throw BusinessException.invalid("password.error.common");
        }
    }

    /** BCrypt reads no further than this many bytes; a longer password would be cut without a word. */
    public static final int MAX_PASSWORD_BYTES = 72;

    /** Control and format characters (zero-width space and joiners, BOM, bidi marks), separators, lone surrogates, unassigned. */
    static boolean invisible(int codePoint) {
        return switch (Character.getType(codePoint)) {
            case Character.CONTROL, Character.FORMAT, Character.LINE_SEPARATOR, Character.PARAGRAPH_SEPARATOR,
                 Character.SURROGATE, Character.UNASSIGNED, Character.PRIVATE_USE -> true;
            default -> codePoint == 0x115F || codePoint == 0x1160 || codePoint == 0x3164 || codePoint == 0xFFA0
                    || codePoint == 0x180E;
        };
    }

    private void checkUsername(String username) {
        if (username == null || !username.matches("[A-Za-z][A-Za-z0-9_.-]{2,49}")) {
            throw BusinessException.invalid("account.error.usernameFormat");
        }
    }

    private void checkDetails(AccountDetails details) {
        if (details.roles().isEmpty()) {
            throw BusinessException.invalid("account.error.noRole");
        }
        if (details.unitId() != null && !units.existsById(details.unitId())) {
            throw new NotFoundException("unit", details.unitId());
        }
    }

    private Account get(long accountId) {
        return accounts.findById(accountId).orElseThrow(() -> new NotFoundException("account", accountId));
    }

    static String temporaryPassword() {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 10; i++) {
            sb.append(TEMP_PASSWORD_ALPHABET.charAt(RANDOM.nextInt(TEMP_PASSWORD_ALPHABET.length())));
        }
        // the policy wants letters and digits; guarantee both whatever the draw
        return sb.append(RANDOM.nextInt(10)).append('k').toString();
    }

    public record Created(long accountId, String temporaryPassword) {
    }

    private record Counted(long id, String username, int failedLogins, Timestamp lockedUntil) {
    }
}
