package dev.parley.rtc.sdp;

import java.util.List;
import java.util.Optional;

/**
 * Typed readers for attributes that may appear at session or media level (RFC 8839 §5.4 ICE, RFC 8122 §5
 * fingerprint, RFC 4145 §4 setup, RFC 8866 §6.7 direction). They read the verbatim {@link AttributeList}; the parser
 * has already rejected malformed values of these attributes, so they do not throw on parsed input.
 */
public interface AttributeHolder {
    AttributeList attributes();

    default Optional<String> iceUfrag() {
        return attributes().first("ice-ufrag");
    }

    default Optional<String> icePwd() {
        return attributes().first("ice-pwd");
    }

    /** Tokens of every {@code a=ice-options} line, e.g. {@code trickle} (RFC 8840 §4.1.1). */
    default List<String> iceOptions() {
        return attributes().values("ice-options").stream().flatMap(v -> Syntax.tokens(v).stream()).toList();
    }

    default List<Fingerprint> fingerprints() {
        return attributes().values("fingerprint").stream().map(Fingerprint::parse).toList();
    }

    default Optional<Setup> setup() {
        return attributes().first("setup").flatMap(Setup::fromName);
    }

    /** The last direction attribute present, if any (RFC 8866 §6.7 allows at most one). */
    default Optional<Direction> direction() {
        Direction found = null;
        for (Attribute a : attributes().all()) {
            found = Direction.fromName(a.name()).orElse(found);
        }
        return Optional.ofNullable(found);
    }

    /** RFC 8285 §6: one- and two-byte header extensions may be mixed in one stream. */
    default boolean extmapAllowMixed() {
        return attributes().has("extmap-allow-mixed");
    }

    default List<Extmap> extmaps() {
        return attributes().values("extmap").stream().map(Extmap::parse).toList();
    }
}
