"""The ``workbench`` command: one subcommand per pipeline stage, thin over the stages."""

from workbench.cli.main import main

__all__ = ["main"]
