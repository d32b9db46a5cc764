package dev.parley.rtc.ice;

/** The ICE role (RFC 8445 section 6.1.1): the offerer starts controlling; a conflict is repaired in checks. */
public enum IceRole {
    CONTROLLING,
    CONTROLLED
}
