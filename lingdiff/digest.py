"""SHA-256 for the cache keys and the sources' ``sha256``, without loading OpenSSL.

``hashlib`` loads OpenSSL's libcrypto (~3 ms, a fifth of Python's own start) to offer its
hashes; Python's built-in SHA-256 module gives the same digests at once. It hashes a
report-sized input (≤ 5 MB) in milliseconds, so lingdiff uses it where present and falls
back to ``hashlib`` on Pythons built without it.
"""

from __future__ import annotations

try:
    from _sha256 import sha256  # Python 3.11
except ImportError:  # pragma: no cover - depends on the Python build
    try:
        from _sha2 import sha256  # Python 3.12 and later
    except ImportError:
        from hashlib import sha256

__all__ = ["sha256"]
