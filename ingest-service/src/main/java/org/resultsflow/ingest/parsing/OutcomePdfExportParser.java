package org.resultsflow.ingest.parsing;

import java.util.List;

/** Not implemented yet: the layout is recognised, nothing is extracted. */
final class OutcomePdfExportParser implements LayoutParser {

    @Override
    public Result parse(ParseContext ctx) {
        ctx.warn(0, "layout recognised but its parser is not implemented yet; nothing extracted");
        return new Result(List.of(), List.of(), List.of());
    }
}
