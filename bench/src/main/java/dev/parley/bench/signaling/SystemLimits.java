package dev.parley.bench.signaling;

import java.io.BufferedReader;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.OperatingSystemMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** What the OS allows: file descriptors for N sockets per JVM, and local ports for N loopback connections. */
final class SystemLimits {

    // Sockets are not the only descriptors: jars, epoll, pipes, logs.
    private static final int FD_HEADROOM = 512;
    // Connections closed by the client linger in TIME_WAIT and still hold their port for a minute.
    private static final int PORT_HEADROOM = 1_000;

    private SystemLimits() {
    }

    /** The descriptor limit of this JVM (the server child inherits it), or -1 if the OS does not say. */
    static long maxFileDescriptors() {
        OperatingSystemMXBean os = ManagementFactory.getOperatingSystemMXBean();
        if (os instanceof com.sun.management.UnixOperatingSystemMXBean unix) {
            return unix.getMaxFileDescriptorCount();
        }
        return -1;
    }

    /** How many ephemeral ports Linux hands out for outgoing connections, or -1 elsewhere. */
    static int ephemeralPorts() {
        // One buffered read from offset 0: Files.readString reads /proc files (size 0) a byte first, and some
        // kernels then answer the read at offset 1 with end of file.
        try (BufferedReader in = Files.newBufferedReader(Path.of("/proc/sys/net/ipv4/ip_local_port_range"))) {
            String[] range = in.readLine().trim().split("\\s+");
            return Integer.parseInt(range[1]) - Integer.parseInt(range[0]) + 1;
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    /** Sentences about limits too low for {@code clients} connections; empty when all is well. */
    static List<String> problems(int clients) {
        List<String> problems = new ArrayList<>();
        long fds = maxFileDescriptors();
        if (fds >= 0 && fds < clients + FD_HEADROOM) {
            problems.add("The file descriptor limit is " + fds + "; " + clients + " connections need about "
                    + (clients + FD_HEADROOM) + " (raise it with ulimit -n).");
        }
        int ports = ephemeralPorts();
        if (ports >= 0 && ports < clients + PORT_HEADROOM) {
            problems.add("Only " + ports + " ephemeral ports (net.ipv4.ip_local_port_range); " + clients
                    + " loopback connections need about " + (clients + PORT_HEADROOM) + ".");
        }
        return problems;
    }
}
