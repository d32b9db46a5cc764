package dev.parley.rtc.dtls;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.bouncycastle.tls.DatagramTransport;

/**
 * Bouncy Castle's blocking {@link DatagramTransport} over a bounded queue: the network thread offers the
 * DTLS datagrams it demultiplexed (RFC 7983), the DTLS thread takes them. Overflow is dropped and counted,
 * as a full socket buffer would drop it; DTLS retransmits.
 */
final class QueuedDatagramTransport implements DatagramTransport {

    /** Room for an IPv6 path MTU of 1280 minus headers, as browsers assume. */
    static final int MTU = 1200;
    private static final int QUEUE_DATAGRAMS = 64;

    private final BlockingQueue<byte[]> inbound = new ArrayBlockingQueue<>(QUEUE_DATAGRAMS);
    private final DatagramSink sink;
    private final AtomicLong dropped = new AtomicLong();
    private volatile boolean closed;

    QueuedDatagramTransport(DatagramSink sink) {
        this.sink = sink;
    }

    /** Called by the network thread; never blocks. */
    void offer(byte[] buf, int off, int len) {
        if (closed || len <= 0 || len > 65_535) {
            dropped.incrementAndGet();
            return;
        }
        byte[] copy = java.util.Arrays.copyOfRange(buf, off, off + len);
        if (!inbound.offer(copy)) {
            dropped.incrementAndGet();
        }
    }

    long dropped() {
        return dropped.get();
    }

    @Override
    public int getReceiveLimit() {
        return 65_535;
    }

    @Override
    public int getSendLimit() {
        return MTU;
    }

    @Override
    public int receive(byte[] buf, int off, int len, int waitMillis) throws IOException {
        if (closed) {
            throw new IOException("DTLS transport closed");
        }
        byte[] datagram;
        try {
            datagram = inbound.poll(waitMillis, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("DTLS receive interrupted");
        }
        if (datagram == null) {
            if (closed) {
                throw new IOException("DTLS transport closed");
            }
            return -1;
        }
        int n = Math.min(len, datagram.length);
        System.arraycopy(datagram, 0, buf, off, n);
        return n;
    }

    @Override
    public void send(byte[] buf, int off, int len) throws IOException {
        if (closed) {
            throw new IOException("DTLS transport closed");
        }
        sink.send(buf, off, len);
    }

    @Override
    public void close() {
        closed = true;
        inbound.clear();
    }
}
