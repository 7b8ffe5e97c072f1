package io.shoal.net.plan;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * Derives every host interface name from ids, never from user text: a short prefix ("sh" in
 * production; tests use their own so they can find and remove what they made), a kind letter
 * (b bridge, x VXLAN, v veth) and hex of SHA-256 of the id. Always a valid {@link IfName}.
 */
public record Naming(String prefix) {

    private static final Pattern PREFIX = Pattern.compile("[a-z][a-z0-9]{0,3}");

    public Naming {
        if (!PREFIX.matcher(prefix).matches()) {
            throw new IllegalArgumentException("name prefix must match " + PREFIX + ": " + prefix);
        }
    }

    public static Naming production() {
        return new Naming("sh");
    }

    public IfName bridge(String networkId) {
        return derive('b', networkId);
    }

    public IfName vxlan(String networkId) {
        return derive('x', networkId);
    }

    public IfName veth(String networkId, String attachmentId) {
        return derive('v', networkId + "/" + attachmentId);
    }

    /** True for names this naming could have made (for cleanup of leftovers). */
    public boolean owns(String interfaceName) {
        return interfaceName.length() == 15 && interfaceName.startsWith(prefix)
                && "bxv".indexOf(interfaceName.charAt(prefix.length())) >= 0;
    }

    /** The kind letter ({@code b}, {@code x} or {@code v}) of a name this naming {@link #owns}. */
    public char kindOf(IfName name) {
        return name.value().charAt(prefix.length());
    }

    /** The hash part of a name this naming owns: the same for a network's bridge and VXLAN. */
    public String hashOf(IfName name) {
        return name.value().substring(prefix.length() + 1);
    }

    /** The VXLAN of the network whose bridge is {@code bridge}. */
    public IfName vxlanBeside(IfName bridge) {
        return new IfName(prefix + 'x' + hashOf(bridge));
    }

    private IfName derive(char kind, String id) {
        int hexLength = 15 - prefix.length() - 1;
        return new IfName(prefix + kind + sha256Hex(id).substring(0, hexLength));
    }

    /**
     * The hash of an id, remembered: a node's plan names every bridge, VXLAN and veth of the node again at each change
     * (what was applied and what is wanted), and the worker's code runs rarely enough to stay cold. Bounded: forgotten
     * all at once when it holds {@value #REMEMBERED} ids (a node has far fewer attachments at a time).
     */
    private static String sha256Hex(String id) {
        String hex = HASHES.get(id);
        if (hex == null) {
            if (HASHES.size() >= REMEMBERED) {
                HASHES.clear();
            }
            try {
                hex = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(id.getBytes(StandardCharsets.UTF_8)));
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException("every JDK has SHA-256", e);
            }
            HASHES.put(id, hex);
        }
        return hex;
    }

    private static final int REMEMBERED = 8192;
    private static final Map<String, String> HASHES = new ConcurrentHashMap<>();
}
