package org.civicloop.notifications;

import static org.assertj.core.api.Assertions.assertThat;

import org.civicloop.notifications.domain.LoggingSmsSender;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/** Contact details in logs and tables are masked: enough to tell recipients apart, not to reach them. */
@ExtendWith(OutputCaptureExtension.class)
class NotificationMaskingTests {

    @Test
    void mobileNumbersKeepTheirFirstThreeAndLastFourDigits() {
        assertThat(Masking.phone("13812341234")).isEqualTo("138****1234");
        assertThat(Masking.phone("+86 138 1234 1234")).isEqualTo("+86138****1234");
        assertThat(Masking.phone("0086-13812341234")).isEqualTo("+86138****1234");
        assertThat(Masking.phone("0851-83851234")).isEqualTo("085****1234");
        assertThat(Masking.phone("12345")).isEqualTo("****");
    }

    @Test
    void emailAddressesKeepTheirFirstLetterAndDomain() {
        assertThat(Masking.email("zhangsan@example.com")).isEqualTo("z***@example.com");
        assertThat(Masking.email("a@qq.com")).isEqualTo("a***@qq.com");
        assertThat(Masking.email("not-an-address")).isEqualTo("****");
    }

    @Test
    void theLoggingSmsSenderLogsTheMaskedNumberAndNotTheText(CapturedOutput output) {
        new LoggingSmsSender().send("13812341234", "张三您好，您反映的青岩镇路灯问题已办结。");
        assertThat(output).contains("138****1234").doesNotContain("13812341234").doesNotContain("路灯");
    }

    @Test
    void aVoterMessagePrintsWithoutPersonalData() {
        VoterMessage message = new VoterMessage("13812341234", "zhangsan@example.com", "k", null, null);
        assertThat(message.toString()).contains("138****1234", "z***@example.com").doesNotContain("13812341234", "zhangsan");
        assertThat(message.arguments()).isEmpty();
        assertThat(message.locale()).isEqualTo(java.util.Locale.SIMPLIFIED_CHINESE);
    }
}
