package io.shoal.worker.task;

/** A runtime failure, classified: the image is missing (the task is rejected) or anything else. */
public class TaskRuntimeException extends RuntimeException {
    public TaskRuntimeException(String message, Throwable cause) {
        super(message, cause);
    }

    public TaskRuntimeException(String message) {
        super(message);
    }

    /** The image is not on this node and could not be pulled: Docker's "No such image: X". */
    public static final class NoSuchImage extends TaskRuntimeException {
        public NoSuchImage(String image) {
            super("No such image: " + image);
        }

        public NoSuchImage(String image, String why) {
            super("No such image: " + image + ": " + why);
        }
    }
}
