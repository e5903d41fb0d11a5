"""``python -m warta`` runs the command line."""
import sys

from warta.cli import main

sys.exit(main())
