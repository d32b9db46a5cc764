package dev.parley.rtc.sdp;

/**
 * Bounds applied before and while parsing untrusted text, so that a hostile peer cannot make the parser
 * allocate or loop without limit. The defaults are far above what browsers send (the interop offers are ~6 KiB).
 *
 * @param maxChars         largest accepted description, in characters
 * @param maxLineChars     longest accepted line, in characters (without its line ending)
 * @param maxMediaSections largest number of m= sections
 */
public record SdpLimits(int maxChars, int maxLineChars, int maxMediaSections) {
    public static final SdpLimits DEFAULT = new SdpLimits(256 * 1024, 4096, 64);

    public SdpLimits {
        if (maxChars < 16 || maxLineChars < 16 || maxMediaSections < 1) {
            throw new IllegalArgumentException("SDP limits too small to hold any description");
        }
    }
}
