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
}
