package dev.parley.rtc.sdp;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One m= section (RFC 8866 §5.14) with its i=, c=, b=, k= and a= lines. A mutable document node: build or edit it,
 * then write it with {@link SdpWriter}. Not thread-safe.
 */
public final class MediaDescription implements AttributeHolder {
    private String kind;
    private int port;
    private Integer portCount;
    private String protocol;
    private final List<String> formats = new ArrayList<>();
    private String information;
    private final List<Connection> connections = new ArrayList<>();
    private final List<Bandwidth> bandwidths = new ArrayList<>();
    private String key;
    private final AttributeList attributes = new AttributeList();

    public MediaDescription(String kind, int port, String protocol, List<String> formats) {
        this.kind = kind;
        this.port = port;
        this.protocol = protocol;
        this.formats.addAll(formats);
    }

    /** Parses the value of an m= line: {@code <media> <port>[/<count>] <proto> <fmt> ...}. */
    static MediaDescription parseMediaLine(String value) {
        List<String> t = Syntax.tokens(value);
        if (t.size() < 4) {
            throw new IllegalArgumentException("A media line must read <media> <port> <proto> <format>...");
        }
        if (!Syntax.isToken(t.get(0))) {
            throw new IllegalArgumentException("The media type must be a token such as audio or video.");
        }
        String portText = t.get(1);
        Integer count = null;
        int slash = portText.indexOf('/');
        if (slash >= 0) {
            count = Syntax.integer(portText.substring(slash + 1), 1, 65535, "The port count");
            portText = portText.substring(0, slash);
        }
        int port = Syntax.integer(portText, 0, 65535, "The media port");
        MediaDescription m = new MediaDescription(t.get(0), port, t.get(2), t.subList(3, t.size()));
        m.portCount = count;
        return m;
    }

    public String kind() { return kind; }
    public void setKind(String kind) { this.kind = kind; }
    public int port() { return port; }
    public void setPort(int port) { this.port = port; }
    public Integer portCount() { return portCount; }
    public void setPortCount(Integer portCount) { this.portCount = portCount; }
    public String protocol() { return protocol; }
    public void setProtocol(String protocol) { this.protocol = protocol; }
    /** Mutable list of formats (payload type numbers for RTP). */
    public List<String> formats() { return formats; }
    public String information() { return information; }
    public void setInformation(String information) { this.information = information; }
    /** Mutable list of c= lines. */
    public List<Connection> connections() { return connections; }
    /** Mutable list of b= lines. */
    public List<Bandwidth> bandwidths() { return bandwidths; }
    public String key() { return key; }
    public void setKey(String key) { this.key = key; }

    @Override
    public AttributeList attributes() {
        return attributes;
    }

    /** The m= line value as written. */
    public String mediaLine() {
        String p = portCount == null ? Integer.toString(port) : port + "/" + portCount;
        return kind + " " + p + " " + protocol + " " + String.join(" ", formats);
    }

    /** Port 0 without {@code a=bundle-only} means the section was rejected or removed (RFC 8843 §6, RFC 3264 §6). */
    public boolean isRejected() {
        return port == 0 && !attributes.has("bundle-only");
    }

    public Optional<String> mid() {
        return attributes.first("mid");
    }

    public boolean rtcpMux() {
        return attributes.has("rtcp-mux");
    }

    public boolean rtcpRsize() {
        return attributes.has("rtcp-rsize");
    }

    public Optional<RtcpAddress> rtcp() {
        return attributes.first("rtcp").map(RtcpAddress::parse);
    }

    public List<Msid> msids() {
        return attributes.values("msid").stream().map(Msid::parse).toList();
    }

    public List<SsrcAttribute> ssrcs() {
        return attributes.values("ssrc").stream().map(SsrcAttribute::parse).toList();
    }

    public List<SsrcGroup> ssrcGroups() {
        return attributes.values("ssrc-group").stream().map(SsrcGroup::parse).toList();
    }

    /**
     * Well-formed {@code a=candidate} lines. A malformed or unknown-type candidate is not a parse error: RFC 8839 §5.1
     * lets agents ignore candidates they do not understand, and one odd candidate must not fail the whole call.
     */
    public List<Candidate> candidates() {
        List<Candidate> out = new ArrayList<>();
        for (String v : attributes.values("candidate")) {
            try {
                out.add(Candidate.parse(v));
            } catch (IllegalArgumentException ignored) {
                // reported by invalidCandidates()
            }
        }
        return out;
    }

    /** The raw values of {@code a=candidate} lines that {@link #candidates()} skipped. */
    public List<String> invalidCandidates() {
        List<String> out = new ArrayList<>();
        for (String v : attributes.values("candidate")) {
            try {
                Candidate.parse(v);
            } catch (IllegalArgumentException e) {
                out.add(v);
            }
        }
        return out;
    }

    /** Appends a trickled or gathered candidate (RFC 8840 §4.2) as an {@code a=candidate} line. */
    public void addCandidate(Candidate candidate) {
        attributes.add("candidate", candidate.toAttributeValue());
    }

    /** RFC 8840 §8.2: the sender has finished gathering for this section. */
    public boolean endOfCandidates() {
        return attributes.has("end-of-candidates");
    }

    /** RFC 8841 §5.1. */
    public Optional<Integer> sctpPort() {
        return attributes.first("sctp-port").map(v -> Syntax.integer(v, 0, 65535, "The SCTP port"));
    }

    /**
     * The RTP payload types in m= line order, with rtpmap, fmtp and rtcp-fb (including {@code *}, RFC 4585 §4.2)
     * gathered. Formats that are not numbers 0-127, or dynamic types without rtpmap, are left out.
     */
    public List<RtpCodec> codecs() {
        Map<Integer, RtpCodec> maps = new LinkedHashMap<>();
        for (String v : attributes.values("rtpmap")) {
            RtpCodec c = RtpCodec.parseRtpmap(v);
            maps.putIfAbsent(c.payloadType(), c);
        }
        Map<String, String> fmtps = new LinkedHashMap<>();
        Map<String, List<String>> fbs = new LinkedHashMap<>();
        for (String v : attributes.values("fmtp")) {
            int sp = v.indexOf(' ');
            fmtps.putIfAbsent(sp < 0 ? v : v.substring(0, sp), sp < 0 ? "" : v.substring(sp + 1).strip());
        }
        for (String v : attributes.values("rtcp-fb")) {
            int sp = v.indexOf(' ');
            if (sp > 0) {
                fbs.computeIfAbsent(v.substring(0, sp), k -> new ArrayList<>()).add(v.substring(sp + 1).strip());
            }
        }
        List<RtpCodec> out = new ArrayList<>();
        for (String f : formats) {
            int pt;
            try {
                pt = Syntax.integer(f, 0, 127, "format");
            } catch (IllegalArgumentException notRtp) {
                continue;
            }
            RtpCodec base = maps.containsKey(pt) ? maps.get(pt) : RtpCodec.staticType(pt).orElse(null);
            if (base == null) {
                continue;
            }
            List<String> feedback = new ArrayList<>(fbs.getOrDefault("*", List.of()));
            feedback.addAll(fbs.getOrDefault(f, List.of()));
            out.add(base.withFmtp(fmtps.get(f)).withFeedback(feedback));
        }
        return out;
    }

    public Optional<RtpCodec> codec(int payloadType) {
        return codecs().stream().filter(c -> c.payloadType() == payloadType).findFirst();
    }
}
