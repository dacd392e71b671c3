"""The ``extract`` command: parses arguments, calls the library, prints with rich."""

from __future__ import annotations

import json
import logging
import sys
from enum import Enum
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table

from . import __version__
from .errors import ExtractorError, InputError
from .pipeline import DEFAULT_MODEL

EXIT_SOME_FAILED = 1
EXIT_USAGE = 2
EXIT_NOTHING = 3

app = typer.Typer(
    add_completion=False,
    no_args_is_help=True,
    help="Turn raw diplomatic and political news into tidy tables.\n\n"
    "extract PATH... --out DIR   (the 'run' command is the default)",
)
console = Console(stderr=True)
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
        typer.echo(f"extractor {__version__}")
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
            help="Article files or folders (.txt, .jsonl, .html; folders are read recursively)."
        ),
    ],
    out: Annotated[Path, typer.Option("--out", "-o", help="Folder for the tables.")] = Path(
        "outputs"
    ),
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
            help="With --engine dask: address of an existing scheduler (tcp://HOST:8786). "
            "Without it a local cluster of --workers processes is started.",
        ),
    ] = None,
    partition_size: Annotated[
        int, typer.Option(min=1, help="With --engine dask: articles per partition (task).")
    ] = 256,
    model: Annotated[
        str, typer.Option(help="Installed spaCy pipeline to build on (needs a parser and NER).")
    ] = DEFAULT_MODEL,
    workers: Annotated[
        int,
        typer.Option(
            min=0,
            help="Processes for the spaCy pipeline; 0 = one per core (the default). The output "
            "is the same for any number.",
        ),
    ] = 0,
    batch_size: Annotated[int, typer.Option(min=1, help="Documents per batch.")] = 64,
    max_chars: Annotated[
        int, typer.Option(min=1, help="Skip (with a status row) articles longer than this.")
    ] = 2_000_000,
    strict: Annotated[
        bool,
        typer.Option(help="Stop at the first failed document (exit 4); keep the previous tables."),
    ] = False,
    quiet: Annotated[
        bool, typer.Option("--quiet", "-q", help="No progress bar or summary.")
    ] = False,
) -> None:
    """Extract the six tables from articles into DIR (the default command).

    Exit codes: 0 every document ok; 1 some documents failed (the others' rows are written;
    the documents table says why); 2 bad arguments, paths or output folder; 3 no document could
    be processed; 4 a document failed under --strict (nothing replaced).
    """
    from .run import default_workers, run_extract

    if engine is Engine.dask and fmt not in (None, Format.parquet):
        console.print("[red]error:[/] the dask engine writes Parquet datasets only")
        raise typer.Exit(EXIT_USAGE)
    if scheduler and engine is not Engine.dask:
        console.print("[red]error:[/] --scheduler needs --engine dask")
        raise typer.Exit(EXIT_USAGE)
    formats = ("csv", "parquet") if fmt in (None, Format.both) else (fmt.value,)
    workers = workers or default_workers()
    progress = Progress(
        TextColumn("[bold]extracting"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        TextColumn("{task.fields[doc]}"),
        console=console,
        disable=quiet,
        transient=True,
    )
    with progress:
        task = progress.add_task("extract", total=None, doc="")

        def advance(rows: dict) -> None:
            progress.update(task, advance=1, doc=rows["documents"][0]["doc_id"])

        def advance_many(done: int, last: str) -> None:
            progress.update(task, advance=done, doc=last)

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
                )
        except ExtractorError as exc:
            progress.stop()
            console.print(f"[red]error:[/] {exc}")
            raise typer.Exit(exc.exit_code) from None
    if not quiet:
        _print_summary(summary, out)
    if summary.ok == 0:
        console.print("[red]error:[/] no document could be processed")
        raise typer.Exit(EXIT_NOTHING)
    if summary.failed:
        raise typer.Exit(EXIT_SOME_FAILED)


def _print_summary(summary, out: Path) -> None:
    table = Table(
        title=f"extractor: {summary.documents} documents in {summary.seconds:.1f} s",
        show_header=True,
    )
    table.add_column("table")
    table.add_column("rows", justify="right")
    table.add_column("files")
    for name, count in summary.rows.items():
        files = ", ".join(p.name + "/" * p.is_dir() for p in summary.files.get(name, []))
        table.add_row(name, str(count), files)
    console.print(table)
    console.print(
        f"documents ok: [green]{summary.ok}[/]  failed: "
        f"[{'red' if summary.failed else 'green'}]{summary.failed}[/]  "
        f"written to: {out}"
    )
    for doc_id, status in summary.failures[:20]:
        console.print(f"  [yellow]{doc_id}[/]: {status}")
    if len(summary.failures) > 20:
        console.print(f"  ... and {len(summary.failures) - 20} more (see documents table)")


@app.command("eval")
def eval_command(
    fixtures: Annotated[
        Path,
        typer.Argument(
            help="Fixtures folder holding articles/ and gold/ (gold JSON per LABELLING.md)."
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
    """Score extraction against hand-labelled gold: P/R/F1 per table and accuracies."""
    from .evaluate import evaluate_folder, render_report

    reports = evaluate_folder(
        fixtures, predictions=predictions, model=model, with_baseline=baseline
    )
    render_report(reports, Console(width=max(Console().width, 110)))
    if errors:
        for line in reports["extractor"].errors:
            typer.echo(line)
    if json_out is not None:
        json_out.write_text(json.dumps({k: r.as_dict() for k, r in reports.items()}, indent=2))
        console.print(f"figures written to {json_out}")


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
        console.print(f"[red]error:[/] {exc}")
        raise typer.Exit(exc.exit_code) from None
    render_terminal(doc, tables, Console())
    if html_out is not None:
        html_out.write_text(render_html(doc, tables), encoding="utf-8")
        console.print(f"HTML view written to {html_out}")


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


def main(argv: list[str] | None = None) -> None:
    """Entry point: ``extract PATH...`` runs the default command; errors become one red line."""
    args = list(sys.argv[1:] if argv is None else argv)
    if args and args[0] not in SUBCOMMANDS and args[0] not in app_commands():
        args.insert(0, "run")
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s %(name)s: %(message)s")
    try:
        app(args=args, prog_name="extract", standalone_mode=True)
    except ExtractorError as exc:
        console.print(f"[red]error:[/] {exc}")
        raise SystemExit(exc.exit_code) from None


def app_commands() -> set[str]:
    return {c.name for c in app.registered_commands if c.name}


__all__ = ["app", "main", "InputError"]
