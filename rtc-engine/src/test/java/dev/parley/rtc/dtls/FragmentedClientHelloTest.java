package dev.parley.rtc.dtls;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Hashtable;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.bouncycastle.tls.DTLSClientProtocol;
import org.bouncycastle.tls.TlsExtensionsUtils;
import org.bouncycastle.tls.crypto.impl.bc.BcTlsCrypto;
import org.junit.jupiter.api.Test;
import dev.parley.rtc.srtp.SrtpKeyingMaterial;

/**
 * Chromium's ClientHello (about 1,400 bytes with its post-quantum key share) arrives as two handshake
 * fragments in two datagrams (shared/interop/INTEROP.md). Parley's server must reassemble it.
 */
class FragmentedClientHelloTest {

    /** A client whose ClientHello carries 1,300 bytes of padding, so it cannot fit one 1,200-byte datagram. */
    private static final class BulkyClient extends ParleyDtlsClient {
        BulkyClient(BcTlsCrypto crypto, DtlsCertificate cert, CertificateFingerprint remote) {
            super(crypto, cert, remote, DtlsSettings.defaults());
        }

        @Override
        @SuppressWarnings({"rawtypes", "unchecked"})
        public Hashtable getClientExtensions() throws IOException {
            Hashtable extensions = super.getClientExtensions();
            TlsExtensionsUtils.addPaddingExtension(extensions, 1_300);
            return extensions;
        }
    }

    @Test
    void aClientHelloSplitAcrossDatagramsIsReassembled() throws Exception {
        DtlsCertificate clientCert = DtlsCertificate.generate();
        DtlsCertificate serverCert = DtlsCertificate.generate();
        List<Integer> firstFlightSizes = new ArrayList<>();
        QueuedDatagramTransport[] clientSide = new QueuedDatagramTransport[1];
        DtlsEndpoint server = new DtlsEndpoint(DtlsRole.SERVER, serverCert, clientCert.fingerprint(),
                (b, o, l) -> clientSide[0].offer(b, o, l), DtlsSettings.defaults());
        clientSide[0] = new QueuedDatagramTransport((b, o, l) -> {
            synchronized (firstFlightSizes) {
                if (firstFlightSizes.size() < 4) {
                    firstFlightSizes.add(l);
                }
            }
            server.receive(b, o, l);
        });
        try {
            CompletableFuture<SrtpKeyingMaterial> serverKeys = server.start();
            BcTlsCrypto crypto = new BcTlsCrypto(new SecureRandom());
            BulkyClient client = new BulkyClient(crypto, clientCert, serverCert.fingerprint());
            new DTLSClientProtocol().connect(client, clientSide[0]);
            assertThat(firstFlightSizes.get(0)).as("the first fragment fills a datagram").isLessThanOrEqualTo(1_200);
            assertThat(firstFlightSizes.get(0) + firstFlightSizes.get(1)).isGreaterThan(1_300);
            SrtpKeyingMaterial keys = serverKeys.get(10, TimeUnit.SECONDS);
            DtlsEndpointTest.assertMirrored(keys, client.keys());
        } finally {
            server.close();
            clientSide[0].close();
        }
    }
}
