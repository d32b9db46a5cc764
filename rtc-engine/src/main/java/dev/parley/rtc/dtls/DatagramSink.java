package dev.parley.rtc.dtls;

/** Where DTLS records go out: the ICE transport's selected pair. Must not block. */
@FunctionalInterface
public interface DatagramSink {
    void send(byte[] datagram, int offset, int length);
}
