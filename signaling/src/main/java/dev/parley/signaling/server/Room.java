package dev.parley.signaling.server;

import dev.parley.signaling.protocol.PeerInfo;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** One room: its members in order of arrival. Guarded by its own monitor; see {@link RoomRegistry}. */
final class Room {

    final String code;
    final int capacity;
    final PasswordHash password;
    private final Map<String, Member> members = new LinkedHashMap<>();
    /** When the room became empty by a dropped connection, or -1 while someone is inside. */
    long emptySinceNanos = -1;
    /** Set once the room is gone; a join that raced with its removal sees this. */
    boolean closed;

    Room(String code, int capacity, PasswordHash password) {
        this.code = code;
        this.capacity = capacity;
        this.password = password;
    }

    boolean isFull() {
        return members.size() >= capacity;
    }

    boolean isEmpty() {
        return members.isEmpty();
    }

    void add(Member member) {
        members.put(member.peerId, member);
        emptySinceNanos = -1;
    }

    void remove(Member member) {
        members.remove(member.peerId, member);
    }

    Member member(String peerId) {
        return members.get(peerId);
    }

    /** A copy, so a member can be removed while the others are being told. */
    Collection<Member> members() {
        return List.copyOf(members.values());
    }

    List<PeerInfo> peersExcept(Member self) {
        List<PeerInfo> peers = new ArrayList<>(members.size());
        for (Member m : members.values()) {
            if (m != self) {
                peers.add(m.info());
            }
        }
        return peers;
    }

    /** A peer inside a room, bound to its connection. */
    static final class Member {
        final PeerChannel channel;
        final String peerId;
        final String name;
        final Room room;

        Member(PeerChannel channel, String peerId, String name, Room room) {
            this.channel = channel;
            this.peerId = peerId;
            this.name = name;
            this.room = room;
        }

        PeerInfo info() {
            return new PeerInfo(peerId, name);
        }
    }
}
