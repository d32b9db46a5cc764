package dev.parley.rtc.ice;

/** ICE candidate types with their recommended type preferences (RFC 8445 section 5.1.2.2). */
public enum CandidateType {
    HOST("host", 126),
    PEER_REFLEXIVE("prflx", 110),
    SERVER_REFLEXIVE("srflx", 100),
    RELAYED("relay", 0);

    private final String sdpName;
    private final int typePreference;

    CandidateType(String sdpName, int typePreference) {
        this.sdpName = sdpName;
        this.typePreference = typePreference;
    }

    /** The name in an SDP candidate line ({@code typ host}). */
    public String sdpName() {
        return sdpName;
    }

    public int typePreference() {
        return typePreference;
    }

    /** The type for an SDP name, or null. */
    public static CandidateType fromSdpName(String name) {
        for (CandidateType t : values()) {
            if (t.sdpName.equals(name)) {
                return t;
            }
        }
        return null;
    }
}
