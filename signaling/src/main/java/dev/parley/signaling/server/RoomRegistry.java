package dev.parley.signaling.server;

import dev.parley.signaling.protocol.ClientMessage;
import dev.parley.signaling.protocol.ErrorCode;
import dev.parley.signaling.protocol.ProtocolException;
import dev.parley.signaling.protocol.RoomCode;
import dev.parley.signaling.protocol.ServerMessage;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Rooms and who is in them: create, join, relay, leave. Knows nothing of sockets, so it is tested alone.
 * Each room's membership changes and broadcasts happen under that room's monitor, so every member sees
 * {@code peer-joined} before anything the newcomer relays. It logs counts, never SDP, candidates or passwords.
 */
final class RoomRegistry {

    private static final Logger LOG = LoggerFactory.getLogger(RoomRegistry.class);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final ServerConfig config;
    private final Map<String, Room> rooms = new ConcurrentHashMap<>();
    private final Map<PeerChannel, Room.Member> members = new ConcurrentHashMap<>();
    private final AtomicLong relayed = new AtomicLong();

    RoomRegistry(ServerConfig config) {
        this.config = config;
    }

    int roomCount() {
        return rooms.size();
    }

    int memberCount() {
        return members.size();
    }

    long relayedCount() {
        return relayed.get();
    }

    boolean isInRoom(PeerChannel channel) {
        return members.containsKey(channel);
    }

    /** Acts on one valid message from {@code channel}; a refusal comes back as a {@link ProtocolException}. */
    void handle(PeerChannel channel, ClientMessage message, long nowNanos) throws ProtocolException {
        if (message instanceof ClientMessage.Ping ping) {
            channel.send(new ServerMessage.Pong(ping.id()));
        } else if (message instanceof ClientMessage.Create create) {
            create(channel, create);
        } else if (message instanceof ClientMessage.Join join) {
            join(channel, join, nowNanos);
        } else if (message instanceof ClientMessage.Offer offer) {
            relay(channel, offer.type(), offer.to(), from -> new ServerMessage.Offer(from, offer.sdp()));
        } else if (message instanceof ClientMessage.Answer answer) {
            relay(channel, answer.type(), answer.to(), from -> new ServerMessage.Answer(from, answer.sdp()));
        } else if (message instanceof ClientMessage.Candidate candidate) {
            relay(channel, candidate.type(), candidate.to(),
                    from -> new ServerMessage.Candidate(from, candidate.candidate()));
        } else if (message instanceof ClientMessage.State state) {
            relay(channel, state.type(), state.to(),
                    from -> new ServerMessage.State(from, state.muted(), state.cameraOff()));
        } else if (message instanceof ClientMessage.Leave) {
            leave(channel, true, nowNanos);
        }
    }

    /** The connection is gone (or left on purpose): tell the room and forget the member. */
    void leave(PeerChannel channel, boolean onPurpose, long nowNanos) {
        Room.Member member = members.remove(channel);
        if (member == null) {
            return;
        }
        Room room = member.room;
        synchronized (room) {
            room.remove(member);
            ServerMessage left = new ServerMessage.PeerLeft(member.peerId);
            for (Room.Member other : room.members()) {
                other.channel.send(left);
            }
            if (room.isEmpty()) {
                if (onPurpose || config.emptyRoomGrace.isZero()) {
                    closeRoom(room);
                } else {
                    room.emptySinceNanos = nowNanos;
                }
            }
        }
    }

    /** Ends rooms whose last peer dropped longer ago than the grace period. */
    void sweepEmptyRooms(long nowNanos) {
        long graceNanos = config.emptyRoomGrace.toNanos();
        for (Room room : rooms.values()) {
            synchronized (room) {
                if (room.isEmpty() && room.emptySinceNanos >= 0 && nowNanos - room.emptySinceNanos >= graceNanos) {
                    closeRoom(room);
                }
            }
        }
    }

