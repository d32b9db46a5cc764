package dev.parley.rtc.ice;

import dev.parley.rtc.stun.StunDecoder;
import dev.parley.rtc.stun.StunMessage;
import dev.parley.rtc.stun.StunResponses;
import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;

/** A STUN server on loopback that reports every client at one fixed address, as a NAT would. */
public final class FakeStunServer implements AutoCloseable {

    private final DatagramSocket socket;

    public FakeStunServer(InetSocketAddress reportedAddress) throws IOException {
        socket = new DatagramSocket(0, InetAddress.getLoopbackAddress());
        Thread responder = new Thread(() -> {
            byte[] buf = new byte[1500];
            while (!socket.isClosed()) {
                try {
                    DatagramPacket p = new DatagramPacket(buf, buf.length);
                    socket.receive(p);
                    StunMessage request = StunDecoder.decode(p.getData(), 0, p.getLength());
                    byte[] reply = StunResponses.bindingSuccess(request, reportedAddress, null);
                    socket.send(new DatagramPacket(reply, reply.length, p.getSocketAddress()));
                } catch (Exception e) {
                    if (socket.isClosed()) {
                        return;
                    }
                }
            }
        }, "test-stun-server");
        responder.setDaemon(true);
        responder.start();
    }

    public InetSocketAddress address() {
        return (InetSocketAddress) socket.getLocalSocketAddress();
    }

    @Override
    public void close() {
        socket.close();
    }
}
