package dev.parley.rtc.sdp;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A parsed session description (RFC 8866): the session-level lines, then the m= sections in order. A mutable document;
 * read it with {@link SdpParser}, write it with {@link SdpWriter}. Named {@code Sdp} to leave
 * {@code SessionDescription} to the W3C-shaped {@code dev.parley.rtc.peer} type (type + sdp string). Not thread-safe.
 */
public final class Sdp implements AttributeHolder {
    private Origin origin;
    private String sessionName;
    private String information;
    private String uri;
    private final List<String> emails = new ArrayList<>();
    private final List<String> phones = new ArrayList<>();
    private Connection connection;
    private final List<Bandwidth> bandwidths = new ArrayList<>();
    private final List<Timing> timings = new ArrayList<>();
    private String zoneAdjustments;
    private String key;
    private final AttributeList attributes = new AttributeList();
    private final List<MediaDescription> media = new ArrayList<>();

    public Sdp(Origin origin, String sessionName) {
        this.origin = origin;
        this.sessionName = sessionName;
    }

    /** Always 0 (RFC 8866 §5.1). */
    public int version() { return 0; }
    public Origin origin() { return origin; }
    public void setOrigin(Origin origin) { this.origin = origin; }
    public String sessionName() { return sessionName; }
    public void setSessionName(String sessionName) { this.sessionName = sessionName; }
    public String information() { return information; }
    public void setInformation(String information) { this.information = information; }
    public String uri() { return uri; }
    public void setUri(String uri) { this.uri = uri; }
    public List<String> emails() { return emails; }
    public List<String> phones() { return phones; }
    public Connection connection() { return connection; }
    public void setConnection(Connection connection) { this.connection = connection; }
    public List<Bandwidth> bandwidths() { return bandwidths; }
    public List<Timing> timings() { return timings; }
    public String zoneAdjustments() { return zoneAdjustments; }
    public void setZoneAdjustments(String zoneAdjustments) { this.zoneAdjustments = zoneAdjustments; }
    public String key() { return key; }
    public void setKey(String key) { this.key = key; }

    @Override
    public AttributeList attributes() {
        return attributes;
    }

    /** The m= sections in order; mutable. */
    public List<MediaDescription> media() {
        return media;
    }

    public List<Group> groups() {
        return attributes.values("group").stream().map(Group::parse).toList();
    }

    /** The first BUNDLE group (RFC 8843 §7.1); JSEP uses at most one per description in practice. */
    public Optional<Group> bundleGroup() {
        return groups().stream().filter(Group::isBundle).findFirst();
    }

    /** RFC 8839 §5.3: the peer is a lite implementation and will not start checks. */
    public boolean iceLite() {
        return attributes.has("ice-lite");
    }

    public Optional<MediaDescription> mediaByMid(String mid) {
        return media.stream().filter(m -> m.mid().filter(mid::equals).isPresent()).findFirst();
    }

    /** Media-level ufrag, else session-level (RFC 8839 §5.4). */
    public Optional<String> iceUfragFor(MediaDescription m) {
        return m.iceUfrag().or(this::iceUfrag);
    }

    public Optional<String> icePwdFor(MediaDescription m) {
        return m.icePwd().or(this::icePwd);
    }

    /** Media-level fingerprints, else session-level (RFC 8122 §5). */
    public List<Fingerprint> fingerprintsFor(MediaDescription m) {
        List<Fingerprint> own = m.fingerprints();
        return own.isEmpty() ? fingerprints() : own;
    }

    public Optional<Setup> setupFor(MediaDescription m) {
        return m.setup().or(this::setup);
    }

    /** Media-level direction, else session-level, else sendrecv (RFC 8866 §6.7). */
    public Direction directionFor(MediaDescription m) {
        return m.direction().or(this::direction).orElse(Direction.SENDRECV);
    }
}
