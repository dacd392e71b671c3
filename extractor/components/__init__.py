"""The rule components of the extractor pipeline, one per module.

Importing this package registers their factories with spaCy.
"""

from . import countries, dates, initiatives, names, officials, titles  # noqa: F401
