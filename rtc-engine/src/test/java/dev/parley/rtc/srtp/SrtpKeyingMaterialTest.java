package dev.parley.rtc.srtp;

import static dev.parley.rtc.srtp.Vectors.withRoom;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class SrtpKeyingMaterialTest {

    @ParameterizedTest
    @EnumSource(SrtpProfile.class)
    void clientAndServerViewsOfOneExportTalkToEachOther(SrtpProfile profile) {
        byte[] material = new byte[SrtpKeyingMaterial.exportLength(profile)];
        new Random(5).nextBytes(material);
        SrtpKeyingMaterial client = SrtpKeyingMaterial.fromDtlsExport(profile, material, true);
        SrtpKeyingMaterial server = SrtpKeyingMaterial.fromDtlsExport(profile, material, false);
        SrtpOutboundSession clientOut = client.outbound(SrtpOptions.DEFAULT);
        SrtpOutboundSession serverOut = server.outbound(SrtpOptions.DEFAULT);

        byte[] plain = Packets.rtp(1, 77, 0, -1, 100);
        byte[] a = withRoom(plain, profile.rtpOverhead());
        byte[] b = withRoom(plain, profile.rtpOverhead());
        int na = clientOut.protectRtp(a, 0, plain.length);
        int nb = serverOut.protectRtp(b, 0, plain.length);
        assertThat(a).as("each side has its own write key").isNotEqualTo(b);
        assertThat(server.inbound(SrtpOptions.DEFAULT).unprotectRtp(a, 0, na)).isEqualTo(plain.length);
        assertThat(client.inbound(SrtpOptions.DEFAULT).unprotectRtp(b, 0, nb)).isEqualTo(plain.length);
    }

    @ParameterizedTest
    @EnumSource(SrtpProfile.class)
    void wrongLengthIsRefused(SrtpProfile profile) {
        assertThatThrownBy(() -> SrtpKeyingMaterial.fromDtlsExport(profile, new byte[10], true))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
