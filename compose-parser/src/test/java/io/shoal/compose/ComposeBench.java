package io.shoal.compose;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Benchmark command: parse + canonicalise (what {@code shoal compose config} does, JSON included) of
 * every awesome-compose case in the corpus, median per file over timed runs after a warm-up.
 * Run: {@code mvn -q -pl compose-parser test-compile} then
 * {@code java -cp compose-parser/target/test-classes:compose-parser/target/classes:<deps> io.shoal.compose.ComposeBench [warmup] [runs]}.
 */
public final class ComposeBench {
  private ComposeBench() {
  }

  public static void main(String[] args) throws Exception {
    int warmup = args.length > 0 ? Integer.parseInt(args[0]) : 200;
    int runs = args.length > 1 ? Integer.parseInt(args[1]) : 200;
    List<Corpus.Case> cases = new ArrayList<>();
    for (Corpus.Case c : Corpus.cases()) {
      if (c.group().equals("awesome-compose")) {
        cases.add(c);
      }
    }
    for (int i = 0; i < warmup; i++) {
      for (Corpus.Case c : cases) {
        c.run();
      }
    }
    double[] medians = new double[cases.size()];
    System.out.printf(Locale.ROOT, "%-40s %12s%n", "case", "median µs");
    for (int k = 0; k < cases.size(); k++) {
      Corpus.Case c = cases.get(k);
      long[] t = new long[runs];
      for (int i = 0; i < runs; i++) {
        long start = System.nanoTime();
        c.run();
        t[i] = System.nanoTime() - start;
      }
      Arrays.sort(t);
      medians[k] = t[runs / 2] / 1000.0;
      System.out.printf(Locale.ROOT, "%-40s %12.1f%n", c.id(), medians[k]);
    }
    Arrays.sort(medians);
    System.out.printf(Locale.ROOT, "%d files; median of the per-file medians %.1f µs, min %.1f µs, max %.1f µs%n",
        medians.length, medians[medians.length / 2], medians[0], medians[medians.length - 1]);
  }
}
