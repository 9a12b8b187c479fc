"""The Swedish draft audit report: a report model built from the case and the engine's results,
rendered to Markdown, HTML and Word."""
