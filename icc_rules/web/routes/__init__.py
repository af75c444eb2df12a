"""The routes, one module per topic: :mod:`.answers` (one question), :mod:`.views` (many at once), :mod:`.dataset`
(the dataset and the rules), :mod:`.bulk` (a body of rows) and :mod:`.page` (the page and the docs), with what they
share in :mod:`.common` (the days a request asks about, the answer's tag and caching)."""
