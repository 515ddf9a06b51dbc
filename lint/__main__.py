"""``python -m lint`` runs the refuso command line."""

import sys

from lint.cli import main

if __name__ == "__main__":
    sys.exit(main())
