package io.shoal.engine.exec;

import java.io.InputStream;
import java.io.OutputStream;

/**
 * Where an exec's streams go: {@code stdin} may be null (nothing to send); {@code stdout} and {@code stderr}
 * receive the process's bytes as they come (with a tty everything arrives on {@code stdout}). The engine does
 * not close the caller's streams.
 */
public record ExecIo(InputStream stdin, OutputStream stdout, OutputStream stderr) { }
