package dev.parley.rtc.stun;

/** STUN method numbers and the message-type bit interleaving of RFC 8489 §5. */
public final class StunMethod {
    /** RFC 8489 §18.2. */
    public static final int BINDING = 0x001;
    /** RFC 8656 §17 (TURN). */
    public static final int ALLOCATE = 0x003;
    public static final int REFRESH = 0x004;
    public static final int SEND = 0x006;
    public static final int DATA = 0x007;
    public static final int CREATE_PERMISSION = 0x008;
    public static final int CHANNEL_BIND = 0x009;

    /** Methods are 12 bits. */
    public static final int MAX = 0xFFF;

    private StunMethod() {
    }

    /** Type = M11..M7 C1 M6..M4 C0 M3..M0 (RFC 8489 §5, Figure 3). */
    public static int messageType(int method, StunClass cls) {
        if (method < 0 || method > MAX) {
            throw new IllegalArgumentException("STUN method out of range: " + method);
        }
        int c = cls.bits();
        return (method & 0x000F) | ((method & 0x0070) << 1) | ((method & 0x0F80) << 2)
                | ((c & 0b01) << 4) | ((c & 0b10) << 7);
    }

    static int methodOf(int messageType) {
        return (messageType & 0x000F) | ((messageType & 0x00E0) >> 1) | ((messageType & 0x3E00) >> 2);
    }

    static StunClass classOf(int messageType) {
        return StunClass.ofBits(((messageType >> 4) & 0b01) | ((messageType >> 7) & 0b10));
    }

    public static String name(int method) {
        return switch (method) {
            case BINDING -> "Binding";
            case ALLOCATE -> "Allocate";
            case REFRESH -> "Refresh";
            case SEND -> "Send";
            case DATA -> "Data";
            case CREATE_PERMISSION -> "CreatePermission";
            case CHANNEL_BIND -> "ChannelBind";
            default -> String.format("Method(0x%03x)", method);
        };
    }
}
