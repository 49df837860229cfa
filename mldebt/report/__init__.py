"""Renderers that turn a ``Report`` into the text a person or a tool reads, one module per format."""

from mldebt.report.github import render_github
from mldebt.report.json_format import render_json
from mldebt.report.outcome import Report
from mldebt.report.sarif import render_sarif
from mldebt.report.statistics import render_statistics
from mldebt.report.text import render_text

RENDERERS = {"text": render_text, "json": render_json, "sarif": render_sarif, "github": render_github}

__all__ = ["RENDERERS", "Report", "render_statistics"]
