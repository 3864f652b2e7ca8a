"""``python -m lingdiff``: the same as the ``lingdiff`` command."""

import sys

from lingdiff.entry import main

sys.exit(main())
