package dev.parley.rtc.dtls;

import dev.parley.rtc.srtp.SrtpKeyingMaterial;
import dev.parley.rtc.srtp.SrtpProfile;

import java.io.IOException;
import org.bouncycastle.tls.Certificate;
import org.bouncycastle.tls.HashAlgorithm;
import org.bouncycastle.tls.SignatureAlgorithm;
import org.bouncycastle.tls.SignatureAndHashAlgorithm;
import org.bouncycastle.tls.TlsContext;
import org.bouncycastle.tls.TlsCredentialedSigner;
import org.bouncycastle.tls.TlsFatalAlert;
import org.bouncycastle.tls.AlertDescription;
import org.bouncycastle.tls.crypto.TlsCertificate;
import org.bouncycastle.tls.crypto.TlsCryptoParameters;
import org.bouncycastle.tls.crypto.impl.bc.BcDefaultTlsCredentialedSigner;
import org.bouncycastle.tls.crypto.impl.bc.BcTlsCrypto;

/** Shared by the DTLS client and server: signing with our certificate, checking the peer's, exporting SRTP keys. */
final class DtlsCredentials {

    private DtlsCredentials() {
    }

    static TlsCredentialedSigner signer(TlsContext context, BcTlsCrypto crypto, DtlsCertificate certificate)
            throws IOException {
        TlsCertificate tlsCertificate = crypto.createCertificate(certificate.derUnsafe());
        Certificate chain = new Certificate(new TlsCertificate[] {tlsCertificate});
        return new BcDefaultTlsCredentialedSigner(new TlsCryptoParameters(context), crypto,
                certificate.privateKeyParameters(), chain,
                new SignatureAndHashAlgorithm(HashAlgorithm.sha256, SignatureAlgorithm.ecdsa));
    }

    /** RFC 5764 section 4.2: the SRTP master keys and salts, exported once the handshake is done. */
    static SrtpKeyingMaterial exportSrtpKeys(TlsContext context, SrtpProfile profile, boolean isClient) {
        byte[] exported = context.exportKeyingMaterial(SrtpKeyingMaterial.EXPORTER_LABEL, null,
                SrtpKeyingMaterial.exportLength(profile));
        return SrtpKeyingMaterial.fromDtlsExport(profile, exported, isClient);
    }

    /** RFC 8827 section 6.5: the peer's certificate must match the fingerprint it signalled, or the call fails. */
    static void verify(Certificate peerChain, CertificateFingerprint expected) throws IOException {
        if (peerChain == null || peerChain.isEmpty()) {
            throw new TlsFatalAlert(AlertDescription.certificate_required, "peer sent no certificate");
        }
        byte[] der = peerChain.getCertificateAt(0).getEncoded();
        if (!expected.matches(der)) {
            throw new TlsFatalAlert(AlertDescription.bad_certificate,
                    "peer certificate does not match the fingerprint in its SDP");
        }
    }
}
