package org.civicloop.audit.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.civicloop.testing.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.DefaultApplicationArguments;

@IntegrationTest
class VerifyAuditCommandIntegrationTests {

    @Autowired
    VerifyAuditCommand command;

    @Test
    void exitsWithZeroWhenTheChainIsIntact() {
        command.run(new DefaultApplicationArguments("verify-audit"));
        assertThat(command.getExitCode()).isZero();
    }
}
