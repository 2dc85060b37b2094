package org.civicloop.system.security;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;

/** Passwords are hashed the same way with or without a web server (the commands need it too). */
@Configuration(proxyBeanMethods = false)
class PasswordConfiguration {

    @Bean
    PasswordEncoder passwordEncoder(VerifiedPasswordProperties properties) {
        PasswordEncoder hashing = PasswordEncoderFactories.createDelegatingPasswordEncoder();
        return properties.remembered().isZero() ? hashing
                : new VerifiedPasswords(hashing, properties.remembered(), properties.maximumEntries());
    }
}
