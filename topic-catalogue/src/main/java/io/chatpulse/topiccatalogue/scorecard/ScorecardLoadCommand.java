package io.chatpulse.topiccatalogue.scorecard;

import io.chatpulse.topiccatalogue.LoadCommand;
import io.chatpulse.topiccatalogue.LoadedDocument;
import java.util.List;
import java.util.Map;

/** {@code ./chatpulse qa load FILE --tenant T}: {@link LoadCommand} for the QA scorecard. */
public final class ScorecardLoadCommand {

    static final String USAGE = """
            Usage: ./chatpulse qa load FILE --tenant TENANT [--api URL] [--key KEY] [--check]

            Saves FILE as TENANT's QA scorecard, its next version, through the admin API of
            metrics-api (role admin). FILE is {"checks": [...]} (the API's body) or the KPI job's
            file of every tenant ({"acme": {"version": 3, "checks": [...]}}: TENANT's checks are taken,
            the API numbers the version). It is checked first by the scorecard rules (docs/kpi-qa.md):
            a fault is printed with its field and nothing is sent.

            """ + LoadCommand.OPTIONS;

    /** The QA scorecard, from {"checks": [...]} or the KPI job's file. */
    public static final LoadedDocument SCORECARD = new LoadedDocument("scorecard", "/api/v1/admin/qa-scorecard",
            "checks", USAGE, (text, tenant) -> {
                List<QaCheck> checks = ScorecardFile.read(text, tenant);
                return new LoadedDocument.Checked(Map.of("checks", checks), checks.size() + " checks");
            });

    private ScorecardLoadCommand() {
    }

    public static void main(String[] args) {
        System.exit(new LoadCommand(System.out, SCORECARD).run(List.of(args), System.getenv()));
    }
}
