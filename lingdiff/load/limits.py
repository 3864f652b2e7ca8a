"""Limits on what lingdiff reads, shared by every reader."""

from __future__ import annotations

MAX_BYTES = 5 * 1024 * 1024
"""Largest input read. A report is 30–100 KB (a national 政府工作报告 ~60 KB); 5 MB is fifty
reports' worth, still processed in seconds, and keeps a wrong file from eating time and memory."""

MAX_PDF_BYTES = 50 * 1024 * 1024
"""Largest PDF read: a PDF carries fonts and often images, so a 30-page report can be
several MB; its extracted text is still held to :data:`MAX_BYTES`."""
