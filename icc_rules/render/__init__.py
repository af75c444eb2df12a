"""Renderers: records as CSV, JSON, NDJSON and text tables; calendars; the world map; the timeline chart. They know
the verdicts (for colours and words) and nothing else of the library: the views hand them what to draw."""
