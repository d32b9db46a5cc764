package dev.parley.app.logging;

import ch.qos.logback.classic.pattern.MessageConverter;
import ch.qos.logback.classic.spi.ILoggingEvent;

/**
 * Logback's {@code %msg} with IP addresses taken out ({@link AddressRedactor}), unless the person turned on debug
 * logging ({@code PARLEY_LOG_LEVEL=DEBUG} or TRACE), where addresses are what a network problem is debugged with.
 */
public final class RedactingMessageConverter extends MessageConverter {

    @Override
    public String convert(ILoggingEvent event) {
        String message = super.convert(event);
        return showAddresses() ? message : AddressRedactor.redact(message);
    }

    static boolean showAddresses() {
        String level = System.getenv("PARLEY_LOG_LEVEL");
        return level != null && (level.equalsIgnoreCase("DEBUG") || level.equalsIgnoreCase("TRACE"));
    }
}
