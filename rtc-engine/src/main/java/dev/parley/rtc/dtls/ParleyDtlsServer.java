package dev.parley.rtc.dtls;

import dev.parley.rtc.srtp.SrtpKeyingMaterial;
import dev.parley.rtc.srtp.SrtpProfile;

import java.io.IOException;
import java.util.Hashtable;
import java.util.List;
import org.bouncycastle.tls.AlertDescription;
import org.bouncycastle.tls.Certificate;
import org.bouncycastle.tls.CertificateRequest;
import org.bouncycastle.tls.ClientCertificateType;
import org.bouncycastle.tls.DefaultTlsServer;
import org.bouncycastle.tls.ProtocolVersion;
import org.bouncycastle.tls.TlsCredentialedSigner;
import org.bouncycastle.tls.TlsFatalAlert;
import org.bouncycastle.tls.TlsSRTPUtils;
import org.bouncycastle.tls.TlsExtensionsUtils;
import org.bouncycastle.tls.TlsUtils;
import org.bouncycastle.tls.UseSRTPData;
import org.bouncycastle.tls.crypto.impl.bc.BcTlsCrypto;

/**
 * The DTLS 1.2 server side (setup:passive, or actpass answered by active): demands the client's certificate
 * and checks its fingerprint, picks the SRTP profile, exports SRTP keys. Unknown ClientHello extensions
 * (a DTLS 1.3 post-quantum key share from Chromium) are ignored, and version negotiation answers 1.2.
 */
final class ParleyDtlsServer extends DefaultTlsServer {

    private final DtlsCertificate certificate;
    private final CertificateFingerprint remoteFingerprint;
    private final List<SrtpProfile> profiles;
    private final DtlsSettings settings;
    private SrtpProfile chosen;
    private SrtpKeyingMaterial keys;

    ParleyDtlsServer(BcTlsCrypto crypto, DtlsCertificate certificate, CertificateFingerprint remoteFingerprint,
                     DtlsSettings settings) {
        super(crypto);
        this.certificate = certificate;
        this.remoteFingerprint = remoteFingerprint;
        this.settings = settings;
        this.profiles = settings.profiles();
    }

    @Override
    protected ProtocolVersion[] getSupportedVersions() {
        return ProtocolVersion.DTLSv12.only();
    }

    @Override
    protected int[] getSupportedCipherSuites() {
        return TlsUtils.getSupportedCipherSuites(getCrypto(), DtlsCipherSuites.ECDSA);
    }

    @Override
    protected TlsCredentialedSigner getECDSASignerCredentials() throws IOException {
        return DtlsCredentials.signer(context, (BcTlsCrypto) getCrypto(), certificate);
    }

    @Override
    @SuppressWarnings("rawtypes")
    public void processClientExtensions(Hashtable clientExtensions) throws IOException {
        super.processClientExtensions(clientExtensions);
        UseSRTPData offered = TlsSRTPUtils.getUseSRTPExtension(clientExtensions);
        if (offered == null) {
            throw new TlsFatalAlert(AlertDescription.handshake_failure, "client did not offer use_srtp");
        }
        // Our preference order wins among what the client offers (RFC 5764 section 4.1.1).
        for (SrtpProfile p : profiles) {
            for (int id : offered.getProtectionProfiles()) {
                if (p.dtlsId() == id) {
                    chosen = p;
                    return;
                }
            }
        }
        throw new TlsFatalAlert(AlertDescription.handshake_failure, "no SRTP profile in common");
    }

    @Override
    @SuppressWarnings({"rawtypes", "unchecked"})
    public Hashtable getServerExtensions() throws IOException {
        Hashtable extensions = TlsExtensionsUtils.ensureExtensionsInitialised(super.getServerExtensions());
        TlsSRTPUtils.addUseSRTPExtension(extensions, new UseSRTPData(new int[] {chosen.dtlsId()}, TlsUtils.EMPTY_BYTES));
        return extensions;
    }

    @Override
    public CertificateRequest getCertificateRequest() {
        // WebRTC authenticates both ends by fingerprint: the client's certificate is mandatory.
        return new CertificateRequest(new short[] {ClientCertificateType.ecdsa_sign, ClientCertificateType.rsa_sign},
                TlsUtils.getDefaultSupportedSignatureAlgorithms(context), null);
    }

    @Override
    public void notifyClientCertificate(Certificate clientCertificate) throws IOException {
        DtlsCredentials.verify(clientCertificate, remoteFingerprint);
    }

    /** RFC 7627: browsers and libwebrtc always use the extended master secret; a peer without it is refused. */
    @Override
    public boolean requiresExtendedMasterSecret() {
        return true;
    }

    @Override
    public int getHandshakeResendTimeMillis() {
        return settings.resendMillis();
    }

    @Override
    public int getHandshakeTimeoutMillis() {
        return settings.timeoutMillis();
    }

    @Override
    public void notifyHandshakeComplete() throws IOException {
        super.notifyHandshakeComplete();
        keys = DtlsCredentials.exportSrtpKeys(context, chosen, false);
    }

    SrtpKeyingMaterial keys() {
        return keys;
    }
}
