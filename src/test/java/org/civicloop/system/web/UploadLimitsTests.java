package org.civicloop.system.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.util.unit.DataSize;

class UploadLimitsTests {

    private final UploadLimits limits = new UploadLimits(DataSize.ofMegabytes(64), DataSize.ofMegabytes(256),
            List.of(" /opinions/routing/import ", ""), null);

    @Test
    void aLedgerAddressGetsTheServletsLimitAndEveryOtherFormTheFormsLimit() {
        assertThat(limits.limitFor(new MockHttpServletRequest("POST", "/opinions/routing/import"))).isEqualTo(DataSize.ofMegabytes(256));
        assertThat(limits.limitFor(new MockHttpServletRequest("POST", "/opinions/import"))).isEqualTo(DataSize.ofMegabytes(64));
        assertThat(limits.limitFor(new MockHttpServletRequest("POST", "/public/opinions"))).isEqualTo(DataSize.ofMegabytes(64));
        assertThat(limits.limitFor(new MockHttpServletRequest("POST", "/opinions/routing/import/progress"))).isEqualTo(DataSize.ofMegabytes(64));
    }

    @Test
    void theFormsLimitIsNeverAboveTheServletsOwn() {
        UploadLimits inverted = new UploadLimits(DataSize.ofMegabytes(300), DataSize.ofMegabytes(256), List.of(), null);

        assertThat(inverted.limitFor(new MockHttpServletRequest("POST", "/public/opinions"))).isEqualTo(DataSize.ofMegabytes(256));
    }
}
