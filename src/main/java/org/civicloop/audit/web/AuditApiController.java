package org.civicloop.audit.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.civicloop.audit.AuditTrail;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** The chain check for monitoring: an administrator's credentials, a JSON answer. */
@RestController
@Tag(name = "audit")
@PreAuthorize("hasRole('ADMIN')")
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
class AuditApiController {

    private final AuditTrail trail;

    @GetMapping("/api/audit/verification")
    @Operation(summary = "Verify the audit hash chain and name the first broken row")
    AuditTrail.Verification verify() {
        return trail.verify();
    }
}
