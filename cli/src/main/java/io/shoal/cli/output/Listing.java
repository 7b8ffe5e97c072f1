package io.shoal.cli.output;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.shoal.cli.client.Json;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;

/**
 * Rows of named columns, printed either as a docker-like aligned table (headers in capitals) or, for
 * {@code --format json}, as one JSON object per row keyed by the column names (docker's template fields).
 */
public final class Listing {
    /** Each column's width is at least this, padding included, as the docker CLI's tables. */
    static final int MIN_WIDTH = 10;
    static final int PADDING = 3;

    private final List<String> keys;
    private final List<String> headers;
    private final List<List<String>> rows = new ArrayList<>();

    private Listing(List<String> keys, List<String> headers) {
        this.keys = keys;
        this.headers = headers;
    }

    /** Columns given as {@code key, HEADER} pairs: {@code Listing.of("ID", "ID", "Name", "NAME")}. */
    public static Listing of(String... keyHeaderPairs) {
        List<String> k = new ArrayList<>();
        List<String> h = new ArrayList<>();
        for (int i = 0; i + 1 < keyHeaderPairs.length; i += 2) {
            k.add(keyHeaderPairs[i]);
            h.add(keyHeaderPairs[i + 1]);
        }
        return new Listing(List.copyOf(k), List.copyOf(h));
    }

    public Listing row(String... cells) {
        if (cells.length != keys.size()) {
            throw new IllegalArgumentException("expected " + keys.size() + " cells, got " + cells.length);
        }
        List<String> r = new ArrayList<>();
        for (String c : cells) {
            r.add(c == null ? "" : c);
        }
        rows.add(r);
        return this;
    }

    public List<List<String>> rows() {
        return List.copyOf(rows);
    }

    public void print(PrintWriter out, OutputFormat format) {
        if (format == OutputFormat.JSON) {
            printJson(out);
        } else {
            printTable(out);
        }
        out.flush();
    }

    /** The column {@code key} of every row, one per line ({@code -q}). */
    public void printColumn(PrintWriter out, String key) {
        int i = keys.indexOf(key);
        rows.forEach(r -> out.println(r.get(i)));
        out.flush();
    }

    void printJson(PrintWriter out) {
        for (List<String> r : rows) {
            ObjectNode o = Json.F.objectNode();
            for (int i = 0; i < keys.size(); i++) {
                o.put(keys.get(i), r.get(i));
            }
            out.println(Json.compact(o));
        }
    }

    void printTable(PrintWriter out) {
        int[] widths = new int[headers.size()];
        for (int i = 0; i < widths.length; i++) {
            widths[i] = Math.max(MIN_WIDTH, headers.get(i).length() + PADDING);
            for (List<String> r : rows) {
                widths[i] = Math.max(widths[i], r.get(i).length() + PADDING);
            }
        }
        out.println(line(headers, widths));
        rows.forEach(r -> out.println(line(r, widths)));
    }

    private static String line(List<String> cells, int[] widths) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < cells.size(); i++) {
            b.append(cells.get(i));
            if (i < cells.size() - 1) {
                b.append(" ".repeat(widths[i] - cells.get(i).length()));
            }
        }
        return b.toString().stripTrailing();
    }
}
