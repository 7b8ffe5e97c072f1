package io.shoal.compose.canonical;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Go's value formats that the output must reproduce: durations, byte units, shell words. */
public final class GoValues {
  private static final Pattern DUR = Pattern.compile("([0-9]*(?:\\.[0-9]*)?)([a-zµμ]+)");
  private static final Pattern BYTES = Pattern.compile("^(\\d+(\\.\\d+)*) ?([kKmMgGtTpP])?[iI]?[bB]?$");

  private GoValues() {
  }

  /** Parses a duration as go-str2duration does (Go units plus d and w) into nanoseconds. */
  public static long parseDuration(String s) throws IllegalArgumentException {
    String orig = s;
    if (s.equals("0")) {
      return 0;
    }
    boolean neg = false;
    if (s.startsWith("-") || s.startsWith("+")) {
      neg = s.startsWith("-");
      s = s.substring(1);
    }
    if (s.isEmpty()) {
      throw new IllegalArgumentException("time: invalid duration \"" + orig + "\"");
    }
    Matcher m = DUR.matcher(s);
    int pos = 0;
    BigDecimal total = BigDecimal.ZERO;
    while (pos < s.length()) {
      if (!m.find(pos) || m.start() != pos || m.group(1).isEmpty() || m.group(1).equals(".")) {
        throw new IllegalArgumentException("time: invalid duration \"" + orig + "\"");
      }
      long unit;
      switch (m.group(2)) {
        case "ns": unit = 1L; break;
        case "us": case "µs": case "μs": unit = 1_000L; break;
        case "ms": unit = 1_000_000L; break;
        case "s": unit = 1_000_000_000L; break;
        case "m": unit = 60_000_000_000L; break;
        case "h": unit = 3_600_000_000_000L; break;
        case "d": unit = 86_400_000_000_000L; break;
        case "w": unit = 604_800_000_000_000L; break;
        default: throw new IllegalArgumentException("time: unknown unit \"" + m.group(2) + "\" in duration \"" + orig + "\"");
      }
      total = total.add(new BigDecimal(m.group(1)).multiply(BigDecimal.valueOf(unit)));
      pos = m.end();
    }
    long v = total.longValue();
    return neg ? -v : v;
  }

  /** Go's {@code time.Duration.String()}. */
  public static String formatDuration(long d) {
    if (d == 0) {
      return "0s";
    }
    boolean neg = d < 0;
    long u = Math.abs(d);
    StringBuilder sb = new StringBuilder();
    if (u < 1_000_000_000L) {
      if (u < 1_000L) {
        sb.append(u).append("ns");
      } else if (u < 1_000_000L) {
        sb.append(frac(u, 3)).append("µs");
      } else {
        sb.append(frac(u, 6)).append("ms");
      }
    } else {
      long secs = u / 1_000_000_000L;
      String s = frac(u, 9);
      String secPart = s.substring(Long.toString(secs).length());
      long h = secs / 3600;
      long mi = (secs / 60) % 60;
      long se = secs % 60;
      if (h > 0) {
        sb.append(h).append('h');
      }
      if (h > 0 || mi > 0) {
        sb.append(mi).append('m');
      }
      sb.append(se).append(secPart).append('s');
    }
    return (neg ? "-" : "") + sb;
  }

  private static String frac(long v, int prec) {
    long pow = (long) Math.pow(10, prec);
    long whole = v / pow;
    long f = v % pow;
    if (f == 0) {
      return Long.toString(whole);
    }
    String fs = String.format(Locale.ROOT, "%0" + prec + "d", f).replaceAll("0+$", "");
    return whole + "." + fs;
  }

  /** docker/go-units RAMInBytes: binary multipliers. */
  public static long ramInBytes(String s) throws IllegalArgumentException {
    Matcher m = BYTES.matcher(s);
    if (!m.matches()) {
      throw new IllegalArgumentException("invalid size: '" + s + "'");
    }
    double size = Double.parseDouble(m.group(1));
    String unit = m.group(3) == null ? "" : m.group(3).toLowerCase(Locale.ROOT);
    long mult = 1;
    switch (unit) {
      case "k": mult = 1L << 10; break;
      case "m": mult = 1L << 20; break;
      case "g": mult = 1L << 30; break;
      case "t": mult = 1L << 40; break;
      case "p": mult = 1L << 50; break;
      default: break;
    }
    return (long) (size * mult);
  }

  /** mattn/go-shellwords Parse, without environment expansion. */
  public static List<String> shellWords(String line) throws IllegalArgumentException {
    List<String> args = new ArrayList<>();
    StringBuilder buf = new StringBuilder();
    boolean escaped = false;
    boolean single = false;
    boolean dbl = false;
    boolean got = false;
    for (int i = 0; i < line.length(); i++) {
      char r = line.charAt(i);
      if (escaped) {
        buf.append(r);
        escaped = false;
        got = true;
        continue;
      }
      if (r == '\\') {
        if (single) {
          buf.append(r);
        } else {
          escaped = true;
        }
        continue;
      }
      if ((r == ';' || r == '&' || r == '|' || r == '<' || r == '>') && !single && !dbl) {
        break;
      }
      if (Character.isWhitespace(r) && !single && !dbl) {
        if (got) {
          args.add(buf.toString());
          buf.setLength(0);
          got = false;
        }
        continue;
      }
      if (r == '"' && !single) {
        dbl = !dbl;
        got = true;
        continue;
      }
      if (r == '\'' && !dbl) {
        single = !single;
        got = true;
        continue;
      }
      buf.append(r);
      got = true;
    }
    if (escaped || single || dbl) {
      throw new IllegalArgumentException("invalid command line string");
    }
    if (got) {
      args.add(buf.toString());
    }
    return args;
  }
}