    private void create(PeerChannel channel, ClientMessage.Create create) throws ProtocolException {
        requireNotInRoom(channel, create.type());
        if (rooms.size() >= config.maxRooms) {
            throw new ProtocolException(ErrorCode.SERVER_BUSY,
                    "The server has too many rooms open right now. Try again in a minute.", create.type());
        }
        PasswordHash hash = create.password() == null || create.password().isEmpty()
                ? null : PasswordHash.of(create.password(), config.passwordIterations);
        Room room;
        do {
            String code = RoomCode.generate();
            room = new Room(code, create.capacityOrDefault(), hash);
        } while (rooms.putIfAbsent(room.code, room) != null);
        LOG.debug("Room opened ({} rooms)", rooms.size());
        synchronized (room) {
            channel.send(new ServerMessage.Created(RoomCode.display(room.code)));
            enter(channel, room, create.name());
        }
    }

    private void join(PeerChannel channel, ClientMessage.Join join, long nowNanos) throws ProtocolException {
        requireNotInRoom(channel, join.type());
        String code = RoomCode.normalize(join.room()).orElse(null);
        Room room = code == null ? null : rooms.get(code);
        if (room == null) {
            throw new ProtocolException(ErrorCode.ROOM_NOT_FOUND,
                    "There is no room with that code. Check the code and try again.", join.type());
        }
        if (room.password != null) {
            if (join.password() == null || join.password().isEmpty()) {
                throw new ProtocolException(ErrorCode.UNAUTHORIZED, "This room needs a password.", join.type());
            }
            if (!channel.tryPasswordCheck(nowNanos)) {
                throw new ProtocolException(ErrorCode.RATE_LIMITED,
                        "Too many password attempts. Wait a few seconds and try again.", join.type());
            }
            // Hash outside the room's monitor: PBKDF2 takes milliseconds and others may be relaying.
            if (!room.password.matches(join.password())) {
                throw new ProtocolException(ErrorCode.UNAUTHORIZED,
                        "That password is not right for this room.", join.type());
            }
        }
        synchronized (room) {
            if (room.closed) {
                throw new ProtocolException(ErrorCode.ROOM_NOT_FOUND,
                        "That room has just closed. Create a new one.", join.type());
            }
            if (room.isFull()) {
                throw new ProtocolException(ErrorCode.ROOM_FULL,
                        "This room is full (" + room.capacity + " people).", join.type());
            }
            enter(channel, room, join.name());
        }
    }

    // Caller holds the room's monitor.
    private void enter(PeerChannel channel, Room room, String name) {
        String peerId;
        do {
            peerId = newPeerId();
        } while (room.member(peerId) != null);
        Room.Member member = new Room.Member(channel, peerId, name, room);
        ServerMessage.PeerJoined announcement = new ServerMessage.PeerJoined(member.info());
        channel.send(new ServerMessage.Joined(RoomCode.display(room.code), peerId, room.peersExcept(null),
                config.iceServers));
        for (Room.Member other : room.members()) {
            other.channel.send(announcement);
        }
        room.add(member);
        members.put(channel, member);
    }

    private void relay(PeerChannel channel, String type, String to,
                       java.util.function.Function<String, ServerMessage> relayed) throws ProtocolException {
        Room.Member sender = members.get(channel);
        if (sender == null) {
            throw new ProtocolException(ErrorCode.NOT_IN_ROOM, "Join a room before sending '" + type + "'.", type);
        }
        Room room = sender.room;
        synchronized (room) {
            Room.Member target = room.member(to);
            if (target == null || target == sender) {
                throw new ProtocolException(ErrorCode.UNKNOWN_PEER,
                        "Nobody with that peer id is in your room; they may have just left.", type);
            }
            target.channel.send(relayed.apply(sender.peerId));
        }
        this.relayed.incrementAndGet();
    }

    private void requireNotInRoom(PeerChannel channel, String type) throws ProtocolException {
        if (members.containsKey(channel)) {
            throw new ProtocolException(ErrorCode.BAD_MESSAGE,
                    "You are already in a room. Leave it before creating or joining another.", type);
        }
    }

    // Caller holds the room's monitor.
    private void closeRoom(Room room) {
        room.closed = true;
        if (rooms.remove(room.code, room)) {
            LOG.debug("Room closed ({} rooms)", rooms.size());
        }
    }

    private static String newPeerId() {
        byte[] bytes = new byte[8];
        RANDOM.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }
}
