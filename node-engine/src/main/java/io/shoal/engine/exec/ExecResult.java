package io.shoal.engine.exec;

/** A finished exec whose output was collected: exit code and the whole of stdout and stderr as text. */
public record ExecResult(int exitCode, String stdout, String stderr) { }
