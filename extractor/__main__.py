"""``python -m extractor`` runs the command-line tool."""

from .cli import main

main()
