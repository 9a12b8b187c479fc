"""The Word (.docx) renderer of the report: package parts, styles, front matter, chapters, footnotes."""
