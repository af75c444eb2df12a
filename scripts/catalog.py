"""The catalogs: extract the messages (icc_rules/locale/icc_rules.pot), merge them into each language's .po, and
compile its .mo, with Babel's pybabel (CONTRIBUTING.md). tests/i18n/test_catalog.py fails when a message is missing
from a .po, untranslated or fuzzy, or when a shipped .mo is not its .po compiled.

    uv run python scripts/catalog.py    # after changing a message; then translate the new msgids in the .po
"""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
LOCALE = ROOT / "icc_rules" / "locale"
POT = LOCALE / "icc_rules.pot"
EXTRACT = ["pybabel", "-q", "extract", "-F", "babel.cfg", "-k", "N_", "-k", "_", "-k", "gettext", "-k",
           "ngettext:1,2", "--no-location", "--sort-output", "--project", "icc-rules", "--copyright-holder",
           "icc-rules developers", "-o", str(POT), "."]


_DATED = re.compile(r'^"POT-Creation-Date: .*$', re.MULTILINE)


def main() -> int:
    before = POT.read_text(encoding="utf-8") if POT.exists() else ""
    subprocess.run(EXTRACT, cwd=ROOT, check=True)
    if _DATED.sub("", POT.read_text(encoding="utf-8")) == _DATED.sub("", before):
        POT.write_text(before, encoding="utf-8")  # the same messages: keep the date, so that nothing changes
    for po in sorted(LOCALE.glob("*/LC_MESSAGES/icc_rules.po")):
        lang = po.parent.parent.name
        subprocess.run(["pybabel", "-q", "update", "-i", str(POT), "-d", str(LOCALE), "-D", "icc_rules", "-l", lang,
                        "--no-fuzzy-matching", "--ignore-obsolete"], cwd=ROOT, check=True)
        subprocess.run(["pybabel", "-q", "compile", "-d", str(LOCALE), "-D", "icc_rules", "-l", lang,
                        "--statistics"], cwd=ROOT, check=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
