"""CLI commands of the analysis stage: embed, topics, needs, cluster edits."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from typing import TYPE_CHECKING

from workbench.cli.common import output_path, show_line
from workbench.core.errors import WorkbenchError
from workbench.core.fileio import ensure_csv_target, write_csv

if TYPE_CHECKING:
    import pandas as pd

    from workbench.project import Project


def cmd_embed(args: argparse.Namespace) -> int:
    """workbench embed [--backend B]."""
    from workbench.analysis.embeddings import project_embeddings
    from workbench.cli.common import open_project
    from workbench.core.formatting import plural

    segments, matrix = project_embeddings(open_project(args), args.backend)
    n = plural(len(segments), "Aussage", "Aussagen")
    show_line(f"{n} eingebettet ({args.backend}, {matrix.shape[1]} Dimensionen).")
    return 0


# Where a statement comes from: its file (as stored, pseudonymised) and its ID in that file.
# IDs repeat across files (row numbers of tables without an ID column, card numbers counted
# from 1 in each district's export), so a join back to the sources takes both. Files of the
# same name from different folders (Pol.is: comments.csv) are told apart by their workshop.
SOURCE = ["document", "source_id"]


def _with_document(project: Project, table: pd.DataFrame) -> pd.DataFrame:
    """Topic assignments with the name of each statement's document."""
    documents = project.segments()[["segment_id", "document"]]
    return table.merge(documents, on="segment_id", how="left", validate="one_to_one")


def cmd_topics(args: argparse.Namespace) -> int:
    """workbench topics [--by district|question] [--out CSV]."""
    from workbench.analysis import topics
    from workbench.cli.common import open_project
    from workbench.core.formatting import plural

    ensure_csv_target(args.out)  # a new run without its table helps nobody
    project = open_project(args)
    params = topics.TopicParams(
        by=args.by, backend=args.backend, n_topics=args.n_topics, seed=args.seed,
        reducer=args.reducer, clusterer=args.clusterer,
    )  # fmt: skip
    run_id = topics.run_topics(project, params)
    table = _with_document(project, topics.assignments(project, run_id))
    write_csv(table[["segment_id", *SOURCE, "topic", "topic_label", "probability"]], args.out)
    if args.out:
        from workbench.cli.common import said_to

        described = topics.topics(project, run_id)
        show_line(
            f"Themenlauf {run_id}: {plural(len(described), 'Thema', 'Themen')}, "
            f"{plural(len(table), 'Aussage', 'Aussagen')} → {args.out}",
            file=said_to(args.out),
        )
    return 0


def cmd_needs(args: argparse.Namespace) -> int:
    """workbench needs [--segments needs|all] [--question TEXT] [--n-clusters K] [--out CSV]."""
    from workbench.analysis import needs
    from workbench.cli.common import open_project
    from workbench.core.formatting import plural

    ensure_csv_target(args.out)  # a new run without its table helps nobody
    project = open_project(args)
    params = needs.NeedParams(
        segments=args.segments or ("all" if args.question else "needs"),
        n_clusters=args.n_clusters, backend=args.backend, question=args.question,
        cross_cutting_min=args.cross_cutting_min, seed=args.seed, method=args.method,
    )  # fmt: skip
    run_id = needs.run_needs(project, params)
    _report(project, run_id, args.out)
    if params.question:
        _followed(project, run_id, params.question.strip())
    wordless = needs.wordless_statements(project, params)
    if wordless:  # on stderr: stdout may be CSV
        print(
            f"Hinweis: {plural(wordless, 'Aussage', 'Aussagen')} ohne Wortinhalt (nur Emoji, "
            "Zeichen oder Platzhalter, etwa „👍“ oder „+1“ im Chat) nicht geclustert: sie "
            "nennen keinen Bedarf in Worten.",
            file=sys.stderr,
        )
    return 0


def _followed(project: Project, run_id: int, question: str) -> None:
    """After a run on one guiding question, say which run reports, apps, recommendations,
    feedback and cluster edits follow (on stderr: stdout may be CSV)."""
    from workbench.analysis.need_clusters import reference_run

    with project.session() as session:
        reference = reference_run(session).id
    asked = f"Lauf {run_id} clustert nur die Aussagen unter Leitfragen mit „{question}“."
    if reference != run_id:
        follow = f"folgen weiter Bedarfslauf {reference} über alle Leitfragen."
    else:
        follow = (
            "folgen diesem Lauf, solange es keinen Lauf über alle Leitfragen gibt "
            "(workbench needs ohne --question)."
        )
    print(
        f"Hinweis: {asked} Berichte, Apps, Empfehlungen, Rückmeldungen, Zugangscodes und "
        f"workbench cluster {follow}",
        file=sys.stderr,
    )


