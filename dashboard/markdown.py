"""Text made inert for st.markdown and for widget labels, which Streamlit renders as markdown."""
from __future__ import annotations

import re

_MD_SPECIAL = re.compile(r"([\\`*_\[\]<>$|~#&:{}!/])")


def md(value: object) -> str:
    """Markdown, HTML, LaTeX and directive characters backslash-escaped (the slash too, so that no `:material/…:` icon
    is read). For our own sentences around data labels: a bare web address would still become a link, so a user's
    name or a source's title is drawn with st.text instead wherever it can be."""
    return _MD_SPECIAL.sub(r"\\\1", str(value).replace("\r", " ").replace("\n", " "))
