"""Entry types: each has a schema module and a Jinja template of the same name here."""
from __future__ import annotations

from .case_study import CaseStudy
from .definition import Definition
from .framework import Framework
from .question import Question
from .reference import Reference
from .tips import Tips
from .workshop import Workshop

ENTRY_TYPES = {
    "definition": Definition,
    "framework": Framework,
    "tips": Tips,
    "question": Question,
    "case-study": CaseStudy,
    "reference": Reference,
    "workshop": Workshop,
}

# Where each type's pages are published; the id completes the URL and never changes.
SECTION = {
    "definition": "theory",
    "framework": "theory",
    "tips": "theory",
    "question": "theory",
    "case-study": "case-studies",
    "reference": "references",
    "workshop": "workshops",
}

# Types that must live in their own top-level folder; all others live in theory/.
FOLDER_OF_TYPE = {"case-study": "casestudies", "workshop": "workshops"}
