package org.resultsflow.contracts.results;

import java.util.List;

/**
 * A result under an outcome, identified by its code ({@code MEX_D_2.1.1}) or, on pages that do not print
 * the code, by its outcome and normalised statement.
 *
 * @param code the code when shown, else null
 * @param progressNotes the notes the document files under this output's title
 */
public record Output(String code, String statement, List<ProgressNote> progressNotes, LineRange lines) {

    public Output {
        progressNotes = progressNotes == null ? List.of() : List.copyOf(progressNotes);
    }

    public Output(String code, String statement, LineRange lines) {
        this(code, statement, List.of(), lines);
    }
}
