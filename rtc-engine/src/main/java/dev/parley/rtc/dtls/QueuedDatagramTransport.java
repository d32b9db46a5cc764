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
 *
 * <p>Outgoing records are packed into as few datagrams as fit the MTU (RFC 6347 section 4.1.1 allows several
 * records per datagram): Bouncy Castle writes each handshake message as its own record, and a flight of seven
 * datagrams is lost whenever any one is — 30% of the time at 5% packet loss, each loss doubling the resend timer.
 * Records queue until the DTLS thread turns to waiting for an answer, or the next one would not fit.
 */
final class QueuedDatagramTransport implements DatagramTransport {

    /** Room for an IPv6 path MTU of 1280 minus headers, as browsers assume. */
    static final int MTU = 1200;
    private static final int QUEUE_DATAGRAMS = 64;

    private final BlockingQueue<byte[]> inbound = new ArrayBlockingQueue<>(QUEUE_DATAGRAMS);
    private final DatagramSink sink;
    private final AtomicLong dropped = new AtomicLong();
    private final AtomicLong offered = new AtomicLong();
    private final AtomicLong sent = new AtomicLong();
    private volatile boolean closed;
    // Touched only by the DTLS thread.
    private final byte[] outbound = new byte[MTU];
    private int outboundLength;

    QueuedDatagramTransport(DatagramSink sink) {
        this.sink = sink;
    }

    /** Called by the network thread; never blocks. */
    void offer(byte[] buf, int off, int len) {
        if (closed || len <= 0 || len > 65_535) {
            dropped.incrementAndGet();
            return;
        }
        offered.incrementAndGet();
        byte[] copy = java.util.Arrays.copyOfRange(buf, off, off + len);
        if (!inbound.offer(copy)) {
            dropped.incrementAndGet();
        }
    }

    long dropped() {
        return dropped.get();
    }

    /** For diagnostics: datagrams handed in, and sent. */
    String traffic() {
        return "received " + offered.get() + ", sent " + sent.get() + ", dropped " + dropped.get();
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
        flush();
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
        if (outboundLength + len > MTU) {
            flush();
        }
        if (len > MTU) {
            sent.incrementAndGet();
            sink.send(buf, off, len);
            return;
        }
        System.arraycopy(buf, off, outbound, outboundLength, len);
        outboundLength += len;
    }

    /** Sends the records packed so far as one datagram. */
    void flush() {
        if (outboundLength > 0 && !closed) {
            sent.incrementAndGet();
            sink.send(outbound, 0, outboundLength);
        }
        outboundLength = 0;
    }

    @Override
    public void close() {
        flush(); // Bouncy Castle closes right after writing a fatal alert or close_notify
        closed = true;
        inbound.clear();
    }
}
