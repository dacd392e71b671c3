"""The ``extract`` command: parses arguments, calls the library, prints with rich."""

from __future__ import annotations

import json
import logging
import signal
import sys
from enum import Enum
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    ProgressColumn,
    TextColumn,
    TimeElapsedColumn,
    TimeRemainingColumn,
)
from rich.table import Table
from rich.text import Text

from . import __version__
from .errors import ExtractorError, InputError
from .inputs import KINDS_READ
from .pipeline import DEFAULT_MODEL
from .terminal import error_line, plain, printable, safe

EXIT_SOME_FAILED = 1
EXIT_USAGE = 2
EXIT_NOTHING = 3

app = typer.Typer(
    add_completion=False,
    no_args_is_help=True,
    context_settings={"help_option_names": ["-h", "--help"]},
    rich_markup_mode=None,
    help="Turn raw diplomatic and political news into tidy tables.\n\n"
    "extract PATH... --out DIR   (the 'run' command is the default)",
)
console = Console(stderr=True, soft_wrap=True)  # messages unbroken, for copying
SUBCOMMANDS = {"run", "eval", "show", "schema", "--help", "-h", "--version"}


class Format(str, Enum):
    csv = "csv"
    parquet = "parquet"
    both = "both"


class Engine(str, Enum):
    local = "local"
    dask = "dask"


def _version(value: bool) -> None:
    if value:
        from .pipeline import model_version

        typer.echo(f"extractor {__version__}")
        typer.echo(f"spaCy model: {model_version()}")
        raise typer.Exit()


@app.callback()
def _root(
    version: Annotated[
        bool,
        typer.Option(
            "--version", callback=_version, is_eager=True, help="Print the version and exit."
        ),
    ] = False,
) -> None:
    """Turn raw diplomatic and political news into tidy tables."""


