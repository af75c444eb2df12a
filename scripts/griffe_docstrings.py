"""A griffe extension that lets mkdocstrings render icc-rules' docstrings as they are written.

The docstrings are written for ``help()`` and for doctest: bare ``>>>`` examples, and Sphinx roles such as
:func:`~icc_rules.assess` for cross-references. Markdown reads ``>>>`` as nested block quotes and knows no roles, so
before rendering, this extension

- wraps each run of doctest lines (from a ``>>>`` line to the next blank line) in a ``pycon`` code fence, without
  their ``# doctest:`` directives;
- turns each role into a link to the object it names, resolved like Sphinx does (as written, then relative to the
  docstring's class, its module and the package), shown as its last name part when written with ``~``. The link is
  optional: plain code where the object is not documented on the site (a private helper). A role naming nothing in
  the package is left as code and reported, which fails a strict build;
- turns the reStructuredText literal-block marker (``The hierarchy::``) into a plain colon, so the indented block
  after it renders as code.

The source files are not changed. Used by ``mkdocs.yml`` (mkdocstrings' python handler, ``extensions``).
"""

from __future__ import annotations

import re
from typing import Any

import griffe

_ROLE = re.compile(r":(?:func|class|mod|meth|attr|data|exc|obj):`(~?)\.?([\w.]+)`")
_LITERAL_MARKER = re.compile(r"(\S)::$", re.MULTILINE)
_DOCTEST_FLAGS = re.compile(r"\s*# doctest:.*$")


class DocstringsForMarkdown(griffe.Extension):
    """Rewrites every docstring of the loaded package into the Markdown mkdocstrings expects."""

    def on_object(self, *, obj: griffe.Object, loader: griffe.GriffeLoader, **kwargs: Any) -> None:
        if obj.docstring is None:
            return
        text = _LITERAL_MARKER.sub(r"\1:", obj.docstring.value)
        text = _fence_doctests(text)
        obj.docstring.value = _ROLE.sub(lambda match: _link(match, obj, loader), text)


def _fence_doctests(text: str) -> str:
    out: list[str] = []
    in_example, indent = False, ""
    for line in text.splitlines():
        stripped = line.lstrip()
        if not in_example and stripped.startswith(">>>"):
            indent = line[: len(line) - len(stripped)]
            out.append(f"{indent}```pycon")
            in_example = True
        elif in_example and not stripped:
            out.append(f"{indent}```")
            in_example = False
        out.append(_DOCTEST_FLAGS.sub("", line) if in_example else line)
    if in_example:
        out.append(f"{indent}```")
    return "\n".join(out)


def _link(match: re.Match[str], obj: griffe.Object, loader: griffe.GriffeLoader) -> str:
    short, target = match.group(1), match.group(2)
    scopes = [obj.path if obj.is_class else None, obj.parent.path if obj.parent else None, obj.module.path,
              obj.package.path]
    for candidate in [target, *(f"{scope}.{target}" for scope in scopes if scope)]:
        try:
            loader.modules_collection.get_member(candidate)
        except (KeyError, ValueError, griffe.AliasResolutionError):
            continue
        shown = target.rsplit(".", 1)[-1] if short else target
        # Optional: a link where the target is documented on the site, plain code where it is not (a private helper).
        return f'<autoref identifier="{candidate}" optional><code>{shown}</code></autoref>'
    griffe.logger.warning("%s: the docstring refers to %r, which names nothing in the package", obj.path, target)
    return f"`{target}`"
