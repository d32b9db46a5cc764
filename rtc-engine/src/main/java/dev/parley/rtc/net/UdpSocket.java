package dev.parley.rtc.net;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.StandardProtocolFamily;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.nio.channels.SelectionKey;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A non-blocking UDP socket served by an {@link EventLoop}: received datagrams go to its handler on the loop
 * thread, sends never block (a full send buffer drops the datagram and counts it, as the network would).
 */
public final class UdpSocket implements AutoCloseable {

    /** Larger than any datagram we accept; longer ones are truncated by the OS and dropped by parsers. */
    static final int RECEIVE_BUFFER = 2048;
    private static final int SOCKET_BUFFER_BYTES = 1 << 20;

    private final EventLoop loop;
    private final DatagramChannel channel;
    private final DatagramHandler handler;
    private final byte[] receiveArray = new byte[RECEIVE_BUFFER];
    private final ByteBuffer receiveBuffer = ByteBuffer.wrap(receiveArray);
    private final InetSocketAddress local;
    private final AtomicLong sendDrops = new AtomicLong();
    private final AtomicLong received = new AtomicLong();
    private volatile boolean closed;

    private UdpSocket(EventLoop loop, DatagramChannel channel, DatagramHandler handler) throws IOException {
        this.loop = loop;
        this.channel = channel;
        this.handler = handler;
        this.local = (InetSocketAddress) channel.getLocalAddress();
    }

    /** Binds a socket (port 0 = any free port) and starts delivering its datagrams on the loop thread. */
    public static CompletableFuture<UdpSocket> open(EventLoop loop, InetSocketAddress bind, DatagramHandler handler) {
        CompletableFuture<UdpSocket> result = new CompletableFuture<>();
        loop.execute(() -> {
            DatagramChannel channel = null;
            try {
                channel = DatagramChannel.open(bind.getAddress() instanceof java.net.Inet6Address
                        ? StandardProtocolFamily.INET6 : StandardProtocolFamily.INET);
                channel.setOption(StandardSocketOptions.SO_RCVBUF, SOCKET_BUFFER_BYTES);
                channel.setOption(StandardSocketOptions.SO_SNDBUF, SOCKET_BUFFER_BYTES);
                channel.bind(bind);
                channel.configureBlocking(false);
                UdpSocket socket = new UdpSocket(loop, channel, handler);
                channel.register(loop.selector(), SelectionKey.OP_READ, socket);
                result.complete(socket);
            } catch (IOException | RuntimeException e) {
                if (channel != null) {
                    try {
                        channel.close();
                    } catch (IOException ignored) {
                        // already failing
                    }
                }
                result.completeExceptionally(e);
            }
        });
        return result;
    }

    public InetSocketAddress localAddress() {
        return local;
    }

    /** Sends one datagram; returns false when it was dropped (closed socket or full buffer). Any thread. */
    public boolean send(byte[] data, int offset, int length, InetSocketAddress to) {
        if (closed) {
            sendDrops.incrementAndGet();
            return false;
        }
        try {
            if (channel.send(ByteBuffer.wrap(data, offset, length), to) == 0) {
                sendDrops.incrementAndGet();
                return false;
            }
            return true;
        } catch (IOException | RuntimeException e) {
            // Unreachable networks, closed channels, bad addresses: the datagram is lost, the call goes on.
            sendDrops.incrementAndGet();
            return false;
        }
    }

    public long sendDrops() {
        return sendDrops.get();
    }

    public long received() {
        return received.get();
    }

    // Loop thread: read everything that is waiting.
    void drain() {
        for (int i = 0; i < 256 && !closed; i++) {
            receiveBuffer.clear();
            InetSocketAddress from;
            try {
                from = (InetSocketAddress) channel.receive(receiveBuffer);
            } catch (IOException e) {
                // ICMP port unreachable and friends surface here on some systems: not fatal.
                return;
            }
            if (from == null) {
                return;
            }
            received.incrementAndGet();
            try {
                handler.onDatagram(receiveArray, 0, receiveBuffer.position(), from);
            } catch (RuntimeException e) {
                // One hostile or unexpected datagram must not stop the ones behind it.
                loop.recordFailure(e);
            }
        }
    }

    @Override
    public void close() {
        if (loop.inLoop()) {
            closeNow();
        } else {
            loop.execute(this::closeNow);
        }
    }

    void closeNow() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            channel.close();
        } catch (IOException ignored) {
            // nothing more to do
        }
    }
}
