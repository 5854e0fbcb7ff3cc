"""urllib: a package of the URL modules (pya has urllib.parse)."""

__path__ = [""]