def _report(project, run_id: int, out: str | None) -> None:
    from workbench.analysis import need_edits, needs
    from workbench.core.formatting import plural

    table = needs.assignments(project, run_id)  # with the document
    table = table[["segment_id", *SOURCE, "cluster", "cluster_label", "scope"]]
    write_csv(table, out)
    if out:
        from workbench.cli.common import said_to

        clusters = needs.clusters(project, run_id)
        show_line(
            f"Bedarfslauf {run_id}: {len(clusters)} Cluster über "
            f"{plural(len(table), 'Aussage', 'Aussagen')} → {out}",
            file=said_to(out),
        )
        for c in clusters.itertuples():
            show_line(f"  {c.cluster:>3}  {c.size:>4}  {c.scope:<20} {c.label}", file=said_to(out))
    _unscoped(needs.clusters(project, run_id))
    _skipped(need_edits.skipped_edits(project, run_id))


def _unscoped(clusters: pd.DataFrame) -> None:
    """With fewer than two districts in the run, say that its scopes decide nothing
    (on stderr: stdout may be CSV); apps and reports show none then."""
    from workbench.analysis.need_scope import no_comparison_text

    named = sorted({d for districts in clusters["districts"] for d in districts})
    if len(clusters) and len(named) < 2:
        print(f"Hinweis: {no_comparison_text(named)} Die Spalte 'scope' sagt hier nichts.",
              file=sys.stderr)  # fmt: skip


def _skipped(lines: list[str]) -> None:
    """Name the researchers' edits the run could not carry over (on stderr: stdout may be CSV)."""
    if not lines:
        return
    n = len(lines)
    print(
        f"Achtung: {n} {'Änderung' if n == 1 else 'Änderungen'} an den Bedarfsclustern "
        f"{'konnte' if n == 1 else 'konnten'} nicht übernommen werden:",
        file=sys.stderr,
    )
    for line in lines:
        print(f"  {line}", file=sys.stderr)
    print(
        "  Bitte die Cluster prüfen und die Änderung bei Bedarf erneut vornehmen "
        "(workbench cluster rename|merge|split).",
        file=sys.stderr,
    )


def cmd_cluster(args: argparse.Namespace) -> int:
    """workbench cluster rename|merge|split …."""
    from workbench.analysis import need_edits
    from workbench.cli.common import open_project

    ensure_csv_target(args.out)  # a new run without its table helps nobody
    project = open_project(args)
    if args.action == "rename":
        if len(args.clusters) != 1 or not args.label:
            raise WorkbenchError("Umbenennen: workbench cluster rename N --label NAME")
        run_id = need_edits.rename_cluster(project, args.clusters[0], args.label, args.author)
    elif args.action == "merge":
        run_id = need_edits.merge_clusters(project, args.clusters, args.label, args.author)
    else:
        if len(args.clusters) != 1:
            raise WorkbenchError("Teilen: workbench cluster split N")
        run_id = need_edits.split_cluster(project, args.clusters[0], args.author)
    _report(project, run_id, args.out)
    return 0


BACKEND_HELP = "Einbettungen: use (Standard) | tfidf | sentence-transformers:<modell>"
SEED_HELP = "Startwert des Zufalls (Standard 42; gleiche Angaben, gleiche Cluster)"


def _whole(least: int, what: str, most: int | None = None) -> Callable[[str], int]:
    """An argparse type: a whole number from ``least`` (to ``most``), in German otherwise."""

    def parse(value: str) -> int:
        text = value.strip()
        number = int(text) if text.lstrip("-").isdigit() else None
        if number is None or number < least or (most is not None and number > most):
            upper = f" bis {most}" if most is not None else ""
            raise argparse.ArgumentTypeError(
                f"'{value}' ist keine ganze Zahl ab {least}{upper} ({what})."
            )
        return number

    return parse


