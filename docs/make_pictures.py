"""Draw the pictures shown in the docs: ``python docs/make_pictures.py`` (needs the map extra: ``uv sync --extra map``).

Writes ``docs/img/putin-2024-09-03.svg``, the world map of Vladimir Putin's verdicts on the first day of his visit
to Mongolia, and ``docs/img/putin-timelines.svg``, his timelines in the countries of his 2023-2024 trips (both used
by ``docs/views.md``). Run it again after a data change and commit the pictures it rewrites.
"""

from __future__ import annotations

import sys
from pathlib import Path

IMAGES = Path(__file__).parent / "img"

#: (file name, person, date) of each world map the docs show.
MAPS = (("putin-2024-09-03.svg", "putin", "2024-09-03"),)

#: (file name, person, countries, start, end) of each timeline picture.
TIMELINES = (("putin-timelines.svg", "putin", ("ZAF", "KGZ", "CHN", "ARM", "UKR", "MNG", "HUN", "TJK"),
              "2023-01-01", "2026-11-28"),)


def main() -> None:
    """Write every picture and say where."""
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # this checkout's code and data
    from icc_rules import world
    from icc_rules.views.timeline import save_timeline_svg

    IMAGES.mkdir(exist_ok=True)
    for name, person, date in MAPS:
        path = world(person, date).save(IMAGES / name)
        print(f"wrote {path}")
    for name, person, countries, start, end in TIMELINES:
        path = save_timeline_svg(IMAGES / name, person, countries, start, end)
        print(f"wrote {path}")


if __name__ == "__main__":
    main()
