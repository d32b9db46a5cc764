package dev.parley.rtc.dtls;

import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * A peer connection's identity for DTLS: an ECDSA P-256 key and a self-signed certificate, as browsers use
 * (RFC 8827 section 6.5). Only its fingerprint travels, in SDP; the certificate itself is not trusted by any CA.
 */
public final class DtlsCertificate {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final PrivateKey privateKey;
    private final byte[] der;
    private final CertificateFingerprint fingerprint;

    private DtlsCertificate(PrivateKey privateKey, byte[] der) {
        this.privateKey = privateKey;
        this.der = der;
        this.fingerprint = CertificateFingerprint.sha256(der);
    }

    /** A fresh key pair and certificate valid for 30 days, like a browser's per-connection default. */
    public static DtlsCertificate generate() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"), RANDOM);
            KeyPair keys = generator.generateKeyPair();
            Instant now = Instant.now();
            byte[] serial = new byte[8];
            RANDOM.nextBytes(serial);
            X500Name name = new X500Name("CN=parley");
            X509CertificateHolder holder = new JcaX509v3CertificateBuilder(name, new BigInteger(1, serial),
                    Date.from(now.minus(Duration.ofDays(1))), Date.from(now.plus(Duration.ofDays(30))),
                    name, keys.getPublic())
                    .build(new JcaContentSignerBuilder("SHA256withECDSA").build(keys.getPrivate()));
            return new DtlsCertificate(keys.getPrivate(), holder.getEncoded());
        } catch (GeneralSecurityException | OperatorCreationException | java.io.IOException e) {
            throw new IllegalStateException("Cannot create an ECDSA P-256 certificate", e);
        }
    }

    PrivateKey privateKey() {
        return privateKey;
    }

    /** The key for Bouncy Castle's own (faster) EC arithmetic, converted once. */
    synchronized org.bouncycastle.crypto.params.AsymmetricKeyParameter privateKeyParameters() throws java.io.IOException {
        if (keyParameters == null) {
            keyParameters = org.bouncycastle.crypto.util.PrivateKeyFactory.createKey(privateKey.getEncoded());
        }
        return keyParameters;
    }

    private org.bouncycastle.crypto.params.AsymmetricKeyParameter keyParameters;

    /** The certificate, DER-encoded. */
    public byte[] der() {
        return der.clone();
    }

    byte[] derUnsafe() {
        return der;
    }

    /** What goes into SDP as {@code a=fingerprint}. */
    public CertificateFingerprint fingerprint() {
        return fingerprint;
    }
}
