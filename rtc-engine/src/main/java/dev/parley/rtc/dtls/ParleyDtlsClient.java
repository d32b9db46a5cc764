package dev.parley.rtc.dtls;

import dev.parley.rtc.srtp.SrtpKeyingMaterial;
import dev.parley.rtc.srtp.SrtpProfile;

import java.io.IOException;
import java.util.Hashtable;
import java.util.List;
import org.bouncycastle.tls.AlertDescription;
import org.bouncycastle.tls.CertificateRequest;
import org.bouncycastle.tls.DefaultTlsClient;
import org.bouncycastle.tls.NamedGroup;
import org.bouncycastle.tls.ProtocolVersion;
import org.bouncycastle.tls.TlsAuthentication;
import org.bouncycastle.tls.TlsCredentials;
import org.bouncycastle.tls.TlsFatalAlert;
import org.bouncycastle.tls.TlsSRTPUtils;
import org.bouncycastle.tls.TlsServerCertificate;
import org.bouncycastle.tls.TlsExtensionsUtils;
import org.bouncycastle.tls.TlsUtils;
import org.bouncycastle.tls.UseSRTPData;
import org.bouncycastle.tls.crypto.impl.bc.BcTlsCrypto;

/** The DTLS 1.2 client side (setup:active): offers use_srtp, checks the server's fingerprint, exports SRTP keys. */
class ParleyDtlsClient extends DefaultTlsClient {

    private final DtlsCertificate certificate;
    private final CertificateFingerprint remoteFingerprint;
    private final List<SrtpProfile> profiles;
    private final DtlsSettings settings;
    private SrtpProfile chosen;
    private SrtpKeyingMaterial keys;

    ParleyDtlsClient(BcTlsCrypto crypto, DtlsCertificate certificate, CertificateFingerprint remoteFingerprint,
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
    @SuppressWarnings({"rawtypes", "unchecked"})
    public Hashtable getClientExtensions() throws IOException {
        Hashtable extensions = TlsExtensionsUtils.ensureExtensionsInitialised(super.getClientExtensions());
        int[] ids = profiles.stream().mapToInt(SrtpProfile::dtlsId).toArray();
        TlsSRTPUtils.addUseSRTPExtension(extensions, new UseSRTPData(ids, TlsUtils.EMPTY_BYTES));
        return extensions;
    }

    @Override
    @SuppressWarnings("rawtypes")
    public void processServerExtensions(Hashtable serverExtensions) throws IOException {
        super.processServerExtensions(serverExtensions);
        UseSRTPData srtp = TlsSRTPUtils.getUseSRTPExtension(serverExtensions);
        // RFC 5764 section 4.1.1: the server picks exactly one of the offered profiles.
        if (srtp == null || srtp.getProtectionProfiles().length != 1) {
            throw new TlsFatalAlert(AlertDescription.illegal_parameter, "server did not choose one SRTP profile");
        }
        SrtpProfile p = SrtpProfile.fromDtlsId(srtp.getProtectionProfiles()[0]);
        if (p == null || !profiles.contains(p)) {
            throw new TlsFatalAlert(AlertDescription.illegal_parameter, "server chose an SRTP profile we did not offer");
        }
        chosen = p;
    }

    @Override
    public TlsAuthentication getAuthentication() {
        return new TlsAuthentication() {
            @Override
            public void notifyServerCertificate(TlsServerCertificate serverCertificate) throws IOException {
                DtlsCredentials.verify(serverCertificate.getCertificate(), remoteFingerprint);
            }

            @Override
            public TlsCredentials getClientCredentials(CertificateRequest request) throws IOException {
                return DtlsCredentials.signer(context, (BcTlsCrypto) getCrypto(), certificate);
            }
        };
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
        keys = DtlsCredentials.exportSrtpKeys(context, chosen, true);
    }

    SrtpKeyingMaterial keys() {
        return keys;
    }
}
