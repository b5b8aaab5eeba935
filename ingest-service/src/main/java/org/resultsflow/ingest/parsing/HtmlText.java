package org.resultsflow.ingest.parsing;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;

/**
 * HTML to text that keeps the block structure the parsers read: every block element starts a new line,
 * paragraphs and headings stand apart by a blank line, {@code <br>} breaks a line, table cells are joined
 * with {@code " | "} on the row's line. Scripts, styles and other invisible content are dropped.
 */
final class HtmlText {

    private static final Set<String> PARAGRAPHS = Set.of("p", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "pre");
    private static final Set<String> BLOCKS = Set.of("address", "article", "aside", "caption", "dd", "details", "dialog",
            "div", "dl", "dt", "fieldset", "figcaption", "figure", "footer", "form", "header", "hgroup", "hr", "li",
            "main", "nav", "ol", "section", "summary", "table", "tbody", "tfoot", "thead", "tr", "ul", "legend",
            "body", "html", "option");
    private static final Set<String> CELLS = Set.of("td", "th");
    private static final String INVISIBLE = "script, style, noscript, template, head, iframe, object, svg, canvas";

    private HtmlText() {
    }

    static String toText(String html) {
        Document doc = Jsoup.parse(html);
        doc.select(INVISIBLE).remove();
        Builder b = new Builder();
        NodeTraversor.traverse(b, doc.body() != null ? doc.body() : doc);
        return b.result();
    }

    private static final class Builder implements NodeVisitor {
        private final StringBuilder sb = new StringBuilder();
        private int pre;

        @Override
        public void head(Node node, int depth) {
            if (node instanceof TextNode tn) {
                text(pre > 0 ? tn.getWholeText() : tn.text());
            } else if (node instanceof Element e) {
                String tag = e.normalName();
                if (tag.equals("pre")) {
                    pre++;
                }
                if (tag.equals("br")) {
                    sb.append('\n');
                } else if (PARAGRAPHS.contains(tag)) {
                    blankLine();
                } else if (BLOCKS.contains(tag)) {
                    newLine();
                } else if (CELLS.contains(tag) && e.elementSiblingIndex() > 0) {
                    sb.append(" | ");
                }
            }
        }

        @Override
        public void tail(Node node, int depth) {
            if (node instanceof Element e) {
                String tag = e.normalName();
                if (tag.equals("pre")) {
                    pre--;
                }
                if (PARAGRAPHS.contains(tag)) {
                    blankLine();
                } else if (BLOCKS.contains(tag)) {
                    newLine();
                }
            }
        }

        private void text(String s) {
            if (s.isEmpty()) {
                return;
            }
            if (pre == 0 && s.isBlank()) {
                if (sb.length() > 0 && sb.charAt(sb.length() - 1) != '\n' && sb.charAt(sb.length() - 1) != ' ') {
                    sb.append(' ');
                }
                return;
            }
            sb.append(s);
        }

        private void newLine() {
            if (sb.length() > 0 && sb.charAt(sb.length() - 1) != '\n') {
                sb.append('\n');
            }
        }

        private void blankLine() {
            newLine();
            sb.append('\n');
        }

        String result() {
            List<String> lines = new ArrayList<>();
            boolean lastBlank = true;
            for (String line : sb.toString().split("\n", -1)) {
                String t = SourceText.strip(line.replaceAll("[ \\t\\u00A0]+", " "));
                if (t.isEmpty()) {
                    if (!lastBlank) {
                        lines.add("");
                    }
                    lastBlank = true;
                } else {
                    lines.add(t);
                    lastBlank = false;
                }
            }
            while (!lines.isEmpty() && lines.get(lines.size() - 1).isEmpty()) {
                lines.remove(lines.size() - 1);
            }
            return String.join("\n", lines);
        }
    }
}
