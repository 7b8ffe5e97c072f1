package io.shoal.compose;

/** A compose project that cannot be loaded; the message already says {@code file:line: what}. */
public class ComposeException extends Exception {
  private static final long serialVersionUID = 1L;

  public ComposeException(String message) {
    super(message);
  }

  public ComposeException(String message, Throwable cause) {
    super(message, cause);
  }

  /** An error about {@code path} (dotted attribute path) whose file and line are not known yet. */
  public ComposeException(String message, String path) {
    super(message);
    this.path = path;
  }

  private String path;

  /** The attribute path the error is about, when the message does not yet say where it is. */
  public String attributePath() {
    return path;
  }
}
