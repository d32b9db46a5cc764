package dev.parley.rtc.dtls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.parley.rtc.srtp.SrtpKeyingMaterial;
import java.security.SecureRandom;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.bouncycastle.tls.DTLSClientProtocol;
import org.bouncycastle.tls.crypto.impl.bc.BcTlsCrypto;
import org.junit.jupiter.api.Test;

/** RFC 7627: Parley insists on the extended master secret, as every WebRTC peer offers it. */
class ExtendedMasterSecretTest {

    /** A client from before RFC 7627. */
    private static final class OldClient extends ParleyDtlsClient {
        OldClient(BcTlsCrypto crypto, DtlsCertificate cert, CertificateFingerprint remote) {
            super(crypto, cert, remote, DtlsSettings.defaults());
        }

        @Override
        public boolean shouldUseExtendedMasterSecret() {
            return false;
        }

        @Override
        public boolean requiresExtendedMasterSecret() {
            return false;
        }

        @Override
        public void notifyHandshakeComplete() {
            // Bouncy Castle refuses to export keys without the extended master secret; this client does not try.
        }
    }

    @Test
    void aClientWithoutTheExtendedMasterSecretIsRefused() throws Exception {
        DtlsCertificate clientCert = DtlsCertificate.generate();
        DtlsCertificate serverCert = DtlsCertificate.generate();
        QueuedDatagramTransport[] clientSide = new QueuedDatagramTransport[1];
        DtlsEndpoint server = new DtlsEndpoint(DtlsRole.SERVER, serverCert, clientCert.fingerprint(),
                (b, o, l) -> clientSide[0].offer(b, o, l), DtlsSettings.defaults());
        clientSide[0] = new QueuedDatagramTransport(server::receive);
        try {
            CompletableFuture<SrtpKeyingMaterial> serverKeys = server.start();
            BcTlsCrypto crypto = new BcTlsCrypto(new SecureRandom());
            Throwable clientFailure = catchThrowable(() ->
                    new DTLSClientProtocol().connect(new OldClient(crypto, clientCert, serverCert.fingerprint()), clientSide[0]));
            assertThat(clientFailure).isNotNull();
            // Refused in the handshake itself, not later when keys are exported.
            assertThat(catchThrowable(() -> serverKeys.get(10, TimeUnit.SECONDS)))
                    .isInstanceOf(ExecutionException.class).hasCauseInstanceOf(DtlsException.class)
                    .cause().hasMessageContaining("no way to encrypt");
            assertThat(server.state()).isEqualTo(DtlsEndpoint.State.FAILED);
        } finally {
            server.close();
            clientSide[0].close();
        }
    }
}
