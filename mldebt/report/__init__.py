"""Renderers that turn findings into what a person or a tool reads."""

from mldebt.report.json_format import render_json
from mldebt.report.text import render_text

RENDERERS = {"text": render_text, "json": render_json}