def add_commands(sub: argparse._SubParsersAction) -> None:
    """Register embed, topics, needs and cluster."""
    p = sub.add_parser("embed", help="Einbettungen aller Aussagen berechnen (Cache füllen)")
    p.add_argument("--backend", default="use", metavar="VERFAHREN", help=BACKEND_HELP)
    p.set_defaults(func=cmd_embed)

    p = sub.add_parser(
        "topics",
        help="Themen modellieren (BERTopic) und als CSV ausgeben",
        description="Schreibt segment_id,document,source_id,topic,topic_label,probability.",
    )
    p.add_argument(
        "--by",
        choices=["all", "district", "question"],
        default="all",
        help="ein Modell für alle oder je Sozialraum bzw. Leitfrage",
    )
    p.add_argument(
        "--out", type=output_path, metavar="CSV", help="Ausgabedatei (sonst Standardausgabe)"
    )
    p.add_argument("--backend", default="use", metavar="VERFAHREN", help=BACKEND_HELP)
    p.add_argument(
        "--n-topics",
        type=_whole(2, "Zahl der Themen"),
        metavar="K",
        help="Zahl der Themen (sonst aus den Daten)",
    )
    p.add_argument(
        "--reducer",
        choices=["none", "umap"],
        default="none",
        help="Dimensionen vor dem Clustern verringern (Standard none; umap wie BERTopic)",
    )
    p.add_argument(
        "--clusterer",
        choices=["spectral", "graph-kmeans", "hdbscan"],
        default="spectral",
        help="Clusterverfahren (Standard spectral; hdbscan: BERTopics, lässt Aussagen ohne Thema)",
    )
    p.add_argument(
        "--seed", type=_whole(0, "Startwert", 2**32 - 1), default=42, metavar="ZAHL", help=SEED_HELP
    )
    p.set_defaults(func=cmd_topics)

    p = sub.add_parser(
        "needs",
        help="Bedarfe sozialraumübergreifend clustern",
        description="Schreibt segment_id,document,source_id,cluster,cluster_label,scope.",
    )
    p.add_argument(
        "--segments",
        choices=["needs", "all"],
        help="nur mit 'Bedarf' oder einem Untercode ('Bedarf/Mobilität') kodierte Aussagen "
        "(Standard) oder alle (Standard mit --question)",
    )
    p.add_argument(
        "--question",
        metavar="TEXT",
        help="nur Aussagen unter einer Leitfrage, die TEXT enthält (eine Umfrage: die Antworten "
        "auf 'Was fehlt Ihnen?' sind ihre Bedarfe)",
    )
    p.add_argument(
        "--n-clusters",
        type=_whole(1, "Zahl der Cluster"),
        metavar="K",
        help="Zahl der Cluster (sonst aus den Daten)",
    )
    p.add_argument(
        "--cross-cutting-min",
        type=int,
        default=3,
        metavar="N",
        help="übergreifend ab N Sozialräumen (Standard 3)",
    )
    p.add_argument(
        "--method",
        choices=["spectral", "graph-kmeans"],
        default="spectral",
        help="Clusterverfahren (Standard spectral; graph-kmeans: das frühere)",
    )
    p.add_argument(
        "--out", type=output_path, metavar="CSV", help="Ausgabedatei (sonst Standardausgabe)"
    )
    p.add_argument("--backend", default="use", metavar="VERFAHREN", help=BACKEND_HELP)
    p.add_argument(
        "--seed", type=_whole(0, "Startwert", 2**32 - 1), default=42, metavar="ZAHL", help=SEED_HELP
    )
    p.set_defaults(func=cmd_needs)

    p = sub.add_parser("cluster", help="Bedarfscluster umbenennen, zusammenführen, teilen")
    p.add_argument(
        "action", choices=["rename", "merge", "split"], metavar="AKTION",
        help="rename N --label NAME: umbenennen; merge N N …: zusammenführen; split N: in "
        "zwei teilen",
    )  # fmt: skip
    p.add_argument(
        "clusters", type=int, nargs="+", metavar="N", help="Cluster-Nummer im maßgeblichen Lauf"
    )
    p.add_argument("--label", metavar="NAME", help="neuer Name")
    p.add_argument("--author", default="", metavar="NAME", help="wer die Änderung macht")
    p.add_argument(
        "--out",
        type=output_path,
        metavar="CSV",
        help="Zuordnung der Aussagen danach als CSV (sonst Standardausgabe)",
    )
    p.set_defaults(func=cmd_cluster)
