package dev.parley.rtc.net;

import java.net.InetSocketAddress;

/**
 * Receives datagrams on the event loop's thread. The buffer is reused for the next datagram: copy what
 * must outlive the call.
 */
@FunctionalInterface
public interface DatagramHandler {
    void onDatagram(byte[] buffer, int offset, int length, InetSocketAddress from);
}
