package dev.parley.ui.settings;

/** How much of the person's network address the others may learn (the engine's ICE gathering follows it). */
public enum PrivacyMode {
    /** Local addresses hidden behind mDNS names; direct connections where the network allows. */
    DEFAULT("Standard (local addresses hidden)"),
    /** Only the address of the default route, not every network interface. */
    DEFAULT_ROUTE_ONLY("Default network only"),
    /** Hide my IP address: everything goes through a relay, so the others never learn the address. */
    RELAY_ONLY("Hide my IP address (relay only)");

    private final String label;

    PrivacyMode(String label) {
        this.label = label;
    }

    /** What the privacy picker shows. */
    public String label() {
        return label;
    }

    @Override
    public String toString() {
        return label;
    }
}
