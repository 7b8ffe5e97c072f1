package io.shoal.engine.registry;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * One line of Docker's JSON progress stream for one layer: {@code {"id":"8cb9962a1fdd","status":"Downloading",
 * "progressDetail":{"current":..,"total":..}}}. {@code id} is the first 12 hex digits of the blob digest;
 * {@code current}/{@code total} are bytes (0 when not a transfer), {@code detail} completes the status where Docker
 * adds text ({@code Mounted from <repo>}).
 */
public record Progress(String id, Status status, long current, long total, String detail) {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** The statuses dockerd prints, with its wording. */
    public enum Status {
        PULLING_FS_LAYER("Pulling fs layer"),
        ALREADY_EXISTS("Already exists"),
        DOWNLOADING("Downloading"),
        VERIFYING_CHECKSUM("Verifying Checksum"),
        DOWNLOAD_COMPLETE("Download complete"),
        EXTRACTING("Extracting"),
        PULL_COMPLETE("Pull complete"),
        PREPARING("Preparing"),
        LAYER_ALREADY_EXISTS("Layer already exists"),
        MOUNTED_FROM("Mounted from"),
        PUSHING("Pushing"),
        PUSHED("Pushed");

        private final String text;

        Status(String text) {
            this.text = text;
        }

        public String text() {
            return text;
        }
    }

    static Progress of(String digest, Status status) {
        return new Progress(shortId(digest), status, 0, 0, null);
    }

    static Progress transfer(String digest, Status status, long current, long total) {
        return new Progress(shortId(digest), status, current, total, null);
    }

    /** The status text as Docker prints it ({@code Mounted from library/busybox}). */
    public String message() {
        return detail == null ? status.text() : status.text() + " " + detail;
    }

    /** Whether Docker would send a {@code progressDetail} with this line. */
    public boolean isTransfer() {
        return status == Status.DOWNLOADING || status == Status.PUSHING || status == Status.EXTRACTING;
    }

    /**
     * This progress as one line of Docker's JSON message stream ({@code POST /images/create}, {@code /push}):
     * {@code {"status":"Downloading","progressDetail":{"current":1,"total":2},"id":"8cb9962a1fdd"}}; the docker
     * CLI draws its progress bar from {@code progressDetail}.
     */
    public String toDockerJson() {
        ObjectNode n = JSON.createObjectNode();
        n.put("status", message());
        ObjectNode detail = n.putObject("progressDetail");
        if (isTransfer()) {
            detail.put("current", current);
            detail.put("total", total);
        }
        n.put("id", id);
        return n.toString();
    }

    static String shortId(String digest) {
        String hex = digest.startsWith("sha256:") ? digest.substring("sha256:".length()) : digest;
        return hex.substring(0, Math.min(12, hex.length()));
    }
}
