package org.civicloop.audit.web;

import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.civicloop.audit.AuditTrail;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.ExitCodeGenerator;
import org.springframework.stereotype.Component;

/**
 * {@code java -jar civicloop.jar verify-audit}: checks the chain from the command line and exits
 * 0 when intact, 1 when broken (naming the first broken row, or the position a checkpoint outside
 * the database expected), so cron or a monitor can run it.
 */
@Component
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
class VerifyAuditCommand implements ApplicationRunner, ExitCodeGenerator {

    public static final String COMMAND = "verify-audit";

    private final AuditTrail trail;
    private int exitCode;

    @Override
    public void run(ApplicationArguments args) {
        if (!args.getNonOptionArgs().contains(COMMAND)) {
            return;
        }
        AuditTrail.Verification v = trail.verify();
        if (v.intact()) {
            System.out.printf("audit chain intact: %d rows verified, %d not yet chained, %d checkpoints compared%n",
                    v.checked(), v.pending(), v.checkpoints());
            exitCode = 0;
        } else if (v.firstBadId() != null) {
            System.out.printf("audit chain BROKEN at row id %d (chain position %d): %s; %d rows verified before it%n",
                    v.firstBadId(), v.firstBadSeq(), v.problem(), v.checked());
            exitCode = 1;
        } else {
            System.out.printf("audit chain BROKEN%s: %s; %d rows verified, %d checkpoints compared%n",
                    v.firstBadSeq() == null ? "" : " at chain position " + v.firstBadSeq(), v.problem(), v.checked(),
                    v.checkpoints());
            exitCode = 1;
        }
    }

    @Override
    public int getExitCode() {
        return exitCode;
    }
}
