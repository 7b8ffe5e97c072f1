package io.shoal.compose.yaml;

import io.shoal.compose.ComposeException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.common.Anchor;
import org.snakeyaml.engine.v2.events.AliasEvent;
import org.snakeyaml.engine.v2.events.CollectionEndEvent;
import org.snakeyaml.engine.v2.events.CollectionStartEvent;
import org.snakeyaml.engine.v2.events.Event;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.parser.ParserImpl;
import org.snakeyaml.engine.v2.scanner.StreamReader;

/**
 * Refuses an alias to a collection that is still open (an anchor whose value contains itself),
 * as go-yaml does, before composing: snakeyaml-engine would expand such a merge key forever.
 */
final class AliasCycles {
  private AliasCycles() {
  }

  static void check(String file, String text, LoadSettings settings) throws ComposeException {
    ParserImpl parser = new ParserImpl(settings, new StreamReader(settings, text));
    Deque<String> open = new ArrayDeque<>();
    while (parser.hasNext()) {
      Event e = parser.next();
      if (e instanceof CollectionStartEvent) {
        open.push(((CollectionStartEvent) e).getAnchor().map(Anchor::getValue).orElse(""));
      } else if (e instanceof CollectionEndEvent) {
        open.pop();
      } else if (e instanceof AliasEvent) {
        String name = ((AliasEvent) e).getAlias().getValue();
        if (open.contains(name)) {
          Optional<Mark> at = e.getStartMark();
          throw new ComposeException(file + ":" + at.map(m -> m.getLine() + 1).orElse(0)
              + ": yaml: anchor '" + name + "' value contains itself");
        }
      }
    }
  }
}
