package dev.parley.rtc.dtls;

import dev.parley.rtc.srtp.SrtpKeyingMaterial;

import java.io.IOException;
import java.security.SecureRandom;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;
import org.bouncycastle.tls.AlertDescription;
import org.bouncycastle.tls.DTLSClientProtocol;
import org.bouncycastle.tls.DTLSServerProtocol;
import org.bouncycastle.tls.DTLSTransport;
import org.bouncycastle.tls.TlsFatalAlert;
import org.bouncycastle.tls.TlsFatalAlertReceived;
import org.bouncycastle.tls.crypto.impl.bc.BcTlsCrypto;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One side of DTLS-SRTP (RFC 5764) for a peer connection: runs the DTLS 1.2 handshake over the ICE
 * transport, verifies the peer's certificate against its SDP fingerprint, and yields the SRTP keys.
 *
 * <p>Bouncy Castle's DTLS API blocks, so each endpoint has one thread of its own ("parley-dtls"); the network
 * thread only hands it datagrams through {@link #receive}. After the handshake the thread stays to answer
 * retransmitted final flights and to notice close_notify; it ends with {@link #close()}.
 */
public final class DtlsEndpoint implements AutoCloseable {

    /** Where the endpoint stands. */
    public enum State { NEW, CONNECTING, CONNECTED, FAILED, CLOSED }

    private static final Logger LOG = LoggerFactory.getLogger(DtlsEndpoint.class);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final DtlsRole role;
    private final DtlsCertificate certificate;
    private final CertificateFingerprint remoteFingerprint;
    private final DtlsSettings settings;
    private final QueuedDatagramTransport transport;
    private final CompletableFuture<SrtpKeyingMaterial> keys = new CompletableFuture<>();
    private final AtomicReference<State> state = new AtomicReference<>(State.NEW);
    private volatile DTLSTransport established;
    private Thread thread;

    public DtlsEndpoint(DtlsRole role, DtlsCertificate certificate, CertificateFingerprint remoteFingerprint,
                        DatagramSink sink, DtlsSettings settings) {
        this.role = role;
        this.certificate = certificate;
        this.remoteFingerprint = remoteFingerprint;
        this.settings = settings;
        this.transport = new QueuedDatagramTransport(sink);
    }

    /** Starts the handshake; the future completes with the SRTP keys or fails with a {@link DtlsException}. */
    public CompletableFuture<SrtpKeyingMaterial> start() {
        if (!state.compareAndSet(State.NEW, State.CONNECTING)) {
            return keys;
        }
        thread = new Thread(this::run, "parley-dtls-" + role.name().toLowerCase(java.util.Locale.ROOT));
        thread.setDaemon(true);
        thread.start();
        return keys;
    }

    /** A DTLS datagram from the network thread (first byte 20..63, RFC 7983). Never blocks. */
    public void receive(byte[] buf, int off, int len) {
        transport.offer(buf, off, len);
    }

    public State state() {
        return state.get();
    }

    public DtlsRole role() {
        return role;
    }

    /** Datagrams dropped because the DTLS thread was behind or the endpoint closed. */
    public long droppedDatagrams() {
        return transport.dropped();
    }

    private void run() {
        BcTlsCrypto crypto = new BcTlsCrypto(RANDOM);
        try {
            SrtpKeyingMaterial material;
            if (role == DtlsRole.CLIENT) {
                ParleyDtlsClient client = new ParleyDtlsClient(crypto, certificate, remoteFingerprint, settings);
                established = new DTLSClientProtocol().connect(client, transport);
                material = client.keys();
            } else {
                ParleyDtlsServer server = new ParleyDtlsServer(crypto, certificate, remoteFingerprint, settings);
                DTLSServerProtocol protocol = new DTLSServerProtocol();
                // WebRTC peers neither send nor expect HelloVerifyRequest: ICE already proved reachability.
                protocol.setVerifyRequests(false);
                established = protocol.accept(server, transport);
                material = server.keys();
            }
            transport.flush(); // the last flight, if the protocol returned without waiting for an answer
            if (!state.compareAndSet(State.CONNECTING, State.CONNECTED)) {
                established.close();
                return;
            }
            LOG.debug("DTLS connected as {} with {}", role, material.profile());
            keys.complete(material);
            serviceUntilClosed();
        } catch (IOException | RuntimeException e) {
            transport.flush(); // a fatal alert Bouncy Castle just wrote tells the peer why
            if (state.get() == State.CLOSED) {
                keys.completeExceptionally(new DtlsException("The connection was closed during setup.", e));
                return;
            }
            state.set(State.FAILED);
            DtlsException failure = describe(e);
            LOG.debug("DTLS failed as {}: {}", role, failure.getMessage());
            keys.completeExceptionally(failure);
        }
    }

    // Keeps reading so that BC can resend our last flight if the peer lost it, and sees close_notify.
    private void serviceUntilClosed() {
        byte[] buf = new byte[2048];
        while (state.get() == State.CONNECTED) {
            try {
                int n = established.receive(buf, 0, buf.length, 1_000);
                if (n > 0) {
                    LOG.debug("Ignored {} bytes of DTLS application data", n);
                }
            } catch (IOException | RuntimeException e) {
                if (state.compareAndSet(State.CONNECTED, State.CLOSED)) {
                    LOG.debug("DTLS closed by the peer: {}", e.toString());
                }
                return;
            }
        }
    }

    private static DtlsException describe(Throwable e) {
        if (e instanceof TlsFatalAlert alert) {
            if (alert.getAlertDescription() == AlertDescription.bad_certificate
                    || alert.getAlertDescription() == AlertDescription.certificate_required) {
                return new DtlsException("The other side's security certificate does not match the fingerprint"
                        + " it announced, so the call was refused.", e);
            }
            if (alert.getAlertDescription() == AlertDescription.handshake_failure) {
                return new DtlsException("The other side and Parley share no way to encrypt the call.", e);
            }
        }
        if (e instanceof TlsFatalAlertReceived received) {
            return new DtlsException("The other side refused the secure connection ("
                    + AlertDescription.getText(received.getAlertDescription()) + ").", e);
        }
        if (e instanceof org.bouncycastle.tls.TlsTimeoutException || e instanceof java.net.SocketTimeoutException) {
            return new DtlsException("The secure connection could not be set up in time.", e);
        }
        return new DtlsException("The secure connection failed: " + e.getMessage(), e);
    }

    /** Ends the endpoint: close_notify when connected, and the DTLS thread stops. */
    @Override
    public void close() {
        State previous = state.getAndSet(State.CLOSED);
        if (previous == State.CLOSED) {
            return;
        }
        DTLSTransport t = established;
        if (t != null && previous == State.CONNECTED) {
            try {
                t.close();
                transport.flush(); // the close_notify alert
            } catch (IOException | RuntimeException e) {
                LOG.debug("close_notify not sent: {}", e.toString());
            }
        }
        LOG.debug("DTLS {} closed in state {} ({})", role, previous, transport.traffic());
        transport.close();
        if (thread != null) {
            thread.interrupt();
        }
        keys.completeExceptionally(new DtlsException("The connection was closed.", null));
    }
}
