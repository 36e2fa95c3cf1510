"""The tables of ``participation_load.py`` and the issue's targets (German / English).

:func:`report` prints (a) CPU per view, sequential, (b) the arrivals beside the static
page, and :func:`targets` judges issue 17's targets for each configuration that should
meet them (:data:`JUDGED`: ``nachher``, the app as ``make demo`` serves it, and
``formular``, the kernel-less form in the same server), each verdict under its name.
"""

from __future__ import annotations

import math

STOPPED = "  ABGEBROCHEN: Speicher knapp / STOPPED: memory short"
TARGET_CPU = 0.25
TARGET_RATIO = 1.3
TARGET_MEMORY_GB = 8.0
JUDGED = ("nachher", "formular")  # configurations judged against the issue's targets


def verdict(ok: bool) -> str:
    """The verdict on one target."""
    return "erreicht / met" if ok else "VERFEHLT / MISSED"


def sec(value: float) -> str:
    """Seconds for the tables; a dash where nothing was measured (nobody served).

    >>> sec(12.34), sec(math.nan)
    ('12.3s', '–')
    """
    return "–" if math.isnan(value) else f"{value:.1f}s"


def ms(seconds: float) -> str:
    """Seconds as milliseconds (for the form's plain HTTP views); a dash for none.

    >>> ms(0.0213), ms(math.nan)
    ('21 ms', '–')
    """
    return "–" if math.isnan(seconds) else f"{seconds * 1000:.0f} ms"


def size(mb: float) -> str:
    """Megabytes for the tables: from 1 MB in MB, below in kB; a dash for none.

    >>> size(4.83), size(0.0264), size(math.nan)
    ('4.8MB', '26kB', '–')
    """
    if math.isnan(mb):
        return "–"
    return f"{mb:.1f}MB" if mb >= 1 else f"{mb * 1000:.0f}kB"


def voila(r: dict) -> float:
    """CPU seconds per view of the Voilà server process itself."""
    return r["cpu_per_view_by_process"].get("voila", 0.0)


def by_process(r: dict) -> str:
    """The CPU per view split by process (voila, kernel, warm, launcher, ended, other)."""
    parts = ", ".join(f"{role} {s:.2f}" for role, s in r["cpu_per_view_by_process"].items())
    return f"CPU-s je Aufruf nach Prozess / per view by process: {parts}"


def errors(r: dict) -> str:
    """The failures of a row, if any."""
    return f"  Fehler/errors: {r['errors']}" if r.get("errors") else ""


def sequential_table(configs: dict) -> None:
    """(a): CPU per view, one participant after another."""
    rows = [(c, r["sequential"]) for c, r in configs.items() if r.get("sequential")]
    if not rows:
        return
    print("\n(a) Server-CPU je Aufruf, nacheinander / server CPU per view, sequential")
    print(
        f"{'Konfig./config':<15}{'Aufrufe/views':>14}{'CPU/Aufruf':>11}{'+Nachfüllen':>12}"
        f"{'davon Voilà':>12}{'1. Inhalt':>10}{'geladen':>9}{'Last':>6}"
    )
    print(
        f"{'':<15}{'':>14}{'per view':>11}{'+refill':>12}{'Voilà proc.':>12}"
        f"{'1st cont.':>10}{'loaded':>9}{'load':>6}"
    )
    for config, r in rows:
        print(
            f"{config:<15}{r['served']:>9}/{r['views']:<4}{r['cpu_per_view']:>10.2f}s"
            f"{r['cpu_per_view_with_refill']:>11.2f}s{voila(r):>11.2f}s"
            f"{sec(r['first_content_median']):>10}{size(r['loaded_mb_median']):>9}"
            f"{r['load_average']:>6.1f}" + errors(r)
        )
    for config, r in rows:
        if r.get("client") == "http":
            print(
                f"  {config}: HTTP ohne Browser / plain HTTP, no browser (1. Inhalt = Seite"
                f" gelesen / 1st content = page read): Seite/page {r['page_bytes']:.0f} B,"
                f" Stylesheet {r['stylesheet_bytes']:.0f} B, nach dem Speichern/saved page"
                f" {r['saved_page_bytes']:.0f} B, {r['items']:.0f} Punkte/items; Median: Seite"
                f" gelesen/page read {ms(r['first_content_median'])}, gespeichert/saved"
                f" {ms(r['saved_median'])}; gespeichert/stored {r['answers']}/{r['views']},"
                f" doppelt/twice {r['answered_twice']}; {by_process(r)}"
            )
        else:
            print(
                f"  {config}: {r['websocket_messages_median']:.0f} WebSocket-Nachrichten je"
                f" Aufruf / messages per view; {by_process(r)}"
            )


