package org.civicloop.organization.domain;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * The bundled list of passwords too common to accept ({@code security/common-passwords.txt}: the
 * passwords leaked most often, Chinese favourites such as {@code woaini1314} and {@code qq123456},
 * words with years), compared without regard to case.
 */
@Component
public class CommonPasswords {

    static final String LIST = "security/common-passwords.txt";

    private final Set<String> passwords;

    CommonPasswords() {
        Set<String> read = new HashSet<>();
        try (BufferedReader in = new BufferedReader(new InputStreamReader(new ClassPathResource(LIST).getInputStream(),
                StandardCharsets.UTF_8))) {
            in.lines().map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("#"))
                    .forEach(l -> read.add(l.toLowerCase(Locale.ROOT)));
        } catch (IOException e) {
            throw new UncheckedIOException("the common password list " + LIST + " is missing", e);
        }
        this.passwords = Set.copyOf(read);
    }

    public boolean contains(String password) {
        return password != null && passwords.contains(password.toLowerCase(Locale.ROOT));
    }

    int size() {
        return passwords.size();
    }
}