@app.command("run")
def run_command(
    paths: Annotated[
        list[Path],
        typer.Argument(
            metavar="PATH",
            help=f"Article files or folders ({KINDS_READ}; folders are read recursively).",
        ),
    ],
    out: Annotated[
        Path, typer.Option("--out", "-o", metavar="DIR", help="Folder for the tables.")
    ] = Path("outputs"),
    fmt: Annotated[
        Format | None,
        typer.Option(
            "--format",
            help="Write CSV, Parquet or both (local engine; default both). The dask engine "
            "writes Parquet datasets.",
        ),
    ] = None,
    engine: Annotated[
        Engine,
        typer.Option(
            help="local: processes on this machine. dask: a dask.distributed cluster, each "
            "table written as a Parquet dataset DIR/<table>/part-*.parquet.",
        ),
    ] = Engine.local,
    scheduler: Annotated[
        str | None,
        typer.Option(
            metavar="ADDRESS",
            help="With --engine dask: address of an existing scheduler (tcp://HOST:8786). "
            "Without it a local cluster of --workers processes is started.",
        ),
    ] = None,
    dashboard: Annotated[
        bool,
        typer.Option(
            "--dashboard",
            help="With a local dask cluster: serve its dashboard on 127.0.0.1 (off by default).",
        ),
    ] = False,
    partition_size: Annotated[
        int,
        typer.Option(min=1, metavar="N", help="With --engine dask: articles per partition (task)."),
    ] = 256,
    model: Annotated[
        str,
        typer.Option(
            metavar="NAME", help="Installed spaCy pipeline to build on (needs a parser and NER)."
        ),
    ] = DEFAULT_MODEL,
    workers: Annotated[
        int,
        typer.Option(
            min=0,
            metavar="N",
            help="Processes for the spaCy pipeline; 0 = one per core (the default). The output "
            "is the same for any number.",
        ),
    ] = 0,
    batch_size: Annotated[int, typer.Option(min=1, metavar="N", help="Documents per batch.")] = 64,
    max_chars: Annotated[
        int,
        typer.Option(
            min=1,
            metavar="N",
            help="Skip (with a status row) articles longer than this many characters.",
        ),
    ] = 2_000_000,
    strict: Annotated[
        bool,
        typer.Option(
            "--strict", help="Stop at the first failed document (exit 4); keep the previous tables."
        ),
    ] = False,
    quiet: Annotated[
        bool, typer.Option("--quiet", "-q", help="No progress bar or summary.")
    ] = False,
    verbose: Annotated[
        bool,
        typer.Option("--verbose", "-v", help="List every skipped input and every failed document."),
    ] = False,
    field: Annotated[
        list[str] | None,
        typer.Option(
            "--field",
            metavar="ROLE=NAME",
            help="Read a JSON record's ROLE (id, text, published, title, url, outlet, dateline) "
            "from field NAME, e.g. --field text=body --field published=pubDate. news-please, "
            "trafilatura and id/text/published/title/url records need none.",
        ),
    ] = None,
) -> None:
    """Extract the six tables from articles into DIR (the default command).

    Exit codes: 0 every document ok; 1 some documents failed (the others' rows are written;
    the documents table says why); 2 bad arguments, paths or output folder, or the tables could
    not be written; 3 no document could be processed (nothing replaced); 4 a document failed
    under --strict (nothing replaced); 129/130/143 stopped by SIGHUP/SIGINT/SIGTERM (nothing
    replaced).
    """
    from .records import parse_field_options
    from .run import default_workers, run_extract

    try:
        fields = parse_field_options(field)
    except ExtractorError as exc:
        console.print(error_line(exc), soft_wrap=True)
        raise typer.Exit(exc.exit_code) from None

    if engine is Engine.dask and fmt not in (None, Format.parquet):
        console.print(error_line("the dask engine writes Parquet datasets only"), soft_wrap=True)
        raise typer.Exit(EXIT_USAGE)
    if (scheduler or dashboard) and engine is not Engine.dask:
        console.print(error_line("--scheduler and --dashboard need --engine dask"), soft_wrap=True)
        raise typer.Exit(EXIT_USAGE)
    formats = ("csv", "parquet") if fmt in (None, Format.both) else (fmt.value,)
    workers = workers or default_workers()
    progress = Progress(
        TextColumn("[bold]extracting"),
        BarColumn(),
        MofNCompleteColumn(),
        RateColumn(),
        TimeElapsedColumn(),
        TextColumn("left"),
        TimeRemainingColumn(),
        TextColumn("{task.fields[doc]}", markup=False),
        console=console,
        disable=quiet,
        transient=True,
    )
    with progress:
        task = progress.add_task("extract", total=None, doc="")

        def set_total(total: int) -> None:
            progress.update(task, total=total)

        def advance(rows: dict) -> None:
            progress.update(task, advance=1, doc=printable(rows["documents"][0]["doc_id"]))

        def advance_many(done: int, last: str) -> None:
            progress.update(task, advance=done, doc=printable(last))

        def show_dashboard(link: str) -> None:
            console.print(Text.assemble("dask dashboard: ", plain(link)))

        try:
            if engine is Engine.dask:
                from .cluster import run_extract_dask

                summary = run_extract_dask(
                    paths,
                    out,
                    model,
                    workers,
                    scheduler,
                    partition_size,
                    batch_size,
                    max_chars,
                    on_documents=advance_many,
                    strict=strict,
                    dashboard=dashboard,
                    on_dashboard=show_dashboard,
                    on_total=set_total,
                    fields=fields,
                )
            else:
                summary = run_extract(
                    paths,
                    out,
                    formats,
                    model,
                    workers,
                    batch_size,
                    max_chars,
                    on_document=advance,
                    strict=strict,
                    on_total=set_total,
                    fields=fields,
                )
        except ExtractorError as exc:
            progress.stop()
            console.print(error_line(exc), soft_wrap=True)
            raise typer.Exit(exc.exit_code) from None
    if not quiet:
        _print_summary(summary, out, verbose)
    if summary.ok == 0:
        console.print(
            error_line(
                f"no document could be processed; the tables in {out} were left as they were"
            )
        )
        raise typer.Exit(EXIT_NOTHING)
    if summary.failed:
        raise typer.Exit(EXIT_SOME_FAILED)


