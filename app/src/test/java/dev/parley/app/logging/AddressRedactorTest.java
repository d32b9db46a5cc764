package dev.parley.app.logging;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.LoggingEvent;
import org.junit.jupiter.api.Test;

class AddressRedactorTest {

    @Test
    void addressesAreTakenOutOfALogLine() {
        assertThat(AddressRedactor.redact("candidate pair 192.168.1.20:50000 <-> 203.0.113.7:3478 succeeded"))
                .isEqualTo("candidate pair <ip>:50000 <-> <ip>:3478 succeeded");
        assertThat(AddressRedactor.redact("from fe80::1c2a:3bff:fe4d:5e6f%eth0 and 2001:db8:85a3:0:0:8a2e:370:7334"))
                .isEqualTo("from <ip6> and <ip6>");
        assertThat(AddressRedactor.redact("relay [2001:db8::7]:3478 and ::1")).isEqualTo("relay [<ip6>]:3478 and <ip6>");
    }

    @Test
    void timesVersionsAndNumbersStay() {
        String line = "call at 12:30:45 took 1.5 s, version 0.1.0, 10.5.3 frames, ratio 1.2.3.4.5, ab:cd";
        assertThat(AddressRedactor.redact(line)).isEqualTo(line);
        assertThat(AddressRedactor.redact("")).isEmpty();
        assertThat(AddressRedactor.redact(null)).isNull();
    }

    @Test
    void theLogPatternUsesTheRedactingMessage() {
        RedactingMessageConverter converter = new RedactingMessageConverter();
        LoggingEvent event = new LoggingEvent("test", new LoggerContext().getLogger("t"), Level.INFO,
                "connected to {}", null, new Object[] {"198.51.100.23"});
        // PARLEY_LOG_LEVEL is not DEBUG in the test environment, so the address goes.
        assertThat(RedactingMessageConverter.showAddresses()).isFalse();
        assertThat(converter.convert(event)).isEqualTo("connected to <ip>");
    }
}
