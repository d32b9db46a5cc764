package dev.parley.rtc.sdp;

import java.util.HexFormat;
import java.util.Optional;

/**
 * The H.264 {@code profile-level-id} fmtp parameter: profile_idc, profile-iop (constraint flags) and level_idc, each
 * one byte in hex (RFC 6184 §8.1). Two offers of the same profile interoperate whatever their levels, so codecs are
 * matched on {@link #profile()}, not on the raw string. Level 1b (level_idc 11 with constraint_set3) is not told
 * apart from level 1.1; no WebRTC peer offers it.
 */
public record H264ProfileLevelId(int profileIdc, int profileIop, int levelIdc) {
    /** RFC 6184 §8.1: absent means Baseline, level 1.0. */
    public static final H264ProfileLevelId DEFAULT = new H264ProfileLevelId(0x42, 0x00, 0x0a);

    /** Profiles distinguishable from profile_idc and profile-iop (RFC 6184 §8.1, Table 5; H.264 Annex A). */
    public enum Profile { CONSTRAINED_BASELINE, BASELINE, MAIN, EXTENDED, HIGH, CONSTRAINED_HIGH, OTHER }

    public static Optional<H264ProfileLevelId> parse(String hex) {
        if (hex == null) {
            return Optional.of(DEFAULT);
        }
        if (hex.length() != 6 || !hex.chars().allMatch(c -> Character.digit(c, 16) >= 0)) {
            return Optional.empty();
        }
        byte[] b = HexFormat.of().parseHex(hex);
        return Optional.of(new H264ProfileLevelId(b[0] & 0xff, b[1] & 0xff, b[2] & 0xff));
    }

    public Profile profile() {
        boolean set0 = (profileIop & 0x80) != 0;
        boolean set1 = (profileIop & 0x40) != 0;
        return switch (profileIdc) {
            // A Baseline stream with constraint_set1 is also decodable as Main: that is Constrained Baseline.
            case 0x42 -> set1 ? Profile.CONSTRAINED_BASELINE : Profile.BASELINE;
            case 0x4d -> set0 ? Profile.CONSTRAINED_BASELINE : Profile.MAIN;
            case 0x58 -> set0 && set1 ? Profile.CONSTRAINED_BASELINE
                    : set0 ? Profile.BASELINE : set1 ? Profile.MAIN : Profile.EXTENDED;
            // H.264 A.2.4.2: Constrained High sets constraint_set4 and constraint_set5.
            case 0x64 -> (profileIop & 0x0c) == 0x0c ? Profile.CONSTRAINED_HIGH : Profile.HIGH;
            default -> Profile.OTHER;
        };
    }

    /** The same profile at another level, e.g. to answer with the lower of two levels (RFC 6184 §8.2.2). */
    public H264ProfileLevelId withLevel(int newLevelIdc) {
        return new H264ProfileLevelId(profileIdc, profileIop, newLevelIdc);
    }

    @Override
    public String toString() {
        return HexFormat.of().formatHex(new byte[] {(byte) profileIdc, (byte) profileIop, (byte) levelIdc});
    }
}
