package dev.parley.rtc.srtp;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

class HmacSha1Test {

    @Test
    void rfc2202_testCase2() {
        // RFC 2202 §3 test case 2: key "Jefe", data "what do ya want for nothing?"
        HmacSha1 h = new HmacSha1("Jefe".getBytes());
        byte[] data = "what do ya want for nothing?".getBytes();
        byte[] out = new byte[20];
        h.start();
        h.update(data, 0, data.length);
        h.finish(out, 0);
        assertThat(out).isEqualTo(Vectors.parse("effcdf6ae5eb2fa2d27416d5f184df9c259a7c79"));
    }

    @Test
    void matchesJceHmacSha1ForRandomInputsAndIsReusable() throws Exception {
        Random r = new Random(7);
        byte[] key = new byte[20];
        r.nextBytes(key);
        HmacSha1 h = new HmacSha1(key);
        Mac mac = Mac.getInstance("HmacSHA1");
        mac.init(new SecretKeySpec(key, "HmacSHA1"));
        for (int i = 0; i < 200; i++) {
            byte[] data = new byte[r.nextInt(1500)];
            r.nextBytes(data);
            int roc = r.nextInt();
            h.start();
            h.update(data, 0, data.length);
            h.updateInt(roc);
            byte[] ours = new byte[20];
            h.finish(ours, 0);
            mac.update(data);
            mac.update(new byte[] {(byte) (roc >>> 24), (byte) (roc >>> 16), (byte) (roc >>> 8), (byte) roc});
            assertThat(ours).isEqualTo(mac.doFinal());
        }
    }
}
