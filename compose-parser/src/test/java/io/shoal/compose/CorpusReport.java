package io.shoal.compose;

import java.util.List;

/** Development aid: runs every corpus case and prints the failures and the pass counts. */
public final class CorpusReport {
  private CorpusReport() {
  }

  public static void main(String[] args) throws Exception {
    List<Corpus.Case> cases = Corpus.cases();
    int validOk = 0;
    int valid = 0;
    int errOk = 0;
    int identical = 0;
    int err = 0;
    for (Corpus.Case c : cases) {
      if (args.length > 0 && !c.id().contains(args[0])) {
        continue;
      }
      String result;
      boolean ok;
      try {
        String out = c.run();
        ok = c.valid() && c.matches(out);
        result = ok ? "" : c.valid() ? "DIFF" : "ACCEPTED";
        if (ok && out.equals(java.nio.file.Files.readString(c.expected()))) {
          identical++;
        } else if (ok && System.getenv("SHOW_BYTES") != null) {
          System.out.println("BYTES " + c.id());
        }
        if (args.length > 0) {
          System.out.println(out);
        }
      } catch (ComposeException e) {
        ok = !c.valid();
        if (System.getenv("SHOW_ERRORS") != null) {
          System.out.println("ERR " + c.id() + ": " + e.getMessage().replace('\n', ' ')
              .replace(c.dir().toString(), "<CASE_DIR>"));
        }
        result = ok ? "" : "REJECTED " + e.getMessage().replace('\n', ' ');
      } catch (Throwable t) {
        ok = false;
        result = "CRASH " + t + (t.getCause() != null ? " cause " + t.getCause() : "") + " at " + (t.getStackTrace().length > 0 ? t.getStackTrace()[0] : "");
      }
      if (c.valid()) {
        valid++;
        validOk += ok ? 1 : 0;
      } else {
        err++;
        errOk += ok ? 1 : 0;
      }
      if (!ok) {
        System.out.println(c.group() + " " + c.id() + ": " + result);
      }
    }
    System.out.printf("valid %d/%d (%d byte-identical), rejected %d/%d%n", validOk, valid, identical, errOk, err);
  }
}
