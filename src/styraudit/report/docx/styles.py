"""Page and style set-up of the Word report: A4, Swedish language, built-in style names.

Styles carry Word's built-in names ("heading 1", "footnote text", "toc 1") so a Swedish Word
shows them as "Rubrik 1", "Fotnotstext", "Innehåll 1", and LibreOffice maps them to its own.
"""

from __future__ import annotations

from docx.document import Document
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.text import WD_TAB_ALIGNMENT, WD_TAB_LEADER
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.shared import Cm, Pt, RGBColor

LANGUAGE = "sv-SE"
TEXT_WIDTH = Cm(16)  # A4 (21 cm) less two 2.5 cm margins
_HEADING_COLOUR = RGBColor(0x1F, 0x3A, 0x5F)
_HEADING_SIZES = {1: 16, 2: 13, 3: 11}


def set_up(document: Document) -> None:
    """Page size, margins, language and the styles the renderer uses."""
    section = document.sections[0]
    section.page_width, section.page_height = Cm(21), Cm(29.7)
    for side in ("left_margin", "right_margin"):
        setattr(section, side, Cm(2.5))
    section.top_margin, section.bottom_margin = Cm(2.5), Cm(2.5)
    section.different_first_page_header_footer = True
    _swedish(document)
    _body(document)
    _headings(document)
    _footnote_styles(document)
    _toc_styles(document)
    _key_style(document)


def _swedish(document: Document) -> None:
    """Swedish as the language of every run: Word's spelling and hyphenation follow it."""
    defaults = document.styles.element.find(qn("w:docDefaults"))
    lang = defaults.find(f"{qn('w:rPrDefault')}/{qn('w:rPr')}/{qn('w:lang')}")
    lang.set(qn("w:val"), LANGUAGE)
    lang.set(qn("w:eastAsia"), LANGUAGE)
    settings = document.settings.element
    settings.find(qn("w:themeFontLang")).set(qn("w:val"), LANGUAGE)
    # Hyphenate automatically: Swedish compounds are long and a 16 cm line leaves gaps otherwise.
    # The schema orders settings: autoHyphenation follows defaultTabStop.
    settings.find(qn("w:defaultTabStop")).addnext(parse_xml(f"<w:autoHyphenation {nsdecls('w')}/>"))
    # python-docx's template says Word 2010 (14): Word would open the report in compatibility mode.
    for setting in settings.iter(qn("w:compatSetting")):
        if setting.get(qn("w:name")) == "compatibilityMode":
            setting.set(qn("w:val"), "15")


def _body(document: Document) -> None:
    normal = document.styles["Normal"]
    normal.font.size = Pt(11)
    normal.paragraph_format.space_after = Pt(8)
    normal.paragraph_format.line_spacing = 1.15
    for name in ("List Bullet", "Caption"):
        document.styles[name].paragraph_format.space_after = Pt(6)


def _headings(document: Document) -> None:
    for level, size in _HEADING_SIZES.items():
        style = document.styles[f"Heading {level}"]
        style.font.size = Pt(size)
        style.font.color.rgb = _HEADING_COLOUR
        style.font.italic = False
        style.paragraph_format.space_before = Pt(18 if level == 1 else 12)
        style.paragraph_format.space_after = Pt(6)
        style.paragraph_format.keep_with_next = True
    # Every chapter starts on a new page, as in seed 000 and the printed HTML.
    document.styles["Heading 1"].paragraph_format.page_break_before = True


def _footnote_styles(document: Document) -> None:
    text = document.styles.add_style("footnote text", WD_STYLE_TYPE.PARAGRAPH, builtin=True)
    text.style_id = "FootnoteText"
    text.base_style = document.styles["Normal"]
    text.font.size = Pt(9)
    text.paragraph_format.space_after = Pt(0)
    text.paragraph_format.line_spacing = 1.0
    reference = document.styles.add_style("footnote reference", WD_STYLE_TYPE.CHARACTER, builtin=True)
    reference.style_id = "FootnoteReference"
    reference.font.superscript = True


def _toc_styles(document: Document) -> None:
    """ "toc 1" and "toc 2": what Word uses when it rebuilds the table of contents."""
    for level in (1, 2):
        style = document.styles.add_style(f"toc {level}", WD_STYLE_TYPE.PARAGRAPH, builtin=True)
        style.style_id = f"TOC{level}"
        style.base_style = document.styles["Normal"]
        style.font.bold = level == 1
        style.paragraph_format.left_indent = Cm(0.6 * (level - 1))
        style.paragraph_format.space_after = Pt(4 if level == 2 else 6)
        style.paragraph_format.tab_stops.add_tab_stop(TEXT_WIDTH, WD_TAB_ALIGNMENT.RIGHT, WD_TAB_LEADER.DOTS)


def _key_style(document: Document) -> None:
    """The timeline's numbered key under the picture: number, date, short text, in one hanging line each."""
    style = document.styles.add_style("Timeline Key", WD_STYLE_TYPE.PARAGRAPH)
    style.base_style = document.styles["Normal"]
    style.font.size = Pt(9)
    form = style.paragraph_format
    form.space_after = Pt(1)
    form.line_spacing = 1.0
    form.left_indent = Cm(4.2)
    form.first_line_indent = Cm(-4.2)
    form.keep_with_next = True  # the key stays with the caption that ends the figure
    for position in (Cm(0.8), Cm(4.2)):
        form.tab_stops.add_tab_stop(position)