class RateColumn(ProgressColumn):
    """Documents per second."""

    def render(self, task) -> Text:
        speed = task.finished_speed or task.speed
        return Text(f"{speed:.1f} docs/s" if speed else "", style="progress.data.speed")


def _print_summary(summary, out: Path, verbose: bool = False) -> None:
    rate = summary.documents / summary.seconds if summary.seconds else 0.0
    table = Table(
        title=f"extractor: {summary.documents} documents in {summary.seconds:.1f} s "
        f"({rate:.1f} documents/s)",
        show_header=True,
    )
    table.add_column("table")
    table.add_column("rows", justify="right")
    table.add_column("files")
    for name, count in summary.rows.items():
        files = ", ".join(p.name + "/" * p.is_dir() for p in summary.files.get(name, []))
        table.add_row(name, str(count), files)
    console.print(table)
    where = f"written to: {safe(out)}" if summary.files else "nothing written"
    console.print(
        f"documents ok: [green]{summary.ok}[/]  failed: "
        f"[{'red' if summary.failed else 'green'}]{summary.failed}[/]  {where}"
    )
    console.print(
        f"datelines read: {summary.with_dateline} ({summary.with_dateline_country} placed in a "
        f"country); outlet country known: {summary.with_outlet_country}"
    )
    shown = summary.failures if verbose else summary.failures[:20]
    for doc_id, status in shown:
        console.print(f"  [yellow]{safe(doc_id)}[/]: {safe(status)}")
    if len(summary.failures) > len(shown):
        console.print(
            f"  ... and {len(summary.failures) - len(shown)} more (see the documents table, "
            "or --verbose)"
        )
    if summary.skipped:
        counts: dict[str, int] = {}
        for _, reason in summary.skipped:
            counts[reason] = counts.get(reason, 0) + 1
        reasons = ", ".join(f"{n} {safe(r)}" for r, n in sorted(counts.items()))
        hint = "" if verbose else " (--verbose lists them)"
        console.print(f"inputs skipped: {len(summary.skipped)} ({reasons}){hint}")
        if verbose:
            for path, reason in summary.skipped:
                console.print(f"  {safe(path)}: {safe(reason)}")


@app.command("eval")
def eval_command(
    fixtures: Annotated[
        Path,
        typer.Argument(
            help="Fixtures: a folder holding articles/ and gold/ (gold JSON per LABELLING.md), "
            "or a folder of such sets (tests/fixtures: wire and world).",
        ),
    ],
    predictions: Annotated[
        Path | None,
        typer.Option(
            help="Score the tables already in this output folder instead of running the pipeline."
        ),
    ] = None,
    model: Annotated[
        str, typer.Option(help="Installed spaCy pipeline to build on.")
    ] = DEFAULT_MODEL,
    baseline: Annotated[
        bool,
        typer.Option(help="Also score plain en_core_web_sm entities + dateparser, side by side."),
    ] = True,
    json_out: Annotated[
        Path | None,
        typer.Option(
            "--json",
            help="Write the figures as JSON here (default FIXTURES/eval.json is not "
            "written; give a path).",
        ),
    ] = None,
    errors: Annotated[bool, typer.Option(help="List every miss and extra.")] = False,
) -> None:
    """Score extraction against hand-labelled gold: P/R/F1 per table and accuracies, for each
    fixture set (a folder with articles/ and gold/, or a folder of such sets) and all together."""
    from .evaluate import evaluate_sets, render_report

    try:
        results = evaluate_sets(
            fixtures, predictions=predictions, model=model, with_baseline=baseline
        )
    except ExtractorError as exc:
        console.print(error_line(exc), soft_wrap=True)
        raise typer.Exit(exc.exit_code) from None
    wide = Console(width=max(Console().width, 110))
    for name, reports in results.items():
        render_report(reports, wide, name if len(results) > 1 else None)
    if errors:
        for name, reports in results.items():
            if name == "all":
                continue
            for line in reports["extractor"].errors:
                typer.echo(printable(line))
    if json_out is not None:
        figures = {
            name: {k: r.as_dict() for k, r in reports.items()} for name, reports in results.items()
        }
        if len(results) == 1:
            figures = next(iter(figures.values()))
        json_out.write_text(json.dumps(figures, indent=2))
        console.print(f"figures written to {safe(json_out)}")


