"""styraudit: audits how a Swedish region or municipality steers its own initiatives."""

from __future__ import annotations

# A constant, not importlib.metadata: reading package metadata costs ~80 ms at start-up.
__version__ = "0.1.0"
