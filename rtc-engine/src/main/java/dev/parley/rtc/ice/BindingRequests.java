package dev.parley.rtc.ice;

import dev.parley.rtc.stun.StunAttribute;
import dev.parley.rtc.stun.StunAttributeType;
import dev.parley.rtc.stun.StunMessage;
import dev.parley.rtc.stun.StunMethod;

/** The Binding requests ICE sends as connectivity and consent checks (RFC 8445 section 7.1, RFC 7675). */
final class BindingRequests {

    private BindingRequests() {
    }

    /**
     * A check from us to the peer: USERNAME is the peer's ufrag, a colon and ours; PRIORITY is what a
     * peer-reflexive candidate learned from it would get; the role attribute carries our tie-breaker.
     */
    static StunMessage check(IceCredentials local, IceCredentials remote, long priority, IceRole role,
                             long tieBreaker, boolean useCandidate) {
        StunMessage.Builder b = StunMessage.request(StunMethod.BINDING)
                .add(new StunAttribute.Text(StunAttributeType.USERNAME, remote.ufrag() + ":" + local.ufrag()))
                .add(new StunAttribute.Priority(priority))
                .add(role == IceRole.CONTROLLING ? new StunAttribute.IceControlling(tieBreaker)
                        : new StunAttribute.IceControlled(tieBreaker));
        if (useCandidate) {
            b.add(new StunAttribute.UseCandidate());
        }
        return b.build();
    }
}