@app.command("show")
def show_command(
    file: Annotated[
        Path, typer.Argument(help="One article (.txt, .html, or the first of a .jsonl).")
    ],
    html_out: Annotated[
        Path | None, typer.Option("--html", help="Also write a highlighted HTML page here.")
    ] = None,
    model: Annotated[
        str, typer.Option(help="Installed spaCy pipeline to build on.")
    ] = DEFAULT_MODEL,
) -> None:
    """Print an article with officials, titles, countries, dates and initiatives highlighted,
    followed by the rows each table got from it."""
    from .show import analyse_file, render_html, render_terminal

    try:
        doc, tables = analyse_file(file, model)
    except ExtractorError as exc:
        console.print(error_line(exc), soft_wrap=True)
        raise typer.Exit(exc.exit_code) from None
    render_terminal(doc, tables, Console())
    if html_out is not None:
        html_out.write_text(render_html(doc, tables), encoding="utf-8")
        console.print(f"HTML view written to {safe(html_out)}")


@app.command("schema")
def schema_command() -> None:
    """Print the data dictionary of the six tables (Markdown)."""
    from .schema import TABLES

    for table in TABLES.values():
        typer.echo(f"\n### {table.name}\n\n{table.description}\n")
        typer.echo("| column | type | empty? | meaning | example |\n|---|---|---|---|---|")
        for c in table.columns:
            typer.echo(
                f"| `{c.name}` | {c.type} | {'yes' if c.nullable else 'no'} | "
                f"{c.description} | {c.example} |"
            )


class Stopped(BaseException):
    """A signal asked the run to stop (SIGINT, SIGTERM, SIGHUP). Not an ``Exception``, so
    nothing on the way up swallows it; every ``finally`` and ``with`` on the way cleans up."""

    def __init__(self, signum: int) -> None:
        super().__init__(signum)
        self.signum = signum


STOP_SIGNALS = tuple(
    getattr(signal, name) for name in ("SIGINT", "SIGTERM", "SIGHUP") if hasattr(signal, name)
)


def _stop(signum: int, frame) -> None:
    # One stop is enough: a second signal during the cleanup must not interrupt it.
    for sig in STOP_SIGNALS:
        signal.signal(sig, signal.SIG_IGN)
    raise Stopped(signum)


def main(argv: list[str] | None = None) -> None:
    """Entry point: ``extract PATH...`` runs the default command; errors become one red line.

    SIGINT, SIGTERM and SIGHUP stop the run the same way: workers stopped, the staging folder
    removed, the previous tables left in place, exit 128 + the signal's number."""
    args = list(sys.argv[1:] if argv is None else argv)
    if args and args[0] not in SUBCOMMANDS and args[0] not in app_commands():
        args.insert(0, "run")
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s %(name)s: %(message)s")
    for sig in STOP_SIGNALS:
        signal.signal(sig, _stop)
    try:
        app(args=args, prog_name="extract", standalone_mode=True)
    except ExtractorError as exc:
        console.print(error_line(exc), soft_wrap=True)
        raise SystemExit(exc.exit_code) from None
    except Stopped as stop:
        name = signal.Signals(stop.signum).name
        console.print(
            error_line(f"stopped by {name}; the previous tables were left in place"), soft_wrap=True
        )
        raise SystemExit(128 + stop.signum) from None


def app_commands() -> set[str]:
    return {c.name for c in app.registered_commands if c.name}


__all__ = ["app", "main", "InputError"]
