package io.shoal.api.model;

/** An operating system and CPU architecture, as Docker names them ({@code linux}, {@code amd64}). */
public record Platform(String architecture, String os) {}