def arrivals_table(meta: dict, configs: dict, static: dict | None) -> None:
    """(b) and (c): the arrivals of every configuration beside the static page's."""
    rows = [(c, r["arrivals"]) for c, r in configs.items() if r.get("arrivals")]
    if not rows:
        return
    n, spread = meta["participants"], meta["arrival_seconds"]
    how = "gleichzeitig / at once" if not spread else f"über / over {spread:g} s"
    print(f"\n(b) {n} Teilnehmende {how}, je eine Antwort / one answer each")
    print(
        f"{'Konfig./config':<15}{'bedient':>8}{'gespeich.':>10}{'doppelt':>8}{'p50':>7}"
        f"{'p90':>7}{'p90 gesp.':>10}{'CPU/Aufr.':>10}{'+Nachf.':>8}{'Voilà':>7}"
        f"{'PSS max':>9}{'RSS max':>9}{'Last':>6}"
    )
    print(
        f"{'':<15}{'served':>8}{'stored':>10}{'twice':>8}{'':>7}{'':>7}{'p90 saved':>10}"
        f"{'CPU/view':>10}{'+refill':>8}{'proc.':>7}{'peak':>9}{'peak':>9}{'load':>6}"
    )
    for config, r in rows:
        print(
            f"{config:<15}{r['served']:>5}/{n:<2}{r['answers']:>10}{r['answered_twice']:>8}"
            f"{sec(r['p50']):>7}{sec(r['p90']):>7}{sec(r['saved_p90']):>10}"
            f"{r['cpu_per_view']:>9.2f}s{r['cpu_per_view_with_refill']:>7.2f}s"
            f"{voila(r):>6.2f}s{r['peak_pss_gb']:>7.2f}GB"
            f"{r['peak_rss_gb']:>7.2f}GB{r['load_average']:>6.1f}"
            + errors(r)
            + (
                f"  Seiten ohne App (IOPub-Frist) / pages without app (IOPub timeout): {lost}"
                if (lost := r["pages_without_output"])
                else ""
            )
            + (STOPPED if r["stopped_short_of_memory"] else "")
        )
    if static:
        print(
            f"{'statisch/static':<15}{static['served']:>5}/{n:<2}{'':>10}{'':>8}"
            f"{sec(static['p50']):>7}{sec(static['p90']):>7}{'':>10}"
            f"{static['cpu_per_view']:>9.2f}s{'':>8}{'':>7}{'':>9}{'':>9}"
            f"{static['load_average']:>6.1f}"
            f"  ({static['page']}, {size(static['loaded_mb_median'])})" + errors(static)
        )
    for config, r in rows:
        print(
            f"  {config}: je Seite geladen / loaded per page {size(r['loaded_mb_median'])},"
            f" Pool {r['pool_size']}, Speicher vorher / memory before PSS"
            f" {r['idle_pss_gb']:.2f} GB; {by_process(r)}"
        )


def report(results: dict) -> None:
    """Print the tables (German / English) and the targets of :data:`JUDGED`."""
    meta, configs, static = results["meta"], results["configs"], results.get("static")
    print(
        f"\n{meta['cpus']} Kerne/cores, Last/load (1 min): Beginn/start {meta['load_start']},"
        f" Ende/end {meta['load_end']}; {meta['commit']}"
    )
    sequential_table(configs)
    arrivals_table(meta, configs, static)
    for config in JUDGED:
        measured = configs.get(config, {}).get("arrivals")
        if measured:
            targets(meta, config, measured, static)


def targets(meta: dict, config: str, r: dict, static: dict | None) -> None:
    """The issue's targets, judged on configuration ``config``'s arrivals ``r``."""
    n = meta["participants"]
    print(f"\nZiele / targets (Issue 17) für Konfiguration / for configuration {config}:")
    print(
        f"  [{config}] CPU je Aufruf ≤ {TARGET_CPU} s / CPU per view: {r['cpu_per_view']:.2f} s"
        f" (mit Nachfüllen / with refill {r['cpu_per_view_with_refill']:.2f} s)"
        f" – {verdict(r['cpu_per_view'] <= TARGET_CPU)}"
    )
    complete = r["served"] == r["answers"] == n and r["answered_twice"] == 0
    print(
        f"  [{config}] {n}/{n} bedient und gespeichert, keine doppelt / served and stored,"
        f" none twice: {r['served']} bedient/served, {r['answers']} gespeichert/stored,"
        f" {r['answered_twice']} doppelt/twice – {verdict(complete)}"
    )
    if static and not meta["arrival_seconds"]:
        limit = TARGET_RATIO * static["p90"]
        print(
            f"  [{config}] p90 ≤ {TARGET_RATIO} × p90 statisch/static ({limit:.1f} s):"
            f" {r['p90']:.1f} s – {verdict(r['p90'] <= limit)}"
        )
    print(
        f"  [{config}] Speicher-Spitze ≤ {TARGET_MEMORY_GB:g} GB / peak memory: PSS"
        f" {r['peak_pss_gb']:.2f} GB (RSS-Summe/sum {r['peak_rss_gb']:.2f} GB)"
        f" – {verdict(r['peak_pss_gb'] <= TARGET_MEMORY_GB)}"
    )
